// Names of the case model's enums.
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

const char* CallKindName(CallKind kind) {
  switch (kind) {
    case CallKind::kCreate: return "create";
    case CallKind::kGet: return "get";
    case CallKind::kList: return "list";
    case CallKind::kUpdate: return "update";
    case CallKind::kDelete: return "delete";
  }
  return "get";
}

const std::vector<CallKind>& AllCallKinds() {
  static const std::vector<CallKind> kKinds = {CallKind::kCreate, CallKind::kGet, CallKind::kList,
                                               CallKind::kUpdate, CallKind::kDelete};
  return kKinds;
}

}  // namespace conform
