// Drives `conform mock --tls` with Wix's own JavaScript SDK (@wix/sdk with @wix/data's
// externalDatabaseConnections), the way a team's code calls the real API, and checks what every
// call returns to its caller. Usage: node check-sdk.cjs SDK_DIR HOST:PORT API_KEY
// (NODE_EXTRA_CA_CERTS must name the mock's CA file). Exit 0 when every check passed.
'use strict';
const assert = require('node:assert/strict');
const { createRequire } = require('node:module');
const path = require('node:path');

const [sdkDir, apiBaseUrl, apiKey] = process.argv.slice(2);
if (!sdkDir || !apiBaseUrl || !apiKey) {
  console.error('usage: node check-sdk.cjs SDK_DIR HOST:PORT API_KEY');
  process.exit(2);
}
const requireFromSdk = createRequire(path.resolve(sdkDir, 'package.json'));
const { createClient, ApiKeyStrategy } = requireFromSdk('@wix/sdk');
const { externalDatabaseConnections } = requireFromSdk('@wix/data');

const client = createClient({
  modules: { externalDatabaseConnections },
  auth: ApiKeyStrategy({ apiKey, siteId: 'conform-mock-site' }),
  host: { apiBaseUrl },  // a host the SDK does not know: it sends /_api/cloud-data/v1/...
});
const edc = client.externalDatabaseConnections;

let passed = 0;
async function check(what, run) {
  try {
    await run();
    passed += 1;
    console.log(`ok - ${what}`);
  } catch (error) {
    console.log(`not ok - ${what}: ${error.message.split('\n')[0]}`);
    process.exit(1);
  }
}

// The error the SDK throws to its caller for a call that should fail with `code`.
async function expectError(call, status, code) {
  try {
    await call();
  } catch (error) {
    assert.equal(error.details?.applicationError?.code, code, `applicationError.code of ${JSON.stringify(error.details)}`);
    assert.equal(error.status, status);
    return;
  }
  assert.fail(`expected ${status} ${code}, but the call succeeded`);
}

async function main() {
  // A space and a plus in the name: the SDK puts the name in the path without encoding it
  // itself, and also sends it as a query parameter.
  const name = `conform sdk+check ${process.pid}`;
  const others = [`${name} b`, `${name} c`];
  const configuration = { secretKey: 'conform-sdk-secret', tenantId: 'site', collections: ['a', 'b'], nested: { n: 5 } };

  await check('create returns the created connection', async () => {
    const created = await edc.createExternalDatabaseConnection(
      { name, endpoint: 'https://example.com/sdk-db', configuration }, 'STANDALONE');
    assert.equal(created.name, name);
    assert.equal(created.endpoint, 'https://example.com/sdk-db');
    assert.deepEqual(created.configuration, configuration);
  });
  await check('get returns what was created', async () => {
    const got = await edc.getExternalDatabaseConnection(name);
    assert.equal(got.name, name);
    assert.deepEqual(got.configuration, configuration);
    assert.equal(typeof got.connectionStatus?.successful, 'boolean');
  });
  await check('update replaces the whole connection, as its caller sees it', async () => {
    const updated = await edc.updateExternalDatabaseConnection(name, {
      endpoint: 'https://example.com/sdk-db-2', configuration: { only: 1 } });
    assert.equal(updated.endpoint, 'https://example.com/sdk-db-2');
    assert.deepEqual(updated.configuration, { only: 1 });
    const got = await edc.getExternalDatabaseConnection(name);
    assert.deepEqual(got.configuration, { only: 1 }, 'old configuration keys survived the update');
  });
  await check('list pages with paging.limit and paging.offset', async () => {
    for (const other of others) {
      await edc.createExternalDatabaseConnection({ name: other, endpoint: 'https://example.com/x' }, 'STANDALONE');
    }
    const seen = new Set();
    for (let offset = 0; offset < 100; offset += 1) {
      const page = await edc.listExternalDatabaseConnections({ paging: { limit: 1, offset } });
      const items = page.externalDatabaseConnections ?? [];
      if (items.length === 0) break;
      assert.equal(items.length, 1, 'paging.limit 1 gave a longer page');
      assert.equal(page.pagingMetadata?.count, 1);
      assert.equal(page.pagingMetadata?.offset ?? 0, offset);
      seen.add(items[0].name);
    }
    for (const expected of [name, ...others]) assert.ok(seen.has(expected), `${expected} was not listed`);
  });
  await check('update of an unknown name fails with 404 NOT_FOUND', async () => {
    await expectError(() => edc.updateExternalDatabaseConnection(`${name} missing`, { endpoint: 'https://example.com/x' }),
                      404, 'NOT_FOUND');
  });
  await check('delete, then get fails with 404 NOT_FOUND', async () => {
    await edc.deleteExternalDatabaseConnection(name);
    await expectError(() => edc.getExternalDatabaseConnection(name), 404, 'NOT_FOUND');
  });
  await check('delete of the others leaves the list without them', async () => {
    for (const other of others) await edc.deleteExternalDatabaseConnection(other);
    const page = await edc.listExternalDatabaseConnections({ paging: { limit: 100 } });
    const names = (page.externalDatabaseConnections ?? []).map((c) => c.name);
    for (const gone of [name, ...others]) assert.ok(!names.includes(gone), `${gone} is still listed`);
  });
  console.log(`${passed} checks passed with @wix/sdk against ${apiBaseUrl}`);
}

main().catch((error) => {
  console.log(`not ok - ${error.message}`);
  process.exit(1);
});
