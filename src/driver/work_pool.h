#pragma once
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace ddlint::driver {

struct WorkBatch;

// The cores this process may run on: `taskset -c 0 ddlint ...` or a CPU
// quota of one core gets one thread, not two taking turns on that core (each
// thread also keeps a malloc arena of its own, which costs page faults).
unsigned usable_cores();

// A thread of the process's own that runs one function for its starter and
// is then kept, idle, for the next KeptThread instead of ending (used like a
// std::thread that is always joined). The threads are never ended: they wait
// for work until the process exits. A thread's end costs more than its work
// at the end of a short run: its malloc arena's pages given back to the
// kernel, its deep stack unmapped, the parser's per-thread memory freed
// (about 4.5 ms of wall time, 9 ms of CPU, at the end of a PostgreSQL corpus
// run on two cores), and a thread kept keeps its deep stack's pages and the
// parsers' per-thread state for the next run (the language server's).
class KeptThread {
 public:
  // Runs `fn` on an idle kept thread, or on a new one. `fn` must not throw
  // (as with std::thread, an exception ends the process). Throws
  // std::system_error when no thread can be started.
  explicit KeptThread(std::function<void()> fn);
  KeptThread(KeptThread&& other) noexcept : slot_(other.slot_), run_(other.run_) { other.slot_ = nullptr; }
  KeptThread& operator=(KeptThread&&) = delete;
  KeptThread(const KeptThread&) = delete;
  KeptThread& operator=(const KeptThread&) = delete;
  // Joins (as std::thread must be joined).
  ~KeptThread() { join(); }

  // Waits until `fn` has returned. The thread then waits for the next one.
  void join();

  struct Slot;  // a kept thread's work and its count of runs (work_pool.cpp)

 private:
  Slot* slot_ = nullptr;  // null once joined
  uint64_t run_ = 0;      // which of the slot's runs is this one's
};

// Worker threads for a run's parallel stages (parsing, linting), so that the
// thread that owns the run keeps doing its sequential stages (reading files,
// replaying the schema model, delivering results) while the workers parse
// and lint: a stage of one window of files overlaps a stage of another.
//
// A batch is `fn(0) ... fn(n-1)`, each index run once by some worker on a
// deep stack (parsers recurse once per nesting level of a statement).
// Workers take indexes from the queued batch of the lowest `order` first, so
// the caller decides which window's work comes first. With no worker thread
// (one thread asked for, or too few files to share), a batch runs on the
// caller's thread when it is submitted, in index order.
class WorkPool {
 public:
  using Batch = std::shared_ptr<WorkBatch>;

  explicit WorkPool(unsigned threads);
  ~WorkPool();
  WorkPool(const WorkPool&) = delete;
  WorkPool& operator=(const WorkPool&) = delete;

  unsigned threads() const { return static_cast<unsigned>(threads_.size()); }

  // Queues fn(i) for every i below n. `fn` must stay valid until the batch
  // has been waited for.
  Batch submit(size_t n, uint64_t order, std::function<void(size_t)> fn);
  // Waits until every index of `batch` has run (an exception does not stop
  // the others); rethrows the first exception one of them threw.
  void wait(const Batch& batch);
  // Waits until every batch submitted so far has run (whatever it threw).
  void drain();

 private:
  void work();

  std::mutex mutex_;
  std::condition_variable wake_;  // a batch was queued, or the pool stops
  std::condition_variable done_;  // a batch finished
  std::vector<Batch> queued_;     // batches with indexes not yet taken
  size_t running_ = 0;            // indexes being run
  bool stop_ = false;
  std::vector<KeptThread> threads_;
};

struct WorkBatch {
  size_t n = 0;
  uint64_t order = 0;
  std::function<void(size_t)> fn;
  size_t next = 0;      // the next index to hand out (under the pool's mutex)
  size_t finished = 0;  // indexes that have run (under the pool's mutex)
  std::exception_ptr error;
};

}  // namespace ddlint::driver
