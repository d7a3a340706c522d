#include "load/call_kind.h"

namespace conform {

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

bool IsWriteCall(CallKind kind) {
  return kind == CallKind::kCreate || kind == CallKind::kUpdate || kind == CallKind::kDelete;
}

const std::vector<CallKind>& AllCallKinds() {
  static const std::vector<CallKind> kKinds = {CallKind::kCreate, CallKind::kGet, CallKind::kList,
                                               CallKind::kUpdate, CallKind::kDelete};
  return kKinds;
}

}  // namespace conform
