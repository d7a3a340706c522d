// A certificate authority and a server certificate for `conform mock --tls`, made at start with
// OpenSSL (already linked through libcurl), so HTTPS clients can test against the mock by
// trusting one CA file: conform with --cacert, Node with NODE_EXTRA_CA_CERTS.
#pragma once

#include <string>

namespace conform {

struct TlsFiles {
  std::string ca;    // PEM: the CA certificate clients trust
  std::string cert;  // PEM: the server's certificate (for localhost, 127.0.0.1 and ::1), signed by the CA
  std::string key;   // PEM: the server's private key
};

// Writes ca.pem, cert.pem and key.pem into `dir` (created if missing; the key readable by its
// owner only). Certificates are valid from an hour ago for 30 days. false with *err when
// OpenSSL or the file system fails.
bool WriteTlsFiles(const std::string& dir, TlsFiles* out, std::string* err);

}  // namespace conform
