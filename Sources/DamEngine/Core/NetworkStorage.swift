import DamKernelTable

/// The heap memory of a `Network`: one block of 4 x P scalars (parameters, gradients, first and
/// second optimizer moments, in that order, all with the same `ParameterLayout`), the batch
/// normalization running statistics (`ParameterLayout.statisticsCount` scalars) and one workspace block
/// (64-byte aligned) for a batch capacity, which also holds the GEMM kernels' scratch memory.
///
/// `Network` copies it before mutating whenever it is shared (copy-on-write), so the raw pointers are
/// never written from two values at once; that discipline is what makes the unchecked `Sendable` sound.
final class NetworkStorage<Scalar: EngineScalar>: @unchecked Sendable {
  let parameterCount: Int
  let targetWidth: Int
  let layout: ParameterLayout
  let block: UnsafeMutablePointer<Scalar>
  /// Running means and variances of the batch-normalized layers [`layout.statisticsCount`].
  let runningStatistics: UnsafeMutablePointer<Scalar>
  private(set) var workspace: UnsafeMutablePointer<Scalar>
  private(set) var workspaceLayout: WorkspaceLayout

  /// The GEMM kernels' scratch memory, in the workspace (this network's own, so networks on different
  /// threads never share it), with `workers` for large products.
  func kernelScratch(workers: WorkerPool?) -> KernelScratch {
    KernelScratch(
      base: UnsafeMutableRawPointer(workspace + workspaceLayout.kernelScratch),
      slotFloats: workspaceLayout.kernelScratchCount, workers: workers)
  }

  /// Parameters [P]: weights and biases.
  var parameters: UnsafeMutablePointer<Scalar> { block }
  /// dJ/dparameters [P] of the last step.
  var gradients: UnsafeMutablePointer<Scalar> { block + parameterCount }
  /// Momentum buffer b (momentum, nesterov) or m (adam) [P].
  var firstMoment: UnsafeMutablePointer<Scalar> { block + 2 * parameterCount }
  /// Squared-gradient average v (rmsprop, adam) [P].
  var secondMoment: UnsafeMutablePointer<Scalar> { block + 3 * parameterCount }

  init(layout: ParameterLayout, targetWidth: Int) {
    self.layout = layout
    self.parameterCount = layout.count
    self.targetWidth = targetWidth
    block = .allocate(capacity: 4 * layout.count)
    block.initialize(repeating: 0, count: 4 * layout.count)
    runningStatistics = .allocate(capacity: max(layout.statisticsCount, 1))
    runningStatistics.initialize(repeating: 0, count: max(layout.statisticsCount, 1))
    workspaceLayout = WorkspaceLayout(
      parameters: layout, targetWidth: targetWidth, capacity: 0, kernelScratchCount: Scalar.kernelScratchFloats)
    workspace = Self.allocateWorkspace(count: workspaceLayout.count)
  }

  /// A deep copy of parameters, moments and running statistics (the workspace is scratch and starts empty).
  func copy() -> NetworkStorage {
    let clone = NetworkStorage(layout: layout, targetWidth: targetWidth)
    clone.block.update(from: block, count: 4 * parameterCount)
    clone.runningStatistics.update(from: runningStatistics, count: layout.statisticsCount)
    return clone
  }

  /// Grows the workspace so that batches of `batch` samples fit; allocates only when growing.
  func reserve(batch: Int) {
    guard batch > workspaceLayout.capacity else { return }
    let grown = WorkspaceLayout(
      parameters: layout, targetWidth: targetWidth, capacity: batch,
      kernelScratchCount: workspaceLayout.kernelScratchCount)
    UnsafeMutableRawPointer(workspace).deallocate()
    workspace = Self.allocateWorkspace(count: grown.count)
    workspaceLayout = grown
  }

  /// A zeroed workspace of `count` scalars (at least one), 64-byte aligned (for the kernel scratch).
  private static func allocateWorkspace(count: Int) -> UnsafeMutablePointer<Scalar> {
    let count = max(count, 1)
    let workspace = UnsafeMutableRawPointer.allocate(byteCount: count * MemoryLayout<Scalar>.stride, alignment: 64)
      .bindMemory(to: Scalar.self, capacity: count)
    workspace.initialize(repeating: 0, count: count)
    return workspace
  }

  deinit {
    block.deallocate()
    runningStatistics.deallocate()
    UnsafeMutableRawPointer(workspace).deallocate()
  }
}
