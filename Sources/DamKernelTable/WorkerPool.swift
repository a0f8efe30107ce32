import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Threads that run the tasks of one product alongside the thread that asks for it: created once, kept
/// waiting between products, each with its own GEMM scratch slot. `run` hands out the tasks of one job
/// (the caller takes part); which thread runs which task changes nothing in the results, because every
/// task writes its own outputs.
///
/// A job is a plain descriptor, no closure: a C function pointer (`WorkerTask`) and a pointer to the
/// caller's operands, which stay on the caller's stack while `run` waits. So a job allocates nothing
/// (a closure stored for the workers would be boxed on the heap once per product).
///
/// Memory ordering. One 64-bit atomic word holds the job's generation (high 32 bits), its task count
/// (next 16) and the next unclaimed task (low 16). The caller writes the job's descriptor, then stores the word
/// of the new generation with release ordering; a worker claims a task by compare-and-exchange on the
/// word with acquiring-and-releasing ordering, so a successful claim of a task of generation g reads
/// the job written before g was published, and a worker never touches a job whose generation it did
/// not claim. Each finished task adds 1 to `finished` with release ordering; the caller waits until all
/// tasks are finished with acquire loads, so everything the workers wrote happens before `run` returns.
/// Idle workers first spin on the word, then sleep on a condition variable: the caller broadcasts
/// under the mutex after publishing, and a worker checks the word under the same mutex before waiting,
/// so no wake-up is lost. Jobs are serialized by `busy`: a caller that finds the pool busy (a second
/// network sharing it) runs its tasks alone, which gives the same bits.
public final class WorkerPool: @unchecked Sendable {
  /// One task of a job: `(context, task index, the running thread's scratch slot)`.
  public typealias WorkerTask = @convention(c) (UnsafeMutableRawPointer, Int, UnsafeMutablePointer<Float>) -> Void

  /// Threads that run tasks, the caller's included.
  public let threads: Int
  private let state: PoolState

  /// A pool of `threads - 1` worker threads (the caller is the last), each with a scratch slot of
  /// `scratchFloats` floats.
  public init(threads: Int, scratchFloats: Int) {
    precondition(threads >= 2, "a pool has at least one worker beside the caller")
    self.threads = threads
    state = PoolState(workers: threads - 1, scratchFloats: scratchFloats)
    for worker in 0..<(threads - 1) {
      state.start(worker: worker)
    }
  }

  deinit { state.shutDown() }

  /// Runs `task(context, index, slot)` for every index in 0..<`taskCount` on the pool's threads and the
  /// caller's, `slot` being scratch memory of the thread that runs it (`callerSlot` for the caller's);
  /// returns when all are done. `context` must stay valid until then. When another job holds the pool,
  /// the caller runs every task itself. Allocates nothing.
  public func run(
    taskCount: Int, callerSlot: UnsafeMutablePointer<Float>, context: UnsafeMutableRawPointer, _ task: WorkerTask
  ) {
    guard taskCount > 1, state.busy.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged
    else {
      for index in 0..<taskCount { task(context, index, callerSlot) }
      return
    }
    state.runJob(taskCount: taskCount, callerSlot: callerSlot, job: Job(task: task, context: context))
    state.busy.store(false, ordering: .releasing)
  }

  /// The pool of `threads` threads with slots of `scratchFloats` floats shared by the whole process
  /// (created on first use and kept), or nil for one thread.
  public static func shared(threads: Int, scratchFloats: Int) -> WorkerPool? {
    guard threads > 1 else { return nil }
    return pools.withLock { pools in
      if let pool = pools[threads], pool.state.scratchFloats >= scratchFloats { return pool }
      let pool = WorkerPool(threads: threads, scratchFloats: scratchFloats)
      pools[threads] = pool
      return pool
    }
  }

  private static let pools = Mutex<[Int: WorkerPool]>([:])
}

/// The state the caller and the worker threads share (see `WorkerPool` for the ordering).
private final class PoolState: @unchecked Sendable {
  let scratchFloats: Int
  let workerCount: Int
  /// Whether a job holds the pool.
  let busy = Atomic<Bool>(false)
  /// Generation << 32 | task count << 16 | next task.
  let word = Atomic<UInt64>(0)
  /// The most tasks a job may have.
  static let maximumTasks = 0xFFFF
  /// Tasks of the current job finished.
  let finished = Atomic<Int>(0)
  let stopping = Atomic<Bool>(false)
  /// The job: written by the caller before it publishes a generation, read by workers after claiming.
  var job: Job?
  let scratch: UnsafeMutableRawPointer
  let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
  let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
  private var threadHandles: [pthread_t] = []
  /// Polls of the word before an idle worker sleeps.
  private static let spins = 20_000

