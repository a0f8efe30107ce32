// The interface every build of the engine's kernels exports. DamEngine compiles the same kernel sources
// for the baseline CPU and, in release builds on x86-64, for AVX2 and AVX-512 (the DamGemmAVX2 and
// DamGemmAVX512 targets, see Package.swift); each build fills one `KernelTable`, and DamEngine picks one
// at run time from CPUID (`Gemm.Path`, `KernelTable.fastest`).

/// The `Float` kernels of one build, as a table of functions: the GEMM (plain, and with plain SGD fused
/// into its register tiles) and the element-wise kernels (activations, dropout, the binary head's loss,
/// the SGD sweep).
///
/// Every build fills its table from one shared source file (`KernelTable.compiled`, compiled into each
/// kernel target), so adding a kernel is a field here and an entry there; callers hold a table and
/// never switch on the instruction set. The element-wise kernels give the same bits in every build (no
/// fused multiply-add, the same per-element arithmetic at every vector width).
///
/// The GEMM kernels take their scratch memory from the caller (`KernelScratch`): the network passes a
/// region of its preallocated workspace, so products allocate nothing and networks trained on different
/// threads never share scratch. The scratch has a slot per worker, so that a product split across
/// workers can give each its own; every kernel runs on the calling thread today and uses slot 0.
public struct KernelTable: Sendable {
  /// Floats of scratch memory the GEMM kernels need per `KernelScratch` slot (a multiple of 16).
  public let scratchFloats: Int

  /// `multiply`, on the operands.
  @usableFromInline let multiplyKernel: @Sendable (GemmOperands, KernelScratch) -> Void
  /// `multiplyUpdatingWeights`, on the operands and the update's parameters.
  @usableFromInline let multiplyUpdatingWeightsKernel:
    @Sendable (
      GemmOperands, _ weights: UnsafeMutablePointer<Float>, _ keepsGradients: Bool, _ step: Float, _ scale: Float,
      _ l1: Float, _ l2: Float, KernelScratch
    ) -> (weightSquares: Double, weightMagnitudes: Double, gradientSquares: Double)
  /// `addBiasAndActivate`.
  @usableFromInline let addBiasAndActivateKernel:
    @Sendable (
      VectorActivation, _ values: UnsafeMutablePointer<Float>, _ bias: UnsafePointer<Float>, _ rows: Int,
      _ columns: Int
    ) -> Void
  /// `activationBackward`.
  @usableFromInline let activationBackwardKernel:
    @Sendable (
      VectorActivation, _ gradient: UnsafeMutablePointer<Float>, _ output: UnsafePointer<Float>, _ count: Int
    ) -> Void
  /// `dropout`.
  @usableFromInline let dropoutKernel:
    @Sendable (
      _ values: UnsafePointer<Float>, _ mask: UnsafeMutablePointer<Float>, _ dropped: UnsafeMutablePointer<Float>,
      _ count: Int, _ key: UInt64, _ largestKept: UInt32, _ scale: Float
    ) -> Void
  /// `dropoutBackward`.
  @usableFromInline let dropoutBackwardKernel:
    @Sendable (_ gradient: UnsafeMutablePointer<Float>, _ mask: UnsafePointer<Float>, _ count: Int) -> Void
  /// `binaryLoss`.
  @usableFromInline let binaryLossKernel:
    @Sendable (
      _ logits: UnsafePointer<Float>, _ targets: UnsafePointer<Float>, _ rows: Int,
      _ gradient: UnsafeMutablePointer<Float>?, _ gradientScale: Float
    ) -> (loss: Double, correct: Int)
  /// `sgd`.
  @usableFromInline let sgdKernel:
    @Sendable (
      _ weights: UnsafeMutablePointer<Float>, _ gradients: UnsafeMutablePointer<Float>, _ count: Int, _ step: Float,
      _ scale: Float, _ l1: Float, _ l2: Float, _ measures: Bool, _ updates: Bool
    ) -> (
      weightSquares: Double, weightMagnitudes: Double, dataGradientSquares: Double, gradientSquares: Double,
      changeSquares: Double
    )

