// CurlTransport against a loopback server that compresses what it is asked to: a request that
// accepts compression gets the answer decoded, its headers saying how it came, and the decoded
// size bounded like any body (a small compressed answer may hold a huge one).
#include "http/curl_transport.h"

#include <thread>

#include <gtest/gtest.h>
#include <httplib.h>

namespace conform {
namespace {

class CompressingServer {
 public:
  explicit CompressingServer(std::string body) {
    server_.Get("/x", [body](const httplib::Request& req, httplib::Response& res) {
      res.set_header("X-Seen-Accept-Encoding", req.get_header_value("Accept-Encoding"));
      res.set_content(body, "application/json");  // cpp-httplib compresses JSON for a client that accepts it
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
  }
  ~CompressingServer() {
    server_.stop();
    thread_.join();
  }
  std::string Url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/x"; }

 private:
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
};

HttpResponse CurlGet(const std::string& url, Headers headers, size_t max_body_bytes = 8 * 1024 * 1024) {
  CurlOptions options;
  options.timeout_ms = 5000;
  options.max_body_bytes = max_body_bytes;
  CurlTransport transport(options);
  return transport.Send({"GET", url, std::move(headers), false, ""});
}

TEST(CurlTransportTest, AnAnswerCompressedAsTheRequestAcceptedIsDecoded) {
  const std::string json = R"({"externalDatabaseConnection":{"name":")" + std::string(4000, 'a') + R"("}})";
  CompressingServer server(json);
  for (const std::string accepted : {"gzip", "gzip, deflate, br"}) {
    SCOPED_TRACE(accepted);
    const HttpResponse r = CurlGet(server.Url(), {{"accept-encoding", accepted}});
    ASSERT_TRUE(r.ok()) << r.error_message;
    EXPECT_EQ(r.body, json) << "decoded";
    EXPECT_EQ(r.Header("X-Seen-Accept-Encoding"), accepted) << "sent as the case wrote it";
    EXPECT_NE(r.Header("Content-Encoding"), "") << "and the headers say how it came";
  }
  const HttpResponse plain = CurlGet(server.Url(), {});
  EXPECT_EQ(plain.body, json);
  EXPECT_EQ(plain.Header("Content-Encoding"), "") << "nothing compressed unless asked";
  EXPECT_EQ(plain.Header("X-Seen-Accept-Encoding"), "");
}

TEST(CurlTransportTest, ADecodedAnswerIsBoundedLikeAnyBody) {
  CompressingServer server("[" + std::string(20 * 1024 * 1024, ' ') + "]");  // ~20 KB as gzip
  const HttpResponse r = CurlGet(server.Url(), {{"Accept-Encoding", "gzip"}}, 1024 * 1024);
  EXPECT_EQ(r.error, TransportError::kTooLarge) << r.error_message;
}

}  // namespace
}  // namespace conform
