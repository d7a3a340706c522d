// Test support: a tiny TCP server on 127.0.0.1:<free port> whose handler answers each
// connection however a broken server or network would (hang, reset, garbage, ...).
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <functional>
#include <string>
#include <thread>
#include <vector>

namespace conform {

using Handler = std::function<void(int fd)>;

// 127.0.0.1:port as a socket address (port 0: let bind pick a free one).
inline sockaddr_in LoopbackAddress(int port = 0) {
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(static_cast<uint16_t>(port));
  return address;
}

// The port bind picked for a socket bound to LoopbackAddress().
inline int BoundPort(int fd) {
  sockaddr_in address{};
  socklen_t length = sizeof(address);
  getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  return ntohs(address.sin_port);
}

// A port on 127.0.0.1 that nothing listens on: bound for a moment to find a free one, then closed.
inline int ClosedLoopbackPort() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address = LoopbackAddress();
  bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address));
  const int port = BoundPort(fd);
  close(fd);
  return port;
}

// Accepts connections on 127.0.0.1:<free port> and hands each to `handler` on its own thread.
class FaultServer {
 public:
  explicit FaultServer(Handler handler, int backlog = 16) : handler_(std::move(handler)) {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address = LoopbackAddress();
    bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof(address));
    port_ = BoundPort(fd_);
    listen(fd_, backlog);
    if (handler_) thread_ = std::thread([this] { Serve(); });
  }
  ~FaultServer() {
    stopping_ = true;
    shutdown(fd_, SHUT_RDWR);
    close(fd_);
    if (thread_.joinable()) thread_.join();
    for (std::thread& t : workers_) t.join();
  }
  std::string Url(const std::string& path = "/x") const { return "http://127.0.0.1:" + std::to_string(port_) + path; }
  int port() const { return port_; }

 private:
  void Serve() {
    while (!stopping_) {
      int client = accept(fd_, nullptr, nullptr);
      if (client < 0) return;
      workers_.emplace_back([this, client] {
        handler_(client);
        close(client);
      });
    }
  }
  Handler handler_;
  int fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stopping_{false};
  std::thread thread_;
  std::vector<std::thread> workers_;
};

inline void ReadRequest(int fd) {
  char buffer[4096];
  recv(fd, buffer, sizeof(buffer), 0);
}

inline void Send(int fd, const std::string& text) { send(fd, text.data(), text.size(), MSG_NOSIGNAL); }

}  // namespace conform
