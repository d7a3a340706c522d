// The load loop. One easy handle per pool connection, driven by one multi handle; a handle has at
// most one request in flight, so each connection name sees its PUTs in order and a read-back
// after a PUT sees that PUT's state.
#include "run/load_generator.h"

#include <curl/curl.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <deque>
#include <memory>

#include "contract/connection_rules.h"
#include "http/curl_transport.h"
#include "http/guarded_transport.h"
#include "http/retry_after.h"
#include "http/target_url.h"
#include "redact/redactor.h"
#include "run/load_body.h"
#include "text/json_text.h"
#include "text/percent.h"
#include "text/utf8.h"

namespace conform {
namespace {

using Clock = std::chrono::steady_clock;
constexpr size_t kMaxResponseBytes = 1 << 20;

// kRetryWait: the server answered 429/503; the same request goes again at retry_at.
enum class Phase { kIdle, kPut, kReadBack, kRetryWait };

// One pool connection: its name, its easy handle and the request it has in flight.
struct Slot {
  std::string name;
  std::string url;
  CURL* easy = nullptr;
  CURLU* parsed_url = nullptr;
  curl_slist* headers = nullptr;
  Phase phase = Phase::kIdle;
  std::string body;
  std::string response;
  uint64_t sequence = 0;  // of the PUT in flight or last completed
  Clock::time_point intended;
  uint64_t puts = 0;
  bool overflow = false;
  Phase retrying = Phase::kIdle;  // in kRetryWait: the phase to send again
  Clock::time_point retry_at;
  int attempt = 0;               // retries of the request in flight
  std::string quoted_name;  // the name as a JSON string literal
};

size_t OnData(char* data, size_t size, size_t count, void* user) {
  auto* slot = static_cast<Slot*>(user);
  if (slot->response.size() + size * count > kMaxResponseBytes) {
    slot->overflow = true;
    return 0;
  }
  slot->response.append(data, size * count);
  return size * count;
}

class LoadLoop {
 public:
  explicit LoadLoop(const LoadOptions& options)
      : options_(options), multi_(curl_multi_init()), secret_("conform-load-" + options.run_id) {}
  ~LoadLoop() {
    for (Slot& slot : slots_) {
      if (slot.easy) {
        curl_multi_remove_handle(multi_, slot.easy);
        curl_easy_cleanup(slot.easy);
      }
      curl_slist_free_all(slot.headers);
      curl_url_cleanup(slot.parsed_url);
    }
    curl_multi_cleanup(multi_);
  }

  void Run(const std::vector<std::string>& names, LoadResult* result) {
    result_ = result;
    for (const std::string& name : names) AddSlot(name);
    const uint64_t total = TotalRequests();
    const Clock::time_point start = Clock::now();
    const Clock::time_point end = start + std::chrono::microseconds(options_.duration_us);
    const Clock::time_point hard_stop = end + std::chrono::milliseconds(options_.timeout_ms + 1000);
    const double interval_us = options_.rate_per_second > 0 ? 1e6 / options_.rate_per_second : 0;
    uint64_t next = 0;
    int running = 0;
    while (true) {
      const Clock::time_point now = Clock::now();
      // At a fixed rate the schedule itself ends within the duration, and every request on it is
      // sent even if we fell behind; a closed loop simply stops at the end.
      const bool may_send = next < total && (interval_us > 0 || now < end);
      // Hand due requests to free slots. Requests due while every slot is busy wait in line; their
      // latency still counts from when they were due.
      while (may_send && next < total) {
        const Clock::time_point due =
            interval_us > 0 ? start + std::chrono::microseconds(static_cast<int64_t>(interval_us * next)) : now;
        if (due > now) break;
        Slot* slot = FreeSlot();
        if (!slot) break;
        StartPut(slot, next++, due);
      }
      ResendDueRetries(Clock::now());
      curl_multi_perform(multi_, &running);
      Collect();
      const bool done_sending = next >= total || (interval_us <= 0 && Clock::now() >= end);
      if (done_sending && InFlight() == 0) break;
      if (Clock::now() >= hard_stop) break;  // bounded even if the server never answers
      // Sleep until the next request is due or a socket wakes us; not at all if one can go now.
      int wait_ms = 5;
      if (next < total && FreeSlot()) {
        if (interval_us <= 0) {
          wait_ms = 0;
        } else {
          const auto due = start + std::chrono::microseconds(static_cast<int64_t>(interval_us * next));
          wait_ms = static_cast<int>(std::clamp<int64_t>(
              std::chrono::duration_cast<std::chrono::milliseconds>(due - Clock::now()).count(), 0, 5));
        }
      }
      if (wait_ms == 0) continue;
      curl_multi_poll(multi_, nullptr, 0, wait_ms, nullptr);
    }
    result_->sent = next;
    result_->seconds = std::chrono::duration<double>(Clock::now() - start).count();
    result_->achieved_rate = result_->seconds > 0 ? static_cast<double>(result_->completed) / result_->seconds : 0;
    for (Slot& slot : slots_) {
      if (slot.phase != Phase::kIdle) ++result_->errors["unfinished-at-stop"];
    }
  }

