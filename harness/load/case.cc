// Names of the case model's enums, and what the contract answers bad credentials.
#include "load/case.h"

namespace conform {

const char* LevelName(Level level) {
  switch (level) {
    case Level::kMust: return "must";
    case Level::kShould: return "should";
    case Level::kNote: return "note";
  }
  return "must";
}

bool LevelFromName(const std::string& name, Level* out) {
  for (Level level : {Level::kMust, Level::kShould, Level::kNote}) {
    if (name == LevelName(level)) {
      *out = level;
      return true;
    }
  }
  return false;
}

const char* AuthModeName(AuthMode auth) {
  switch (auth) {
    case AuthMode::kToken: return "token";
    case AuthMode::kNone: return "none";
    case AuthMode::kWrong: return "wrong";
    case AuthMode::kReadonly: return "readonly";
  }
  return "token";
}

int CredentialRefusal(AuthMode auth, CallKind kind) {
  if (auth == AuthMode::kNone || auth == AuthMode::kWrong) return 401;  // UNAUTHENTICATED [D]
  if (auth == AuthMode::kReadonly && IsWriteCall(kind)) return 403;     // PERMISSION_DENIED [D]
  return 0;
}

std::vector<int> AllowedCredentialRefusals(AuthMode auth, CallKind kind) {
  const int preferred = CredentialRefusal(auth, kind);
  if (preferred == 403) return {401, 403};
  if (preferred == 401) return {401};
  return {};
}

}  // namespace conform
