#include "http/interrupt.h"

#include <atomic>

namespace conform {
namespace {
std::atomic<bool> g_interrupted{false};  // lock-free, so a signal handler may set it
}  // namespace

bool Interrupted() { return g_interrupted.load(); }
void Interrupt() { g_interrupted.store(true); }

}  // namespace conform