 private:
  uint64_t TotalRequests() const {
    if (options_.max_requests > 0) return options_.max_requests;
    if (options_.rate_per_second <= 0) return UINT64_MAX;  // closed loop: the duration bounds it
    return static_cast<uint64_t>(options_.rate_per_second * static_cast<double>(options_.duration_us) / 1e6);
  }

  void AddSlot(const std::string& name) {
    slots_.emplace_back();
    Slot& slot = slots_.back();
    slot.name = name;
    slot.url = options_.base_url + kCollectionPath + "/" + UrlEncode(name);
    slot.easy = curl_easy_init();
    // Only the headers the PUT needs: libcurl scans and formats every custom header byte by byte
    // on each request. The bodies stay far below its Expect: 100-continue threshold.
    Headers headers = {{"Content-Type", "application/json"}};
    AddCredentials(AuthMode::kToken, options_.credentials, &headers);
    for (const auto& [header, value] : headers) slot.headers = curl_slist_append(slot.headers, (header + ": " + value).c_str());
    slot.quoted_name = DumpJson(nlohmann::json(name));
    Configure(&slot);
  }

  Slot* FreeSlot() {
    for (Slot& slot : slots_) {
      if (slot.phase == Phase::kIdle) return &slot;
    }
    return nullptr;
  }

  size_t InFlight() const {
    return std::count_if(slots_.begin(), slots_.end(), [](const Slot& s) { return s.phase != Phase::kIdle; });
  }

