#include "explore/reference.h"

#include "mock/wix_error.h"
#include "text/json_text.h"

namespace conform {
namespace {

class Model : public Reference {
 public:
  Reply Apply(const RequestSpec& spec, const Variables&, const std::string& name, const std::optional<nlohmann::json>& body) override {
    saved_ = store_.SaveName(name);
    if (const int refused = CredentialRefusal(spec.auth, spec.call)) {
      return {refused, ApplicationErrorBody(refused == 401 ? "UNAUTHENTICATED" : "PERMISSION_DENIED", "refused credentials")};
    }
    const nlohmann::json b = body.value_or(nlohmann::json());
    switch (spec.call) {
      case CallKind::kCreate: return store_.Create(b);
      case CallKind::kUpdate: return store_.Update(name, b);
      case CallKind::kGet: return store_.Get(name);
      case CallKind::kDelete: return store_.Delete(name);
      case CallKind::kList: return store_.List("100", "");
    }
    return {};
  }
  Reply Get(const std::string& name) override { return store_.Get(name); }
  bool Undo() override {
    store_.RestoreName(saved_);
    return true;
  }
  void Cleanup(const std::set<std::string>&) override {}
  std::string Failure() const override { return ""; }

 private:
  ConnectionStore store_;
  ConnectionStore::NameState saved_;  // the state before the last Apply, of the name it touched
};

class Remote : public Reference {
 public:
  Remote(std::string base_url, Credentials credentials, Transport& transport, RequestGate& gate)
      : base_url_(std::move(base_url)), credentials_(std::move(credentials)), transport_(transport, gate) {}

  Reply Apply(const RequestSpec& spec, const Variables& vars, const std::string& name, const std::optional<nlohmann::json>&) override {
    HttpRequest request;
    std::optional<nlohmann::json> body;
    std::string err;
    if (!BuildRequest(spec, vars, base_url_, credentials_, &request, &body, &err)) {
      failure_ = err;
      return {};
    }
    (void)name;
    return Send(request);
  }
  Reply Get(const std::string& name) override { return Send(NameRequest("GET", base_url_, name, credentials_)); }
  bool Undo() override { return false; }
  void Cleanup(const std::set<std::string>& names) override {
    for (const std::string& name : names) {
      if (name.empty()) continue;  // an empty name would address the collection itself
      HttpRequest request = NameRequest("DELETE", base_url_, name, credentials_);
      request.cleanup = true;
      transport_.Send(request);
    }
  }
  std::string Failure() const override { return failure_; }

 private:
  Reply Send(const HttpRequest& request) {
    const HttpResponse response = transport_.Send(request);
    if (!response.ok()) {
      failure_ = "the reference: " + response.error_message;
      return {};
    }
    nlohmann::json body = response.body.empty() ? nlohmann::json::object() : ParseJsonText(response.body);
    if (body.is_discarded()) body = nlohmann::json::object();
    return {response.status, body};
  }

  const std::string base_url_;
  const Credentials credentials_;
  GuardedTransport transport_;
  std::string failure_;
};

}  // namespace

std::unique_ptr<Reference> ModelReference() { return std::make_unique<Model>(); }

std::unique_ptr<Reference> RemoteReference(const std::string& base_url, const Credentials& credentials, Transport& transport,
                                           RequestGate& gate) {
  return std::make_unique<Remote>(base_url, credentials, transport, gate);
}

}  // namespace conform