  /// A table of one build's kernels; each function does what the method of the same name documents.
  public init(
    scratchFloats: Int,
    multiply: @escaping @Sendable (GemmOperands, KernelScratch) -> Void,
    multiplyUpdatingWeights:
      @escaping @Sendable (
        GemmOperands, UnsafeMutablePointer<Float>, Bool, Float, Float, Float, Float, KernelScratch
      ) -> (weightSquares: Double, weightMagnitudes: Double, gradientSquares: Double),
    addBiasAndActivate:
      @escaping @Sendable (VectorActivation, UnsafeMutablePointer<Float>, UnsafePointer<Float>, Int, Int) -> Void,
    activationBackward:
      @escaping @Sendable (VectorActivation, UnsafeMutablePointer<Float>, UnsafePointer<Float>, Int) -> Void,
    dropout:
      @escaping @Sendable (
        UnsafePointer<Float>, UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>, Int, UInt64, UInt32, Float
      ) -> Void,
    dropoutBackward: @escaping @Sendable (UnsafeMutablePointer<Float>, UnsafePointer<Float>, Int) -> Void,
    binaryLoss:
      @escaping @Sendable (
        UnsafePointer<Float>, UnsafePointer<Float>, Int, UnsafeMutablePointer<Float>?, Float
      ) -> (loss: Double, correct: Int),
    sgd:
      @escaping @Sendable (
        UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>, Int, Float, Float, Float, Float, Bool, Bool
      ) -> (
        weightSquares: Double, weightMagnitudes: Double, dataGradientSquares: Double, gradientSquares: Double,
        changeSquares: Double
      )
  ) {
    precondition(scratchFloats % 16 == 0, "scratch slots must keep 64-byte alignment")
    self.scratchFloats = scratchFloats
    multiplyKernel = multiply
    multiplyUpdatingWeightsKernel = multiplyUpdatingWeights
    addBiasAndActivateKernel = addBiasAndActivate
    activationBackwardKernel = activationBackward
    dropoutKernel = dropout
    dropoutBackwardKernel = dropoutBackward
    binaryLossKernel = binaryLoss
    sgdKernel = sgd
  }

  /// C (+)= op(A) op(B) (C = when not `accumulate`), where op(X) is X or X^T: op(A) is m x k, op(B) is
  /// k x n, C is m x n. A is row-major with row stride `lda` (before transposition); B and C are
  /// row-major with row strides `ldb`, `ldc`, or stored in column panels of 32 columns (`bPanels`,
  /// `cPanels`; the stride is then ignored).
  ///
  /// - Precondition: each slot of `scratch` holds `scratchFloats` floats.
  /// - Complexity: O(m n k); allocates nothing.
  @inlinable
  public func multiply(
    transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
    a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int, bPanels: Bool,
    c: UnsafeMutablePointer<Float>, ldc: Int, cPanels: Bool, accumulate: Bool, scratch: KernelScratch
  ) {
    precondition(scratch.slotFloats >= scratchFloats, "GEMM scratch slots are too small")
    multiplyKernel(
      GemmOperands(
        transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, a: a, lda: lda, b: b, ldb: ldb,
        bPanels: bPanels, c: c, ldc: ldc, cPanels: cPanels, accumulate: accumulate),
      scratch)
  }

  /// The weight-gradient product C = op(A) op(B) (as `multiply`, not accumulated) with plain SGD and
  /// L1/L2 fused into each register tile while it is in L1: `weights` (laid out like C) end as
  /// w + step (g * scale), g = C + l2 w + l1 sign(w), exactly as after the product and `sgd`; C ends as
  /// g when `keepsGradients`, and is otherwise not written at all when k fits one depth block. Returns
  /// sum w^2, sum |w| (when l1 > 0) and sum g^2, over the weights before the update.
  ///
  /// - Precondition: the product is not a matrix-vector one (`transposeA`, or more than one column), and
  ///   each slot of `scratch` holds `scratchFloats` floats.
  @inlinable
  public func multiplyUpdatingWeights(
    transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
    a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int, bPanels: Bool,
    c: UnsafeMutablePointer<Float>, ldc: Int, cPanels: Bool,
    weights: UnsafeMutablePointer<Float>, keepsGradients: Bool, step: Float, scale: Float, l1: Float, l2: Float,
    scratch: KernelScratch
  ) -> (weightSquares: Double, weightMagnitudes: Double, gradientSquares: Double) {
    precondition(transposeA || n > 1, "a matrix-vector product has no register tiles to update")
    precondition(scratch.slotFloats >= scratchFloats, "GEMM scratch slots are too small")
    return multiplyUpdatingWeightsKernel(
      GemmOperands(
        transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, a: a, lda: lda, b: b, ldb: ldb,
        bPanels: bPanels, c: c, ldc: ldc, cPanels: cPanels, accumulate: false),
      weights, keepsGradients, step, scale, l1, l2, scratch)
  }