  // Options that stay the same for every request of a slot are set once: per request we only
  // switch between PUT and GET, which keeps the client's cost per request small.
  void Configure(Slot* slot) {
    // A URL handle parsed once: given CURLOPT_URL, libcurl would parse and re-assemble the URL
    // on every request, about a fifth of its instructions per PUT (callgrind, libcurl 7.88).
    slot->parsed_url = curl_url();
    if (slot->parsed_url && curl_url_set(slot->parsed_url, CURLUPART_URL, slot->url.c_str(), 0) == CURLUE_OK) {
      curl_easy_setopt(slot->easy, CURLOPT_CURLU, slot->parsed_url);
    } else {
      curl_easy_setopt(slot->easy, CURLOPT_URL, slot->url.c_str());
    }
    curl_easy_setopt(slot->easy, CURLOPT_HTTPHEADER, slot->headers);
    curl_easy_setopt(slot->easy, CURLOPT_WRITEFUNCTION, OnData);
    curl_easy_setopt(slot->easy, CURLOPT_WRITEDATA, slot);
    curl_easy_setopt(slot->easy, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(slot->easy, CURLOPT_TIMEOUT_MS, options_.timeout_ms);
    curl_easy_setopt(slot->easy, CURLOPT_PRIVATE, slot);
    // A loopback target never goes through a proxy; saying so spares libcurl reading the proxy
    // environment variables on every request.
    if (IsLoopbackTarget(options_.base_url)) curl_easy_setopt(slot->easy, CURLOPT_PROXY, "");
  }

  void StartPut(Slot* slot, uint64_t sequence, Clock::time_point due) {
    slot->sequence = sequence;
    slot->body = LoadPutBody(secret_, slot->quoted_name, sequence);
    slot->response.clear();
    slot->overflow = false;
    curl_easy_setopt(slot->easy, CURLOPT_POSTFIELDS, slot->body.c_str());
    curl_easy_setopt(slot->easy, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(slot->body.size()));
    curl_easy_setopt(slot->easy, CURLOPT_CUSTOMREQUEST, "PUT");
    slot->phase = Phase::kPut;
    slot->intended = due;
    slot->attempt = 0;
    ++slot->puts;
    curl_multi_add_handle(multi_, slot->easy);
  }

  // The server asked us to back off (429/503): the same request again once Retry-After has
  // passed, at most max_retries times. Latency still counts from the first intended send.
  bool ScheduleRetry(Slot* slot, long status) {
    if (!IsRetryableStatus(static_cast<int>(status)) || slot->attempt >= options_.max_retries) return false;
    HttpResponse answer;
    answer.status = static_cast<int>(status);
    answer.headers = {{"Retry-After", RetryAfterOf(slot->easy)}};
    slot->retry_at = Clock::now() + std::chrono::microseconds(RetryDelayUs(answer, slot->attempt, options_.max_retry_wait_us));
    ++slot->attempt;
    slot->retrying = slot->phase;
    slot->phase = Phase::kRetryWait;
    ++result_->retries;
    if (status == 503) ++result_->errors["status-503 (retried)"];  // a retry never hides a 5xx
    return true;
  }

  static std::string RetryAfterOf(CURL* easy) {
    curl_off_t seconds = -1;
    // libcurl parses Retry-After itself, seconds or HTTP date (CURLINFO_RETRY_AFTER, 7.66).
    if (curl_easy_getinfo(easy, CURLINFO_RETRY_AFTER, &seconds) == CURLE_OK && seconds >= 0) {
      return std::to_string(seconds);
    }
    return "";
  }

  void ResendDueRetries(Clock::time_point now) {
    for (Slot& slot : slots_) {
      if (slot.phase != Phase::kRetryWait || slot.retry_at > now) continue;
      slot.phase = slot.retrying;
      slot.response.clear();
      slot.overflow = false;
      curl_multi_add_handle(multi_, slot.easy);
    }
  }

  void StartReadBack(Slot* slot) {
    slot->attempt = 0;
    slot->response.clear();
    slot->overflow = false;
    curl_easy_setopt(slot->easy, CURLOPT_CUSTOMREQUEST, nullptr);
    curl_easy_setopt(slot->easy, CURLOPT_HTTPGET, 1L);
    slot->phase = Phase::kReadBack;
    curl_multi_add_handle(multi_, slot->easy);
  }

  void Collect() {
    int left = 0;
    while (CURLMsg* message = curl_multi_info_read(multi_, &left)) {
      if (message->msg != CURLMSG_DONE) continue;
      Slot* slot = nullptr;
      curl_easy_getinfo(message->easy_handle, CURLINFO_PRIVATE, reinterpret_cast<char**>(&slot));
      curl_multi_remove_handle(multi_, message->easy_handle);
      Finish(slot, message->data.result);
    }
  }

  void Finish(Slot* slot, CURLcode code) {
    long status = 0;
    curl_easy_getinfo(slot->easy, CURLINFO_RESPONSE_CODE, &status);
    if (code == CURLE_OK && ScheduleRetry(slot, status)) return;
    if (slot->phase == Phase::kReadBack) {
      CheckReadBack(slot, code, status);
      slot->phase = Phase::kIdle;
      return;
    }
    const auto now = Clock::now();
    result_->latency.Record(std::chrono::duration_cast<std::chrono::microseconds>(now - slot->intended).count());
    curl_off_t total_us = 0;
    curl_easy_getinfo(slot->easy, CURLINFO_TOTAL_TIME_T, &total_us);
    result_->service_time.Record(total_us);
    ++result_->completed;
    slot->phase = Phase::kIdle;
    if (code != CURLE_OK) {
      ++result_->errors[slot->overflow ? "body-too-large" : code == CURLE_OPERATION_TIMEDOUT ? "response-timeout"
                                                                                              : curl_easy_strerror(code)];
      return;
    }
    if (status < 200 || status >= 300) {
      ++result_->errors["status-" + std::to_string(status)];
      return;
    }
    if (options_.oracle_every > 0 && slot->puts % static_cast<uint64_t>(options_.oracle_every) == 0) {
      StartReadBack(slot);
    }
  }

  // The read-back must show exactly the body the PUT sent: full replace under load.
  void CheckReadBack(Slot* slot, CURLcode code, long status) {
    ++result_->oracle_checks;
    if (code != CURLE_OK || status != 200) {
      ++result_->errors["oracle-read-failed"];
      return;
    }
    nlohmann::json body = ParseJsonText(slot->response);
    const nlohmann::json stored = body.is_object() ? body.value("externalDatabaseConnection", nlohmann::json()) : nlohmann::json();
    const std::string verdict = JudgeReadBack(WritableState(stored), secret_, slot->name, slot->sequence);
    if (!verdict.empty()) ++result_->errors[verdict];
  }

  const LoadOptions& options_;
  CURLM* multi_;
  const std::string secret_;  // run ids are [a-z0-9-], so this needs no JSON escaping
  std::deque<Slot> slots_;  // stable addresses: handles point at their slot
  LoadResult* result_ = nullptr;
};

long PeakRssKb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

}  // namespace

uint64_t LoadResult::ErrorCount() const {
  uint64_t n = 0;
  for (const auto& entry : errors) n += entry.second;
  return n;
}

LoadResult RunLoad(const LoadOptions& options) {
  LoadResult result;
  CurlOptions curl;
  curl.timeout_ms = options.timeout_ms;
  CurlTransport raw(curl);
  GatePolicy policy;
  policy.max_retries = options.max_retries;
  policy.max_retry_wait_us = options.max_retry_wait_us;
  RequestGate gate(policy);
  GuardedTransport transport(raw, gate);  // pool setup and cleanup: retried on 429/503 too
  Redactor redactor;  // a refused create's page may echo the token
  redactor.AddCredential(options.credentials.token);
  std::vector<std::string> names;
  for (int k = 0; k < options.connections; ++k) {
    const std::string name = NamePrefix(options.run_id) + "load-" + std::to_string(k);
    const HttpRequest create = CreateRequest(
        options.base_url,
        DumpJson(nlohmann::json({{"externalDatabaseConnection", {{"name", name}}}, {"connectionType", "STANDALONE"}})),
        options.credentials);
    HttpResponse response = transport.Send(create);
    if (!response.ok()) {
      result.setup_error = response.error_message;
      result.unreachable = names.empty();
      break;
    }
    if (response.status < 200 || response.status >= 300) {
      result.setup_error = "creating " + name + " answered " + std::to_string(response.status) + ": " +
                           redactor.Excerpt(response.body, 200);
      break;
    }
    names.push_back(name);
  }
  if (result.setup_error.empty()) {
    LoadLoop loop(options);
    loop.Run(names, &result);
  }
  for (const std::string& name : names) {
    HttpRequest request = NameRequest("DELETE", options.base_url, name, options.credentials);
    request.cleanup = true;
    HttpResponse response = transport.Send(request);
    if (!DeleteLeftNothing(response)) result.leftovers.push_back(name);
  }
  result.retries += static_cast<uint64_t>(gate.retries());
  result.peak_rss_kb = PeakRssKb();
  return result;
}

}  // namespace conform
