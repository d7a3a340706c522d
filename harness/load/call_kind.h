// The five calls of the API; also the kinds latency is kept by.
#pragma once

#include <vector>

namespace conform {

enum class CallKind { kCreate, kGet, kList, kUpdate, kDelete };
const char* CallKindName(CallKind kind);
const std::vector<CallKind>& AllCallKinds();
bool IsWriteCall(CallKind kind);  // create, update and delete

}  // namespace conform
