import DamKernelTable

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The scalar a `Network` computes in: `Float` for training, `Double` for gradient checks.
///
/// Supplies the matrix multiply (C (+)= op(A) op(B), row-major, see `Gemm`) and the elementary
/// functions the layers need, each from the C library so results are deterministic.
public protocol EngineScalar: BinaryFloatingPoint, SIMDScalar, Codable, Sendable {
  /// C (+)= op(A) op(B); op(A) is m x k, op(B) is k x n, C is m x n; A row-major with row stride `lda`,
  /// B and C as `bStorage` and `cStorage` say (row strides `ldb`, `ldc` when row-major). `scratch` is
  /// the kernels' scratch memory in the network's workspace (slots of `kernelScratchFloats` floats).
  static func gemm(
    transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
    a: UnsafePointer<Self>, lda: Int, b: UnsafePointer<Self>, ldb: Int, bStorage: MatrixStorage,
    c: UnsafeMutablePointer<Self>, ldc: Int, cStorage: MatrixStorage, accumulate: Bool, scratch: KernelScratch)
  /// Floats of scratch memory per `KernelScratch` slot that `gemm` needs (0 when it needs none).
  static var kernelScratchFloats: Int { get }
  /// e^x.
  static func exp(_ x: Self) -> Self
  /// e^x - 1, accurate near 0.
  static func expm1(_ x: Self) -> Self
  /// ln(x).
  static func log(_ x: Self) -> Self
  /// ln(1 + x), accurate near 0.
  static func log1p(_ x: Self) -> Self
  /// tanh(x).
  static func tanh(_ x: Self) -> Self
  /// H = f(Z + b) in place: adds `bias` [columns] to every row of `values` [rows x columns] and
  /// applies `activation` (see `ActivationKernels`); `Float` runs vectorized (`FloatActivationKernels`).
  static func addBiasAndActivate(
    _ activation: Activation, values: UnsafeMutablePointer<Self>, bias: UnsafePointer<Self>, rows: Int, columns: Int)
  /// dZ = dH * f'(H) in place on `gradient` [count], with H from `output` [count] (see `ActivationKernels`).
  static func activationBackward(
    _ activation: Activation, gradient: UnsafeMutablePointer<Self>, output: UnsafePointer<Self>, count: Int)
  /// Inverted dropout of `values` [count] into `mask` and `dropped` (see `DropoutKernel`), drawing from
  /// `generator`.
  static func applyDropout(
    values: UnsafePointer<Self>, mask: UnsafeMutablePointer<Self>, dropped: UnsafeMutablePointer<Self>, count: Int,
    rate: Double, generator: inout SeededGenerator)
}

extension EngineScalar {
  /// None: the reference GEMM needs no scratch memory.
  public static var kernelScratchFloats: Int { 0 }

  /// The element-wise reference: the C library's functions one value at a time.
  public static func addBiasAndActivate(
    _ activation: Activation, values: UnsafeMutablePointer<Self>, bias: UnsafePointer<Self>, rows: Int, columns: Int
  ) {
    ActivationKernels.addBiasAndActivate(activation, values: values, bias: bias, rows: rows, columns: columns)
  }

  /// The element-wise reference, `ActivationKernels.backward`.
  public static func activationBackward(
    _ activation: Activation, gradient: UnsafeMutablePointer<Self>, output: UnsafePointer<Self>, count: Int
  ) {
    ActivationKernels.backward(activation, gradient: gradient, output: output, count: count)
  }

  /// The element-wise reference, `DropoutKernel.apply`.
  public static func applyDropout(
    values: UnsafePointer<Self>, mask: UnsafeMutablePointer<Self>, dropped: UnsafeMutablePointer<Self>, count: Int,
    rate: Double, generator: inout SeededGenerator
  ) {
    DropoutKernel.apply(
      values: values, mask: mask, dropped: dropped, count: count, rate: rate, generator: &generator)
  }
}

