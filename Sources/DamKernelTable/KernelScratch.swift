/// Scratch memory for the GEMM kernels of a `KernelTable` (a slot of `slotFloats` floats per thread that
/// may run part of a product at once), and the worker threads a large product may be split across.
///
/// Whoever owns the memory keeps it alive and unshared while a kernel runs: a network passes a region
/// of its preallocated workspace (so training allocates nothing per step, and networks trained on
/// different threads never share scratch); `KernelTable.withScratch` allocates it for one-off products.
/// The calling thread uses slot 0; the threads of `workers` bring slots of their own.
public struct KernelScratch {
  /// The first slot, 64-byte aligned, bound to `Float`.
  public let base: UnsafeMutableRawPointer
  /// Floats per slot: a multiple of 16, so that every slot is 64-byte aligned.
  public let slotFloats: Int
  /// The number of slots.
  public let slotCount: Int
  /// Threads that run tasks of large products beside the caller, or nil (the caller runs them all).
  /// Which thread runs a task never changes the results.
  public let workers: WorkerPool?

  /// Scratch of `slotCount` slots of `slotFloats` floats from `base`, with `workers` for large products.
  @inlinable
  public init(base: UnsafeMutableRawPointer, slotFloats: Int, slotCount: Int = 1, workers: WorkerPool? = nil) {
    (self.base, self.slotFloats, self.slotCount, self.workers) = (base, slotFloats, slotCount, workers)
  }

  /// Slot `index` (< `slotCount`).
  @inlinable
  public func slot(_ index: Int) -> UnsafeMutablePointer<Float> {
    (base + index * slotFloats * MemoryLayout<Float>.stride).assumingMemoryBound(to: Float.self)
  }

  /// Runs `task(context, index, slot)` for every index in 0..<`taskCount`, on `workers` and the calling
  /// thread (with slot 0) when there are workers, otherwise on the calling thread in task order.
  /// Allocates nothing; `context` must stay valid until it returns.
  @inlinable
  public func run(taskCount: Int, context: UnsafeMutableRawPointer, _ task: WorkerPool.WorkerTask) {
    if let workers {
      workers.run(taskCount: taskCount, callerSlot: slot(0), context: context, task)
    } else {
      for index in 0..<taskCount { task(context, index, slot(0)) }
    }
  }
}
