/// Offsets of the per-batch buffers inside one workspace allocation, for a batch capacity C.
///
/// `kernelScratch` [kernelScratchCount] comes first, at offset 0, so that it has the workspace's 64-byte
/// alignment: the GEMM kernels' scratch memory (`KernelScratch`, one slot), empty when the scalar's GEMM
/// needs none.
/// For each dense layer l with output width w: `preactivation[l]` [C x w] holds Z = X W^T + b and,
/// for hidden layers, is overwritten by H = f(Z) (every derivative is computed from H);
/// `mask[l]` and `dropped[l]` [C x w] hold the inverted-dropout mask (0 or 1/keep) and H * mask.
/// For batch-normalized layers, `normalized[l]` [C x w] holds x^ = (Z - mean) / sqrt(variance + eps)
/// and `unitStatistics[l]` [3 x w] the batch mean, the batch (biased) variance and the 1 / sqrt(variance
/// + eps) the pass used (all 0-sized for other layers).
/// Two delta buffers [C x maxWidth] ping-pong during backpropagation; `gatheredInputs` [C x in] and
/// `gatheredTargets` [C x targetWidth] receive index-gathered batches; `unitScratch` [2 x maxWidth]
/// serves per-unit metrics.
struct WorkspaceLayout: Sendable {
  let capacity: Int
  let kernelScratch: Int
  let kernelScratchCount: Int
  let preactivation: [Int]
  let mask: [Int]
  let dropped: [Int]
  let normalized: [Int]
  let unitStatistics: [Int]
  let deltaA: Int
  let deltaB: Int
  let gatheredInputs: Int
  let gatheredTargets: Int
  let unitScratch: Int
  /// maxWidth: the second half of `unitScratch` starts here.
  let unitWidth: Int
  let count: Int

  init(parameters: ParameterLayout, targetWidth: Int, capacity: Int, kernelScratchCount: Int) {
    self.capacity = capacity
    kernelScratch = 0
    self.kernelScratchCount = kernelScratchCount
    var offset = kernelScratchCount
    var preactivation: [Int] = []
    var mask: [Int] = []
    var dropped: [Int] = []
    var normalized: [Int] = []
    var unitStatistics: [Int] = []
    var maxWidth = parameters.fanIn[0]
    for layer in 0..<parameters.layerCount {
      let size = capacity * parameters.fanOut[layer]
      maxWidth = max(maxWidth, parameters.fanOut[layer])
      preactivation.append(offset)
      offset += size
      let isHidden = layer < parameters.layerCount - 1
      mask.append(offset)
      offset += isHidden ? size : 0
      dropped.append(offset)
      offset += isHidden ? size : 0
      let isNormalized = parameters.isNormalized(layer)
      normalized.append(offset)
      offset += isNormalized ? size : 0
      unitStatistics.append(offset)
      offset += isNormalized ? 3 * parameters.fanOut[layer] : 0
    }
    self.preactivation = preactivation
    self.mask = mask
    self.dropped = dropped
    self.normalized = normalized
    self.unitStatistics = unitStatistics
    deltaA = offset
    offset += capacity * maxWidth
    deltaB = offset
    offset += capacity * maxWidth
    gatheredInputs = offset
    offset += capacity * parameters.fanIn[0]
    gatheredTargets = offset
    offset += capacity * targetWidth
    unitScratch = offset
    unitWidth = maxWidth
    offset += 2 * maxWidth
    count = offset
  }
}
