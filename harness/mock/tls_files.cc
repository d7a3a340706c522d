// OpenSSL 3: an EC P-256 key for each, X.509 v3 with the extensions a browser-grade client
// checks (basic constraints, key usage, subject alternative names).
#include "mock/tls_files.h"

#include <sys/stat.h>

#include <cstdio>
#include <filesystem>
#include <memory>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace conform {
namespace {

using Key = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
using Cert = std::unique_ptr<X509, decltype(&X509_free)>;

constexpr long kValidSeconds = 30L * 24 * 3600;

Key NewKey() { return Key(EVP_EC_gen("P-256"), EVP_PKEY_free); }

bool AddExtension(X509* cert, X509* issuer, int nid, const char* value) {
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
  X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
  if (!ext) return false;
  const bool added = X509_add_ext(cert, ext, -1) == 1;
  X509_EXTENSION_free(ext);
  return added;
}

// A certificate for `key` named `common_name`, signed by issuer_key (issuer: nullptr for a
// self-signed one).
Cert NewCertificate(EVP_PKEY* key, const char* common_name, X509* issuer, EVP_PKEY* issuer_key, long serial) {
  Cert cert(X509_new(), X509_free);
  if (!cert) return cert;
  X509_set_version(cert.get(), 2);
  ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), serial);
  X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
  X509_gmtime_adj(X509_getm_notAfter(cert.get()), kValidSeconds);
  X509_set_pubkey(cert.get(), key);
  X509_NAME* name = X509_get_subject_name(cert.get());
  X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("conform mock"), -1, -1, 0);
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>(common_name), -1, -1, 0);
  X509_set_issuer_name(cert.get(), issuer ? X509_get_subject_name(issuer) : name);
  X509* signer = issuer ? issuer : cert.get();
  const bool extended =
      issuer ? AddExtension(cert.get(), signer, NID_basic_constraints, "critical,CA:FALSE") &&
                   AddExtension(cert.get(), signer, NID_key_usage, "critical,digitalSignature,keyEncipherment") &&
                   AddExtension(cert.get(), signer, NID_ext_key_usage, "serverAuth") &&
                   AddExtension(cert.get(), signer, NID_subject_alt_name, "DNS:localhost,IP:127.0.0.1,IP:::1")
             : AddExtension(cert.get(), signer, NID_basic_constraints, "critical,CA:TRUE") &&
                   AddExtension(cert.get(), signer, NID_key_usage, "critical,keyCertSign,cRLSign") &&
                   AddExtension(cert.get(), signer, NID_subject_key_identifier, "hash");
  if (!extended || X509_sign(cert.get(), issuer_key, EVP_sha256()) == 0) cert.reset();
  return cert;
}

bool WritePem(const std::string& path, const std::function<int(FILE*)>& write, mode_t mode, std::string* err) {
  FILE* file = std::fopen(path.c_str(), "w");
  if (!file) {
    *err = path + ": cannot be written";
    return false;
  }
  chmod(path.c_str(), mode);
  const bool ok = write(file) == 1;
  if (std::fclose(file) != 0 || !ok) {
    *err = path + ": could not write the PEM";
    return false;
  }
  return true;
}

}  // namespace

bool WriteTlsFiles(const std::string& dir, TlsFiles* out, std::string* err) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    *err = dir + ": " + ec.message();
    return false;
  }
  Key ca_key = NewKey(), server_key = NewKey();
  if (!ca_key || !server_key) {
    *err = "OpenSSL could not make a key";
    return false;
  }
  Cert ca = NewCertificate(ca_key.get(), "conform mock CA", nullptr, ca_key.get(), 1);
  Cert server = ca ? NewCertificate(server_key.get(), "localhost", ca.get(), ca_key.get(), 2) : Cert(nullptr, X509_free);
  if (!ca || !server) {
    *err = "OpenSSL could not make the certificates";
    return false;
  }
  out->ca = (std::filesystem::path(dir) / "ca.pem").string();
  out->cert = (std::filesystem::path(dir) / "cert.pem").string();
  out->key = (std::filesystem::path(dir) / "key.pem").string();
  return WritePem(out->ca, [&](FILE* f) { return PEM_write_X509(f, ca.get()); }, 0644, err) &&
         WritePem(out->cert, [&](FILE* f) { return PEM_write_X509(f, server.get()); }, 0644, err) &&
         WritePem(out->key, [&](FILE* f) { return PEM_write_PrivateKey(f, server_key.get(), nullptr, nullptr, 0, nullptr, nullptr); },
                  0600, err);
}

}  // namespace conform