  init(workers: Int, scratchFloats: Int) {
    workerCount = workers
    self.scratchFloats = scratchFloats
    scratch = .allocate(byteCount: max(1, workers * scratchFloats) * MemoryLayout<Float>.stride, alignment: 64)
    scratch.bindMemory(to: Float.self, capacity: max(1, workers * scratchFloats))
    pthread_mutex_init(mutex, nil)
    pthread_cond_init(condition, nil)
  }

  func slot(_ worker: Int) -> UnsafeMutablePointer<Float> {
    (scratch + worker * scratchFloats * MemoryLayout<Float>.stride).assumingMemoryBound(to: Float.self)
  }

  func start(worker: Int) {
    let context = Unmanaged.passRetained(WorkerContext(state: self, worker: worker)).toOpaque()
    #if canImport(Darwin)
      var handle: pthread_t?
    #else
      var handle = pthread_t()
    #endif
    let status = pthread_create(
      &handle, nil,
      { context in
        let worker = Unmanaged<WorkerContext>.fromOpaque(context!).takeRetainedValue()
        worker.state.work(worker: worker.worker)
        return nil
      }, context)
    precondition(status == 0, "cannot start a worker thread (error \(status))")
    #if canImport(Darwin)
      threadHandles.append(handle!)
    #else
      threadHandles.append(handle)
    #endif
  }

  /// Publishes a job, runs tasks on the caller's thread too, and waits for all of them.
  func runJob(taskCount: Int, callerSlot: UnsafeMutablePointer<Float>, job: Job) {
    precondition(taskCount <= Self.maximumTasks, "too many tasks for one job")
    self.job = job
    finished.store(0, ordering: .relaxed)
    let generation = (word.load(ordering: .relaxed) >> 32) &+ 1
    word.store(generation << 32 | UInt64(taskCount) << 16, ordering: .releasing)
    pthread_mutex_lock(mutex)
    pthread_cond_broadcast(condition)
    pthread_mutex_unlock(mutex)
    runTasks(generation: generation, slot: callerSlot)
    var polls = 0
    while finished.load(ordering: .acquiring) < taskCount {
      polls += 1
      if polls % 64 == 0 { sched_yield() }
    }
    self.job = nil
  }

  /// Claims and runs tasks of `generation` until none is left.
  func runTasks(generation: UInt64, slot: UnsafeMutablePointer<Float>) {
    var current = word.load(ordering: .acquiring)
    while current >> 32 == generation {
      let task = Int(current & 0xFFFF)
      if task >= Int(current >> 16 & 0xFFFF) { return }
      let claim = word.compareExchange(
        expected: current, desired: current &+ 1, successOrdering: .acquiringAndReleasing, failureOrdering: .acquiring)
      if claim.exchanged {
        if let job { job.task(job.context, task, slot) }
        finished.add(1, ordering: .releasing)
        current = word.load(ordering: .acquiring)
      } else {
        current = claim.original
      }
    }
  }

  /// A worker's loop: wait for a new generation (spinning, then sleeping), run its tasks, repeat.
  func work(worker: Int) {
    let slot = slot(worker)
    var seen = word.load(ordering: .acquiring) >> 32
    while true {
      var generation = word.load(ordering: .acquiring) >> 32
      var polls = 0
      while generation == seen && polls < Self.spins && !stopping.load(ordering: .relaxed) {
        polls += 1
        generation = word.load(ordering: .acquiring) >> 32
      }
      if generation == seen {
        pthread_mutex_lock(mutex)
        while word.load(ordering: .acquiring) >> 32 == seen && !stopping.load(ordering: .acquiring) {
          pthread_cond_wait(condition, mutex)
        }
        pthread_mutex_unlock(mutex)
        if stopping.load(ordering: .acquiring) { return }
        generation = word.load(ordering: .acquiring) >> 32
      }
      seen = generation
      runTasks(generation: generation, slot: slot)
    }
  }

  /// Stops and joins the workers, then frees the shared memory.
  func shutDown() {
    pthread_mutex_lock(mutex)
    stopping.store(true, ordering: .releasing)
    pthread_cond_broadcast(condition)
    pthread_mutex_unlock(mutex)
    for handle in threadHandles { pthread_join(handle, nil) }
    pthread_cond_destroy(condition)
    pthread_mutex_destroy(mutex)
    mutex.deallocate()
    condition.deallocate()
    scratch.deallocate()
  }
}

/// A job's descriptor: the function every task runs and the operands it reads.
struct Job {
  let task: WorkerPool.WorkerTask
  let context: UnsafeMutableRawPointer
}

/// What a worker thread starts with.
private final class WorkerContext {
  let state: PoolState
  let worker: Int
  init(state: PoolState, worker: Int) { (self.state, self.worker) = (state, worker) }
}
