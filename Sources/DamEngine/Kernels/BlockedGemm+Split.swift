// How a large product is split into tasks for several threads (compiled into every kernel target, like
// BlockedGemm.swift).

import DamKernelTable

extension BlockedGemm {
  /// The tasks of one product: consecutive runs of whole B slivers (columns of C). Every element of C is
  /// computed by the same operations as in the unsplit product (a sliver never depends on another), so
  /// the output is the same whatever thread runs which task. The split depends on the shape alone, never
  /// on the thread count: one thread runs the same tasks in order, so sums over tasks are added in the
  /// same order for every thread count.
  struct ColumnSplit {
    /// Products of fewer multiply-adds than this run as one task: threads would not pay.
    static let smallestSplitWork = 1 << 21
    /// The most tasks of a product (so that their sums fit a small buffer on the stack).
    static let maximumTasks = 32

    /// The number of tasks (1: the product is not split).
    let taskCount: Int
    /// Columns of C per task (a multiple of `tileColumns`).
    let taskColumns: Int
    /// Columns of C.
    let n: Int

    /// The split of an m x n x k product.
    init(m: Int, n: Int, k: Int) {
      self.n = n
      let slivers = (n + tileColumns - 1) / tileColumns
      if m * n * k < Self.smallestSplitWork || slivers < 2 {
        (taskCount, taskColumns) = (1, max(n, 0))
        return
      }
      let sliversPerTask = (slivers + Self.maximumTasks - 1) / Self.maximumTasks
      taskColumns = sliversPerTask * tileColumns
      taskCount = (slivers + sliversPerTask - 1) / sliversPerTask
    }

    /// The columns of C that task `task` computes.
    func columns(_ task: Int) -> Range<Int> {
      task * taskColumns..<min(n, (task + 1) * taskColumns)
    }
  }

  /// The operands of one split product, on the caller's stack while its tasks run (a `WorkerPool` job's
  /// context).
  struct SplitProduct {
    let operands: GemmOperands
    let split: ColumnSplit
  }

  /// `multiply` with no epilogue, split into `ColumnSplit` tasks run by `scratch`'s threads.
  @inline(__always)
  static func multiply(_ p: GemmOperands, scratch: KernelScratch) {
    var job = SplitProduct(operands: p, split: ColumnSplit(m: p.m, n: p.n, k: p.k))
    withUnsafeMutablePointer(to: &job) { job in
      scratch.run(taskCount: job.pointee.split.taskCount, context: UnsafeMutableRawPointer(job)) {
        context, task, slot in
        let job = context.assumingMemoryBound(to: SplitProduct.self).pointee
        let (p, split) = (job.operands, job.split)
        BlockedGemm.multiply(
          transposeA: p.transposeA, transposeB: p.transposeB, m: p.m, n: p.n, k: p.k, a: p.a, lda: p.lda, b: p.b,
          ldb: p.ldb, bPanels: p.bPanels, c: p.c, ldc: p.ldc, cPanels: p.cPanels, accumulate: p.accumulate,
          columns: split.taskCount == 1 ? nil : split.columns(task), packed: slot, epilogue: NoEpilogue())
      }
    }
  }

  /// The sums of the fused SGD update over one task's columns.
  typealias UpdateSums = (weightSquares: Double, weightMagnitudes: Double, gradientSquares: Double)

  /// The operands of one split product with the SGD update fused (a `WorkerPool` job's context); each task
  /// writes its sums to `sums[task]`.
  struct SplitUpdate {
    let operands: GemmOperands
    let split: ColumnSplit
    let weights: UnsafeMutablePointer<Float>
    let keepsGradients: Bool
    let step: Float
    let scale: Float
    let l1: Float
    let l2: Float
    let sums: UnsafeMutablePointer<UpdateSums>
  }

  /// `multiplyUpdatingWeights`, split into `ColumnSplit` tasks run by `scratch`'s threads; each task's sums
  /// are kept apart and added in task order.
  @inline(__always)
  static func multiplyUpdatingWeights(
    _ p: GemmOperands, weights: UnsafeMutablePointer<Float>, keepsGradients: Bool, step: Float, scale: Float,
    l1: Float, l2: Float, scratch: KernelScratch
  ) -> UpdateSums {
    let split = ColumnSplit(m: p.m, n: p.n, k: p.k)
    return withUnsafeTemporaryAllocation(of: UpdateSums.self, capacity: ColumnSplit.maximumTasks) { sums in
      var job = SplitUpdate(
        operands: p, split: split, weights: weights, keepsGradients: keepsGradients, step: step, scale: scale,
        l1: l1, l2: l2, sums: sums.baseAddress!)
      withUnsafeMutablePointer(to: &job) { job in
        scratch.run(taskCount: split.taskCount, context: UnsafeMutableRawPointer(job)) { context, task, slot in
          let job = context.assumingMemoryBound(to: SplitUpdate.self).pointee
          let (p, split) = (job.operands, job.split)
          job.sums[task] = BlockedGemm.multiplyUpdatingWeights(
            transposeA: p.transposeA, transposeB: p.transposeB, m: p.m, n: p.n, k: p.k, a: p.a, lda: p.lda,
            b: p.b, ldb: p.ldb, bPanels: p.bPanels, c: p.c, ldc: p.ldc, cPanels: p.cPanels, weights: job.weights,
            keepsGradients: job.keepsGradients, step: job.step, scale: job.scale, l1: job.l1, l2: job.l2,
            columns: split.taskCount == 1 ? nil : split.columns(task), packed: slot)
        }
      }
      var total: UpdateSums = (0, 0, 0)
      for task in 0..<split.taskCount {
        total.weightSquares += sums[task].weightSquares
        total.weightMagnitudes += sums[task].weightMagnitudes
        total.gradientSquares += sums[task].gradientSquares
      }
      return total
    }
  }
}