extension Float: EngineScalar {
  /// The fast kernel, `KernelTable.fastest.multiply`, with scratch memory in `scratch`.
  public static func gemm(
    transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
    a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int, bStorage: MatrixStorage,
    c: UnsafeMutablePointer<Float>, ldc: Int, cStorage: MatrixStorage, accumulate: Bool, scratch: KernelScratch
  ) {
    KernelTable.fastest.multiply(
      transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, a: a, lda: lda, b: b, ldb: ldb,
      bPanels: bStorage == .columnPanels, c: c, ldc: ldc, cPanels: cStorage == .columnPanels, accumulate: accumulate,
      scratch: scratch)
  }

  /// The scratch of `KernelTable.fastest`'s GEMM kernels.
  public static var kernelScratchFloats: Int { KernelTable.fastest.scratchFloats }
  public static func exp(_ x: Float) -> Float { expf(x) }
  public static func expm1(_ x: Float) -> Float { expm1f(x) }
  public static func log(_ x: Float) -> Float { logf(x) }
  public static func log1p(_ x: Float) -> Float { log1pf(x) }
  public static func tanh(_ x: Float) -> Float { tanhf(x) }

  /// Vectorized and branch-free (`FloatActivationKernels`, e^x from `FastFloatMath`).
  public static func addBiasAndActivate(
    _ activation: Activation, values: UnsafeMutablePointer<Float>, bias: UnsafePointer<Float>, rows: Int, columns: Int
  ) {
    FloatActivationKernels.addBiasAndActivate(activation, values: values, bias: bias, rows: rows, columns: columns)
  }

  /// Vectorized and branch-free (`FloatActivationKernels`).
  public static func activationBackward(
    _ activation: Activation, gradient: UnsafeMutablePointer<Float>, output: UnsafePointer<Float>, count: Int
  ) {
    FloatActivationKernels.backward(activation, gradient: gradient, output: output, count: count)
  }

  /// The same masks as the reference (one draw per call as the key), computed and applied in one vector
  /// pass on the CPU's widest kernel path.
  public static func applyDropout(
    values: UnsafePointer<Float>, mask: UnsafeMutablePointer<Float>, dropped: UnsafeMutablePointer<Float>,
    count: Int, rate: Double, generator: inout SeededGenerator
  ) {
    DropoutKernel.apply(
      values: values, mask: mask, dropped: dropped, count: count, rate: rate, generator: &generator)
  }
}

extension Double: EngineScalar {
  /// The reference triple loop, `Gemm.referenceMultiply` (exact enough for gradient checks); it needs no
  /// scratch memory.
  public static func gemm(
    transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
    a: UnsafePointer<Double>, lda: Int, b: UnsafePointer<Double>, ldb: Int, bStorage: MatrixStorage,
    c: UnsafeMutablePointer<Double>, ldc: Int, cStorage: MatrixStorage, accumulate: Bool, scratch: KernelScratch
  ) {
    Gemm.referenceMultiply(
      transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, a: a, lda: lda,
      b: b, ldb: ldb, bStorage: bStorage, c: c, ldc: ldc, cStorage: cStorage, accumulate: accumulate)
  }
  public static func exp(_ x: Double) -> Double { libmExp(x) }
  public static func expm1(_ x: Double) -> Double { libmExpm1(x) }
  public static func log(_ x: Double) -> Double { libmLog(x) }
  public static func log1p(_ x: Double) -> Double { libmLog1p(x) }
  public static func tanh(_ x: Double) -> Double { libmTanh(x) }
}

// The C library's double-precision functions under names the `Double` conformance can call
// (inside it, `exp` etc. refer to the static requirements).
private func libmExp(_ x: Double) -> Double { exp(x) }
private func libmExpm1(_ x: Double) -> Double { expm1(x) }
private func libmLog(_ x: Double) -> Double { log(x) }
private func libmLog1p(_ x: Double) -> Double { log1p(x) }
private func libmTanh(_ x: Double) -> Double { tanh(x) }
