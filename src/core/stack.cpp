#include "core/stack.h"

#include <pthread.h>

#include <exception>

namespace ddlint {

namespace {

thread_local bool t_deep = false;

struct Call {
  const std::function<void()>* fn;
  std::exception_ptr error;
};

void* entry(void* arg) {
  auto* call = static_cast<Call*>(arg);
  t_deep = true;
  try {
    (*call->fn)();
  } catch (...) {
    call->error = std::current_exception();
  }
  return nullptr;
}

}  // namespace

bool on_deep_stack() { return t_deep; }

void run_on_deep_stack(const std::function<void()>& fn, size_t bytes) {
  Call call{&fn, nullptr};
  pthread_attr_t attr;
  pthread_t thread;
  bool started = false;
  if (pthread_attr_init(&attr) == 0) {
    started =
        pthread_attr_setstacksize(&attr, bytes) == 0 && pthread_create(&thread, &attr, entry, &call) == 0;
    pthread_attr_destroy(&attr);
  }
  if (!started) {
    fn();
    return;
  }
  pthread_join(thread, nullptr);
  if (call.error) std::rethrow_exception(call.error);
}

}  // namespace ddlint
