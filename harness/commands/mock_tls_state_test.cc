// `conform mock --tls` and `--state`, as a team uses them for a local stand-in of Wix: the CA it
// makes is what a client must trust, conform's own run passes over HTTPS with --cacert, and the
// connections outlive a restart. Bad TLS and state input is one line and exit 2.
#include <sys/stat.h>

#include <fstream>

#include <gtest/gtest.h>

#include "commands/conform_binary_for_tests.h"
#include "http/curl_transport.h"
#include "mock/mock_server.h"
#include "mock/tls_files.h"

namespace conform {
namespace {

class MockTlsStateTest : public TempDirTest {};

HttpResponse List(const std::string& base, CurlOptions options = {}) {
  CurlTransport transport(options);
  return transport.Send({"GET", base + "/wix-data/v1/external-database-connections", {{"Authorization", "T"}}, false, ""});
}

TEST_F(MockTlsStateTest, MadeCertificatesServeHttpsThatOnlyTheCaTrusts) {
  TlsFiles files;
  std::string err;
  ASSERT_TRUE(WriteTlsFiles(Path("tls"), &files, &err)) << err;
  struct stat key{};
  ASSERT_EQ(stat(files.key.c_str(), &key), 0);
  EXPECT_EQ(key.st_mode & 0777, 0600u) << "the private key is its owner's only";

  MockOptions options;
  options.token = "T";
  options.tls_cert = files.cert;
  options.tls_key = files.key;
  MockServer mock(options);
  ASSERT_TRUE(mock.Start(&err)) << err;
  ASSERT_EQ(mock.base_url().rfind("https://127.0.0.1:", 0), 0u) << mock.base_url();

  CurlOptions trusting;
  trusting.cacert = files.ca;
  EXPECT_EQ(List(mock.base_url(), trusting).status, 200);
  // By name too: the certificate covers localhost.
  const std::string by_name = "https://localhost:" + std::to_string(mock.port());
  EXPECT_EQ(List(by_name, trusting).status, 200);
  EXPECT_EQ(List(mock.base_url()).error, TransportError::kTls) << "the system store must not trust the mock";
}

TEST_F(MockTlsStateTest, ConformRunPassesOverHttpsWithTheCaFile) {
  MockProcess mock({"--tls", "--tls-dir", Path("tls"), "--token", "T", "--readonly-token", "R"});
  ASSERT_EQ(mock.BaseUrl().rfind("https://", 0), 0u) << mock.BaseUrl();
  Ran r = RunConformBinary("run -q --target " + mock.BaseUrl() + " --token T --readonly-token R --cacert " + Path("tls/ca.pem") +
                           " --junit " + Path("junit.xml") + " --json " + Path("report.json") + " --found " + Path("found"));
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(Json("report.json")["summary"]["skipped"], 0);

  // Without the CA: one line that says what to pass, exit 3.
  Ran untrusted = RunConformBinary("run -q --target " + mock.BaseUrl() + " --token T --junit " + Path("junit.xml") +
                                   " --json " + Path("report.json") + " --found " + Path("found"));
  EXPECT_EQ(untrusted.exit_code, 3) << untrusted.output;
  EXPECT_NE(untrusted.output.find("tls-failure"), std::string::npos) << untrusted.output;
  EXPECT_NE(untrusted.output.find("pass --cacert FILE"), std::string::npos) << untrusted.output;
}

TEST_F(MockTlsStateTest, StateOutlivesARestart) {
  const std::string state = Path("state.json");
  {
    MockProcess mock({"--token", "T", "--state", state});
    CurlTransport transport{CurlOptions{}};
    HttpResponse created = transport.Send(
        {"POST", mock.BaseUrl() + "/wix-data/v1/external-database-connections",
         {{"Authorization", "T"}, {"Content-Type", "application/json"}}, true,
         R"({"externalDatabaseConnection":{"name":"kept","endpoint":"https://e.example/db","configuration":{"k":[1,2]}},"connectionType":"STANDALONE"})"});
    ASSERT_EQ(created.status, 200) << created.body;
  }  // SIGTERM: the mock saves its state
  MockProcess again({"--token", "T", "--state", state});
  CurlTransport transport{CurlOptions{}};
  HttpResponse got = transport.Send({"GET", again.BaseUrl() + "/wix-data/v1/external-database-connections/kept",
                                     {{"Authorization", "T"}}, false, ""});
  ASSERT_EQ(got.status, 200) << got.body;
  const nlohmann::json body = nlohmann::json::parse(got.body);
  EXPECT_EQ(body["externalDatabaseConnection"]["configuration"], nlohmann::json::parse(R"({"k":[1,2]})"));
  EXPECT_EQ(body["externalDatabaseConnection"]["protocolVersion"], "V2");
}

TEST_F(MockTlsStateTest, BadTlsAndStateInputIsOneLineAndExit2) {
  std::ofstream(Path("broken.json")) << R"({"connections": [{"name": "", "writable": {}}]})";
  std::ofstream(Path("cert.pem")) << "not a certificate";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"mock --port 0 --tls-cert " + Path("cert.pem"), "--tls-cert needs --tls-key"},
      {"mock --port 0 --tls-cert " + Path("cert.pem") + " --tls-key " + Path("cert.pem"), "cannot serve HTTPS with"},
      {"mock --port 0 --tls-cert " + Path("missing.pem") + " --tls-key " + Path("cert.pem"), "--tls-cert"},
      {"mock --port 0 --state " + Path("broken.json"), Path("broken.json") + ": /connections/0: expected"},
  };
  for (const auto& [args, message] : cases) {
    Ran r = RunConformBinary(args);
    EXPECT_EQ(r.exit_code, 2) << args << "\n" << r.output;
    EXPECT_NE(r.output.find(message), std::string::npos) << args << "\n" << r.output;
  }
}

}  // namespace
}  // namespace conform
