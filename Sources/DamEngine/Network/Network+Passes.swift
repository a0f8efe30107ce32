extension Network {
  /// The dropout rate of hidden layer `layer` in this pass: 0 in evaluation.
  @inline(__always)
  func dropoutRate(afterLayer layer: Int, mode: PassMode) -> Double {
    mode.dropout && layer < architecture.hidden.count ? hyperparameters.dropoutRate(hiddenLayer: layer) : 0
  }

  /// The input [rows x fanIn[layer]] of dense layer `layer` as the forward pass left it.
  @inline(__always)
  func layerInput(
    _ layer: Int, inputs: UnsafePointer<Scalar>, storage s: NetworkStorage<Scalar>, mode: PassMode
  ) -> UnsafePointer<Scalar> {
    if layer == 0 { return inputs }
    let w = s.workspaceLayout
    let dropped = dropoutRate(afterLayer: layer - 1, mode: mode) > 0
    return UnsafePointer(s.workspace + (dropped ? w.dropped[layer - 1] : w.preactivation[layer - 1]))
  }

  /// Forward pass of `rows` samples X [rows x inputs]; returns the logits [rows x outputs].
  ///
  /// Per layer l: Z = X_l W_l^T + b_l [rows x out_l] (W_l^T as stored, see `ParameterLayout`); hidden:
  /// H = f(Z) in place (with batch normalization H = f(gamma x^ + beta), see `BatchNormKernel`), then
  /// (dropout, rate > 0) mask and dropped = H * mask. Draws dropout masks from `generator`; never changes
  /// the running statistics.
  mutating func forward(
    inputs: UnsafePointer<Scalar>, rows: Int, storage s: NetworkStorage<Scalar>, mode: PassMode
  ) -> UnsafeMutablePointer<Scalar> {
    let layout = s.layout
    let w = s.workspaceLayout
    let last = layout.layerCount - 1
    for layer in 0...last {
      let fanIn = layout.fanIn[layer]
      let fanOut = layout.fanOut[layer]
      let input = layerInput(layer, inputs: inputs, storage: s, mode: mode)
      let z = s.workspace + w.preactivation[layer]
      // Z [rows x out] = X [rows x in] * P, P = W^T [in x out] in column panels (read in place)
      Scalar.gemm(
        transposeA: false, transposeB: false, m: rows, n: fanOut, k: fanIn,
        a: input, lda: fanIn, b: s.parameters + layout.weightOffset[layer], ldb: fanOut,
        bStorage: ParameterLayout.weightStorage, c: z, ldc: fanOut, cStorage: .rowMajor, accumulate: false,
        scratch: s.kernelScratch(workers: workers))
      let bias = UnsafePointer(s.parameters + layout.biasOffset[layer])
      if layer == last {
        ActivationKernels.addBias(values: z, bias: bias, rows: rows, columns: fanOut)
      } else {
        if layout.batchNorm {
          normalize(layer, values: z, rows: rows, storage: s, batchStatistics: mode.batchStatistics)
          let shift = UnsafePointer(s.parameters + layout.scaleOffset[layer] + fanOut)
          Scalar.addBiasAndActivate(architecture.activation, values: z, bias: shift, rows: rows, columns: fanOut)
        } else {
          Scalar.addBiasAndActivate(architecture.activation, values: z, bias: bias, rows: rows, columns: fanOut)
        }
        let rate = dropoutRate(afterLayer: layer, mode: mode)
        if rate > 0 {
          Scalar.applyDropout(
            values: z, mask: s.workspace + w.mask[layer], dropped: s.workspace + w.dropped[layer],
            count: rows * fanOut, rate: rate, generator: &generator)
        }
      }
    }
    return s.workspace + w.preactivation[last]
  }

  /// Backward pass: from dL/dZ of the output layer in the workspace's `deltaA` [rows x outputs], writes
  /// dL/dW_l (as dL/dP_l = X_l^T dZ_l [in x out] in the weights' column panels) and dL/db_l = column sums
  /// of dZ_l into the gradient block (overwriting it), and propagates dX = dZ W [rows x in] through
  /// dropout, the activation and batch normalization (writing dL/dgamma and dL/dbeta). With batch
  /// statistics a batch-normalized layer's dL/db is exactly 0 (the batch mean cancels b) and is written
  /// as such.
  ///
  /// With `update` (only when `fusesUpdate`), each layer's parameters are also regularized and updated
  /// by plain SGD as soon as its gradients are complete, and the sums of `regularizeAndUpdate` are
  /// returned (zero otherwise); dX is computed first, from the weights before their update.
  @discardableResult
  func backward(
    inputs: UnsafePointer<Scalar>, rows: Int, storage s: NetworkStorage<Scalar>, mode: PassMode,
    update: UpdateCoefficients<Scalar>? = nil
  ) -> UpdateSums {
    let layout = s.layout
    let w = s.workspaceLayout
    var delta = s.workspace + w.deltaA
    var spare = s.workspace + w.deltaB
    var sums = UpdateSums()
    for layer in stride(from: layout.layerCount - 1, through: 0, by: -1) {
      let fanIn = layout.fanIn[layer]
      let fanOut = layout.fanOut[layer]
      let input = layerInput(layer, inputs: inputs, storage: s, mode: mode)
      // db [out] = sum over rows of dZ
      let biasGradient = s.gradients + layout.biasOffset[layer]
      biasGradient.update(repeating: 0, count: fanOut)
      if !(layout.isNormalized(layer) && mode.batchStatistics) {
        for row in 0..<rows {
          let d = delta + row * fanOut
          for j in 0..<fanOut { biasGradient[j] += d[j] }
        }
      }
      if layer > 0 {
        // dX [rows x in] = dZ [rows x out] * P^T
        Scalar.gemm(
          transposeA: false, transposeB: true, m: rows, n: fanIn, k: fanOut,
          a: delta, lda: fanOut, b: s.parameters + layout.weightOffset[layer], ldb: fanOut,
          bStorage: ParameterLayout.weightStorage, c: spare, ldc: fanIn, cStorage: .rowMajor, accumulate: false,
          scratch: s.kernelScratch(workers: workers))
      }
      if let update {
        sums += weightGradientUpdatingWeights(
          layer, input: input, delta: delta, rows: rows, storage: s, coefficients: update)
      } else {
        // dP [in x out] = X^T [in x rows] * dZ [rows x out], in column panels like P
        Scalar.gemm(
          transposeA: true, transposeB: false, m: fanIn, n: fanOut, k: rows,
          a: input, lda: fanIn, b: delta, ldb: fanOut, bStorage: .rowMajor,
          c: s.gradients + layout.weightOffset[layer], ldc: fanOut, cStorage: ParameterLayout.weightStorage,
          accumulate: false, scratch: s.kernelScratch(workers: workers))
      }
      guard layer > 0 else { break }
      if dropoutRate(afterLayer: layer - 1, mode: mode) > 0 {
        DropoutKernel.backward(gradient: spare, mask: s.workspace + w.mask[layer - 1], count: rows * fanIn)
      }
      Scalar.activationBackward(
        architecture.activation, gradient: spare, output: s.workspace + w.preactivation[layer - 1],
        count: rows * fanIn)
      if layout.batchNorm {
        normalizationBackward(layer - 1, gradient: spare, rows: rows, storage: s, mode: mode)
      }
      swap(&delta, &spare)
    }
    return sums
  }
}
