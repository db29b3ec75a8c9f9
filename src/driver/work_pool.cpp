#include "driver/work_pool.h"

#include <algorithm>
#include <system_error>
#include <thread>
#include <utility>

#if defined(__linux__)
#include <sched.h>
#endif

#include "core/stack.h"

namespace ddlint::driver {

struct KeptThread::Slot {
  std::mutex mutex;
  std::condition_variable cv;
  std::function<void()> fn;  // the work; empty while the thread waits
  uint64_t started = 0;      // runs handed to this thread so far
  uint64_t finished = 0;     // and those that have returned
};

namespace {

// The kept threads that wait for work. Never destroyed, as the threads
// themselves are never ended.
struct Idle {
  std::mutex mutex;
  std::vector<KeptThread::Slot*> slots;
};
Idle& idle() {
  static Idle* kept = new Idle;
  return *kept;
}

}  // namespace

KeptThread::KeptThread(std::function<void()> fn) {
  Slot* slot = nullptr;
  {
    Idle& kept = idle();
    const std::lock_guard<std::mutex> lock(kept.mutex);
    if (!kept.slots.empty()) {
      slot = kept.slots.back();
      kept.slots.pop_back();
    }
  }
  if (slot == nullptr) {
    auto fresh = std::make_unique<Slot>();
    std::thread([s = fresh.get()]() noexcept {
      std::unique_lock<std::mutex> lock(s->mutex);
      for (;;) {
        s->cv.wait(lock, [&] { return static_cast<bool>(s->fn); });
        std::function<void()> work = std::move(s->fn);
        s->fn = nullptr;
        lock.unlock();
        work();
        work = nullptr;  // what it holds goes before its starter is told
        lock.lock();
        ++s->finished;
        s->cv.notify_all();
        Idle& kept = idle();
        const std::lock_guard<std::mutex> idle_lock(kept.mutex);
        kept.slots.push_back(s);
      }
    }).detach();  // throws std::system_error when no thread can be started
    slot = fresh.release();
  }
  const std::lock_guard<std::mutex> lock(slot->mutex);
  slot->fn = std::move(fn);
  run_ = ++slot->started;
  slot_ = slot;
  slot->cv.notify_all();
}

void KeptThread::join() {
  if (slot_ == nullptr) return;
  std::unique_lock<std::mutex> lock(slot_->mutex);
  slot_->cv.wait(lock, [&] { return slot_->finished >= run_; });
  slot_ = nullptr;
}

unsigned usable_cores() {
#if defined(__linux__)
  cpu_set_t set;
  CPU_ZERO(&set);
  if (sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0)
    return static_cast<unsigned>(CPU_COUNT(&set));
#endif
  return std::max(1u, std::thread::hardware_concurrency());
}

WorkPool::WorkPool(unsigned threads) {
  threads_.reserve(threads);
  for (unsigned t = 0; t < threads; ++t) {
    try {
      threads_.emplace_back([this] { run_on_deep_stack([this] { work(); }); });
    } catch (const std::system_error&) {
      break;  // the threads started so far do the work; none: the caller does
    }
  }
}

WorkPool::~WorkPool() {
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  for (auto& t : threads_) t.join();  // they wait for the next pool's work
}

WorkPool::Batch WorkPool::submit(size_t n, uint64_t order, std::function<void(size_t)> fn) {
  auto batch = std::make_shared<WorkBatch>();
  batch->n = n;
  batch->order = order;
  batch->fn = std::move(fn);
  if (threads_.empty()) {
    // No worker: the batch runs now, on this thread (on a deep stack).
    // Every index runs, as on the workers, whatever one of them throws.
    run_on_deep_stack([&] {
      for (size_t i = 0; i < n; ++i) {
        try {
          batch->fn(i);
        } catch (...) {
          if (!batch->error) batch->error = std::current_exception();
        }
      }
    });
    batch->next = batch->finished = n;
    return batch;
  }
  if (n == 0) return batch;
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    queued_.push_back(batch);
  }
  wake_.notify_all();
  return batch;
}

void WorkPool::wait(const Batch& batch) {
  {
    std::unique_lock<std::mutex> lock(mutex_);
    done_.wait(lock, [&] { return batch->finished == batch->n; });
  }
  if (batch->error) std::rethrow_exception(batch->error);
}

void WorkPool::drain() {
  std::unique_lock<std::mutex> lock(mutex_);
  done_.wait(lock, [&] { return queued_.empty() && running_ == 0; });
}

void WorkPool::work() {
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    wake_.wait(lock, [&] { return stop_ || !queued_.empty(); });
    if (stop_) return;
    // The queued batch of the lowest order gives its next index.
    const auto it = std::min_element(queued_.begin(), queued_.end(),
                                     [](const Batch& a, const Batch& b) { return a->order < b->order; });
    const Batch batch = *it;
    const size_t i = batch->next++;
    if (batch->next == batch->n) queued_.erase(it);
    ++running_;
    lock.unlock();
    std::exception_ptr error;
    try {
      batch->fn(i);
    } catch (...) {
      error = std::current_exception();
    }
    lock.lock();
    if (error && !batch->error) batch->error = error;
    --running_;
    if (++batch->finished == batch->n || (running_ == 0 && queued_.empty())) done_.notify_all();
  }
}

}  // namespace ddlint::driver