  /// H = f(Z + b) in place over `values` [rows x columns], `bias` [columns].
  @inlinable
  public func addBiasAndActivate(
    _ activation: VectorActivation, values: UnsafeMutablePointer<Float>, bias: UnsafePointer<Float>, rows: Int,
    columns: Int
  ) {
    addBiasAndActivateKernel(activation, values, bias, rows, columns)
  }

  /// dZ = dH * f'(H) in place on `gradient` [count], with H from `output` [count].
  @inlinable
  public func activationBackward(
    _ activation: VectorActivation, gradient: UnsafeMutablePointer<Float>, output: UnsafePointer<Float>, count: Int
  ) {
    activationBackwardKernel(activation, gradient, output, count)
  }

  /// Inverted dropout over `count` units: unit i is kept when the 32 random bits of (`key`, i) are at
  /// most `largestKept`; `mask` gets `scale` (kept) or 0, `dropped` gets values * mask.
  @inlinable
  public func dropout(
    values: UnsafePointer<Float>, mask: UnsafeMutablePointer<Float>, dropped: UnsafeMutablePointer<Float>,
    count: Int, key: UInt64, largestKept: UInt32, scale: Float
  ) {
    dropoutKernel(values, mask, dropped, count, key, largestKept, scale)
  }

  /// dH = dDropped * mask, in place on `gradient` [count].
  @inlinable
  public func dropoutBackward(gradient: UnsafeMutablePointer<Float>, mask: UnsafePointer<Float>, count: Int) {
    dropoutBackwardKernel(gradient, mask, count)
  }

  /// The binary head's loss over `rows` samples of logits z and 0/1 targets t: returns the sum of
  /// max(z, 0) - z t + log(1 + e^-|z|) (summed in `Double` in sample order) and the number of samples with
  /// [z > 0] = [t >= 0.5]; when `gradient` is given, writes (sigmoid(z) - t) * `gradientScale` there [rows].
  @inlinable
  public func binaryLoss(
    logits: UnsafePointer<Float>, targets: UnsafePointer<Float>, rows: Int, gradient: UnsafeMutablePointer<Float>?,
    gradientScale: Float
  ) -> (loss: Double, correct: Int) {
    binaryLossKernel(logits, targets, rows, gradient, gradientScale)
  }

  /// g <- g + l2 w + l1 sign(w) and, when `updates`, plain SGD w <- w + step (g * scale) (step = -lr),
  /// over `count` weights; returns sum w^2, sum |w| (when l1 > 0), the data gradient's sum g^2 (when
  /// `measures`), the regularized gradient's sum g^2 and, when `measures` and `updates`,
  /// sum (w_after - w_before)^2.
  @inlinable
  public func sgd(
    weights: UnsafeMutablePointer<Float>, gradients: UnsafeMutablePointer<Float>, count: Int, step: Float,
    scale: Float, l1: Float, l2: Float, measures: Bool, updates: Bool
  ) -> (
    weightSquares: Double, weightMagnitudes: Double, dataGradientSquares: Double, gradientSquares: Double,
    changeSquares: Double
  ) {
    sgdKernel(weights, gradients, count, step, scale, l1, l2, measures, updates)
  }

  /// Calls `body` with scratch memory of one slot for this table's GEMM kernels, allocated for the call
  /// (on the heap: it is larger than a stack allocation may be). For one-off products, tests and
  /// benchmarks; a network passes a region of its workspace instead.
  public func withScratch<Result>(_ body: (KernelScratch) throws -> Result) rethrows -> Result {
    try withUnsafeTemporaryAllocation(byteCount: scratchFloats * MemoryLayout<Float>.stride, alignment: 64) {
      bytes in
      bytes.bindMemory(to: Float.self)
      return try body(KernelScratch(base: bytes.baseAddress!, slotFloats: scratchFloats))
    }
  }
}
