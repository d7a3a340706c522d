// Every failure of the environment, classified and bounded in time: a small fault server on
// loopback (one port per fault) answers the way broken servers and networks do.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <thread>

#include <gtest/gtest.h>
#include <httplib.h>

#include "http/curl_transport.h"
#include "http/fault_server_for_tests.h"

namespace conform {
namespace {

HttpResponse GetThroughCurl(const std::string& url, CurlOptions options = {}) {
  options.connect_timeout_ms = std::min(options.connect_timeout_ms, 1000L);
  options.timeout_ms = std::min(options.timeout_ms, 1500L);
  CurlTransport transport(options);
  return transport.Send({"GET", url, {}, false, ""});
}

// Every fault is answered within its timeouts, never more.
class TransportFaultTest : public ::testing::Test {
 protected:
  void SetUp() override { start_ = std::chrono::steady_clock::now(); }
  void TearDown() override {
    EXPECT_LT(std::chrono::steady_clock::now() - start_, std::chrono::seconds(5)) << "a fault took too long";
  }
  std::chrono::steady_clock::time_point start_;
};

TEST_F(TransportFaultTest, ConnectionRefused) {
  int port = 0;
  { FaultServer closed(nullptr); port = closed.port(); }  // bound, then closed: nothing listens
  HttpResponse r = GetThroughCurl("http://127.0.0.1:" + std::to_string(port) + "/x");
  EXPECT_EQ(r.error, TransportError::kRefused) << r.error_message;
  EXPECT_NE(r.error_message.find("127.0.0.1:" + std::to_string(port)), std::string::npos);
}

TEST_F(TransportFaultTest, DnsFailure) {
  HttpResponse r = GetThroughCurl("http://conform-test-host.invalid/x");
  EXPECT_EQ(r.error, TransportError::kResolve) << r.error_message;
  EXPECT_NE(r.error_message.find("conform-test-host.invalid"), std::string::npos);
}

TEST_F(TransportFaultTest, ConnectTimeout) {
  // A listener that never accepts, its queue already full: the kernel drops further SYNs.
  FaultServer full(nullptr, 0);
  std::vector<int> fillers;
  for (int i = 0; i < 3; ++i) {
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    sockaddr_in address = LoopbackAddress(full.port());
    connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address));
    fillers.push_back(fd);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  CurlOptions options;
  options.connect_timeout_ms = 300;
  HttpResponse r = GetThroughCurl(full.Url(), options);
  EXPECT_EQ(r.error, TransportError::kConnectTimeout) << r.error_message;
  for (int fd : fillers) close(fd);
}

TEST_F(TransportFaultTest, ResponseTimeout) {
  FaultServer silent([](int fd) {
    ReadRequest(fd);
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  });
  CurlOptions options;
  options.timeout_ms = 300;
  HttpResponse r = GetThroughCurl(silent.Url(), options);
  EXPECT_EQ(r.error, TransportError::kTimeout) << r.error_message;
}

// A timeout on a reused keep-alive connection records no connect time either: its request went
// out, so it is a response timeout, not a connect timeout.
TEST_F(TransportFaultTest, ResponseTimeoutOnAReusedConnection) {
  FaultServer slow_second([](int fd) {
    ReadRequest(fd);
    Send(fd, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
    ReadRequest(fd);
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  });
  CurlOptions options;
  options.timeout_ms = 300;
  CurlTransport transport(options);
  ASSERT_EQ(transport.Send({"GET", slow_second.Url(), {}, false, ""}).status, 200);
  HttpResponse r = transport.Send({"GET", slow_second.Url(), {}, false, ""});
  EXPECT_EQ(r.error, TransportError::kTimeout) << r.error_message;
}

TEST_F(TransportFaultTest, ResetMidBody) {
  FaultServer resetting([](int fd) {
    ReadRequest(fd);
    Send(fd, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"partial\": ");
    linger hard{1, 0};
    setsockopt(fd, SOL_SOCKET, SO_LINGER, &hard, sizeof(hard));  // close sends RST
  });
  HttpResponse r = GetThroughCurl(resetting.Url());
  EXPECT_EQ(r.error, TransportError::kReset) << r.error_message;
}

TEST_F(TransportFaultTest, BodyLargerThanTheCap) {
  FaultServer huge([](int fd) {
    ReadRequest(fd);
    Send(fd, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 4000000\r\n\r\n");
    const std::string chunk(64 * 1024, ' ');
    for (int i = 0; i < 61; ++i) Send(fd, chunk);
  });
  CurlOptions options;
  options.max_body_bytes = 1024 * 1024;
  HttpResponse r = GetThroughCurl(huge.Url(), options);
  EXPECT_EQ(r.error, TransportError::kTooLarge) << r.error_message;
  EXPECT_NE(r.error_message.find("larger than 1048576 bytes"), std::string::npos) << r.error_message;
}

TEST_F(TransportFaultTest, RedirectIsReportedNotFollowed) {
  FaultServer redirecting([](int fd) {
    ReadRequest(fd);
    Send(fd, "HTTP/1.1 302 Found\r\nLocation: http://127.0.0.1:1/elsewhere\r\nContent-Length: 0\r\n\r\n");
  });
  HttpResponse r = GetThroughCurl(redirecting.Url());
  EXPECT_EQ(r.error, TransportError::kRedirect);
  EXPECT_NE(r.error_message.find("302 to http://127.0.0.1:1/elsewhere"), std::string::npos) << r.error_message;
}

TEST_F(TransportFaultTest, Http10CloseDelimitedBodyIsReadWhole) {
  FaultServer old([](int fd) {
    ReadRequest(fd);
    Send(fd, "HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n{\"externalDatabaseConnections\": []}");
  });
  HttpResponse r = GetThroughCurl(old.Url());
  EXPECT_TRUE(r.ok()) << r.error_message;
  EXPECT_EQ(r.body, "{\"externalDatabaseConnections\": []}");
}

// A server with a self-signed certificate: refused by default, trusted with --cacert, and let
// through with --insecure.
TEST_F(TransportFaultTest, TlsSelfSignedCertificate) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / ("conform-tls-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  const std::string cert = (dir / "cert.pem").string(), key = (dir / "key.pem").string();
  const std::string make = "openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 "
                           "-addext subjectAltName=IP:127.0.0.1 -keyout " + key + " -out " + cert + " >/dev/null 2>&1";
  ASSERT_EQ(std::system(make.c_str()), 0);
  httplib::SSLServer server(cert.c_str(), key.c_str());
  server.Get("/x", [](const httplib::Request&, httplib::Response& res) { res.set_content("{}", "application/json"); });
  int port = server.bind_to_any_port("127.0.0.1");
  std::thread thread([&] { server.listen_after_bind(); });
  for (int i = 0; i < 1000 && !server.is_running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  const std::string url = "https://127.0.0.1:" + std::to_string(port) + "/x";

  HttpResponse refused = GetThroughCurl(url);
  EXPECT_EQ(refused.error, TransportError::kTls) << refused.error_message;
  CurlOptions trusted;
  trusted.cacert = cert;
  EXPECT_EQ(GetThroughCurl(url, trusted).status, 200) << GetThroughCurl(url, trusted).error_message;
  CurlOptions insecure;
  insecure.insecure = true;
  EXPECT_EQ(GetThroughCurl(url, insecure).status, 200);

  server.stop();
  thread.join();
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace conform
