#include "core/stack.h"

#include <pthread.h>

#include <condition_variable>
#include <exception>
#include <mutex>
#include <vector>

namespace ddlint {

namespace {

thread_local bool t_deep = false;
thread_local size_t t_deep_bytes = 0;  // the stack size of this deep thread

// A thread with a deep stack, kept for the next call once its work is done:
// starting a thread per call cost every call its thread start, a fresh stack
// (page faults for each page a parse touches) and the parsers' per-thread
// set-up again (the language server lints on every change).
struct Worker {
  size_t bytes = 0;
  std::mutex mutex;
  std::condition_variable cv;
  const std::function<void()>* fn = nullptr;  // the work to run; null when idle
  bool done = false;
  std::exception_ptr error;
};

// Idle workers. Never destroyed: the workers wait on them until the process
// ends.
struct Pool {
  std::mutex mutex;
  std::vector<Worker*> idle;
};
Pool& pool() {
  static Pool* p = new Pool;
  return *p;
}

void* loop(void* arg) {
  auto* w = static_cast<Worker*>(arg);
  t_deep = true;
  t_deep_bytes = w->bytes;
  std::unique_lock<std::mutex> lock(w->mutex);
  for (;;) {
    w->cv.wait(lock, [&] { return w->fn != nullptr; });
    const std::function<void()>* fn = w->fn;
    lock.unlock();
    std::exception_ptr error;
    try {
      (*fn)();
    } catch (...) {
      error = std::current_exception();
    }
    lock.lock();
    w->error = error;
    w->fn = nullptr;
    w->done = true;
    w->cv.notify_all();
  }
  return nullptr;
}

// An idle worker whose stack holds `bytes`, or a new one; null when no
// thread can be started.
Worker* acquire(size_t bytes) {
  Pool& p = pool();
  {
    const std::lock_guard<std::mutex> lock(p.mutex);
    for (size_t i = p.idle.size(); i-- > 0;)
      if (p.idle[i]->bytes >= bytes) {
        Worker* w = p.idle[i];
        p.idle.erase(p.idle.begin() + static_cast<std::ptrdiff_t>(i));
        return w;
      }
  }
  auto* w = new Worker;
  w->bytes = bytes;
  pthread_attr_t attr;
  pthread_t thread;
  bool started = false;
  if (pthread_attr_init(&attr) == 0) {
    started = pthread_attr_setstacksize(&attr, bytes) == 0 && pthread_create(&thread, &attr, loop, w) == 0;
    pthread_attr_destroy(&attr);
  }
  if (!started) {
    delete w;
    return nullptr;
  }
  pthread_detach(thread);
  return w;
}

void release(Worker* w) {
  Pool& p = pool();
  const std::lock_guard<std::mutex> lock(p.mutex);
  p.idle.push_back(w);
}

}  // namespace

bool on_deep_stack() { return t_deep; }

void run_on_deep_stack(const std::function<void()>& fn, size_t bytes) {
  // Already on a deep stack (a caller that runs all its work there, like the
  // language server): no hand-off to another thread.
  if (t_deep && t_deep_bytes >= bytes) {
    fn();
    return;
  }
  Worker* w = acquire(bytes);
  if (w == nullptr) {
    fn();
    return;
  }
  std::exception_ptr error;
  {
    std::unique_lock<std::mutex> lock(w->mutex);
    w->done = false;
    w->fn = &fn;
    w->cv.notify_all();
    w->cv.wait(lock, [&] { return w->done; });
    error = w->error;
    w->error = nullptr;
  }
  release(w);
  if (error) std::rethrow_exception(error);
}

}  // namespace ddlint
