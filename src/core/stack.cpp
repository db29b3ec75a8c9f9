#include "core/stack.h"

#include <pthread.h>
#include <sys/mman.h>
#include <ucontext.h>
#include <unistd.h>

#include <condition_variable>
#include <exception>
#include <mutex>
#include <vector>

#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define DDLINT_STACK_SANITIZED 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define DDLINT_STACK_SANITIZED 1
#endif

namespace ddlint {

namespace {

thread_local bool t_deep = false;
thread_local size_t t_deep_bytes = 0;  // the stack size of this deep thread or call

#if !defined(DDLINT_STACK_SANITIZED)
// The calling thread's own deep stack: `fn` runs on it through a context
// switch, on the same thread, so a call from a thread that is not deep
// starts no thread and hands nothing over (a one-file run's parse and lint:
// no thread start, no wake-up of another core, 14 context switches fewer).
// The address space is reserved on first use and kept until the thread
// ends; only the pages a statement uses are touched. Not in sanitizer
// builds: their runtimes expect each stack to belong to a thread.
class DeepStack {
 public:
  DeepStack() = default;
  DeepStack(const DeepStack&) = delete;
  DeepStack& operator=(const DeepStack&) = delete;
  ~DeepStack() {
    if (base_ != nullptr) munmap(base_, guard_ + bytes_);
  }

  // Runs `fn` on a stack of at least `bytes`; false (nothing run) when the
  // stack cannot be mapped.
  bool run(const std::function<void()>& fn, size_t bytes) {
    if (bytes_ < bytes && !map(bytes)) return false;
    Call call{&fn, nullptr, {}, {}};
    if (getcontext(&call.deep) != 0) return false;
    call.deep.uc_stack.ss_sp = static_cast<char*>(base_) + guard_;
    call.deep.uc_stack.ss_size = bytes_;
    call.deep.uc_link = &call.caller;
    t_call = &call;
    makecontext(&call.deep, &DeepStack::enter, 0);
    t_deep = true;
    t_deep_bytes = bytes_;
    const int switched = swapcontext(&call.caller, &call.deep);
    t_deep = false;
    t_deep_bytes = 0;
    if (switched != 0) return false;
    if (call.error) std::rethrow_exception(call.error);
    return true;
  }

 private:
  struct Call {
    const std::function<void()>* fn;
    std::exception_ptr error;
    ucontext_t caller;
    ucontext_t deep;
  };
  static thread_local Call* t_call;

  // The deep context's first frame: nothing thrown leaves it (returning
  // resumes the caller's context).
  static void enter() {
    Call* call = t_call;
    try {
      (*call->fn)();
    } catch (...) {
      call->error = std::current_exception();
    }
  }

  bool map(size_t bytes) {
    if (base_ != nullptr) munmap(base_, guard_ + bytes_);
    base_ = nullptr;
    bytes_ = 0;
    const long page = sysconf(_SC_PAGESIZE);
    guard_ = page > 0 ? static_cast<size_t>(page) : 4096;
    void* p = mmap(nullptr, guard_ + bytes, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_STACK, -1, 0);
    if (p == MAP_FAILED) return false;
    // The lowest page stays unmapped for access: an overflow faults.
    if (mprotect(p, guard_, PROT_NONE) != 0) {
      munmap(p, guard_ + bytes);
      return false;
    }
    base_ = p;
    bytes_ = bytes;
    return true;
  }

  void* base_ = nullptr;
  size_t guard_ = 0;
  size_t bytes_ = 0;
};
thread_local DeepStack::Call* DeepStack::t_call = nullptr;
thread_local DeepStack t_stack;
#endif

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
#if !defined(DDLINT_STACK_SANITIZED)
  // A thread that is not deep runs `fn` on a deep stack of its own.
  if (!t_deep && t_stack.run(fn, bytes)) return;
#endif
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
