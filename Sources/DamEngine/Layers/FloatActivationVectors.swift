// Compiled into DamEngine and, through symbolic links, into the kernel targets DamGemmAVX2 and
// DamGemmAVX512 (see `FloatVector+Memory.swift`).

import DamKernelTable

/// `ActivationKernels` for `Float` on `FloatVector`s: the same formulas, branch-free (selects instead of
/// data-dependent branches), a vector at a time, with `FastFloatMath` for e^x. Every vector width gives
/// the same bits.
enum FloatActivationVectors {
  /// H = f(Z + b) in place over `values` [rows x columns], `bias` [columns].
  static func addBiasAndActivate(
    _ activation: VectorActivation, values: UnsafeMutablePointer<Float>, bias: UnsafePointer<Float>, rows: Int,
    columns: Int
  ) {
    switch activation {
    case .sigmoid: sigmoid(values, bias, rows, columns)
    case .tanh: tanh(values, bias, rows, columns)
    case .relu: relu(values, bias, rows, columns)
    case .leakyRelu: leakyRelu(values, bias, rows, columns)
    case .elu: elu(values, bias, rows, columns)
    case .linear: map(values: values, bias: bias, rows: rows, columns: columns) { x in x }
    }
  }

  // One function per activation, so each stays small enough for the optimizer to inline the
  // `FastFloatMath` function into its loop (SIMD arguments of a call go through memory).

  @inline(never)
  private static func sigmoid(
    _ values: UnsafeMutablePointer<Float>, _ bias: UnsafePointer<Float>, _ rows: Int, _ columns: Int
  ) {
    map(values: values, bias: bias, rows: rows, columns: columns) { x in FastFloatMath.sigmoid(x) }
  }

  @inline(never)
  private static func tanh(
    _ values: UnsafeMutablePointer<Float>, _ bias: UnsafePointer<Float>, _ rows: Int, _ columns: Int
  ) {
    map(values: values, bias: bias, rows: rows, columns: columns) { x in FastFloatMath.tanh(x) }
  }

  @inline(never)
  private static func relu(
    _ values: UnsafeMutablePointer<Float>, _ bias: UnsafePointer<Float>, _ rows: Int, _ columns: Int
  ) {
    map(values: values, bias: bias, rows: rows, columns: columns) { x in x.replacing(with: 0, where: .!(x .> 0)) }
  }

  @inline(never)
  private static func leakyRelu(
    _ values: UnsafeMutablePointer<Float>, _ bias: UnsafePointer<Float>, _ rows: Int, _ columns: Int
  ) {
    map(values: values, bias: bias, rows: rows, columns: columns) { x in (0.01 * x).replacing(with: x, where: x .> 0) }
  }

  @inline(never)
  private static func elu(
    _ values: UnsafeMutablePointer<Float>, _ bias: UnsafePointer<Float>, _ rows: Int, _ columns: Int
  ) {
    map(values: values, bias: bias, rows: rows, columns: columns) { x in FastFloatMath.elu(x) }
  }

  /// dZ = dH * f'(H) in place on `gradient` [count], with H from `output` [count].
  static func backward(
    _ activation: VectorActivation, gradient: UnsafeMutablePointer<Float>, output: UnsafePointer<Float>, count: Int
  ) {
    switch activation {
    case .sigmoid:
      map(gradient: gradient, output: output, count: count) { g, h in g * (h * (1 - h)) }
    case .tanh:
      map(gradient: gradient, output: output, count: count) { g, h in g * (1 - h * h) }
    case .relu:
      map(gradient: gradient, output: output, count: count) { g, h in g.replacing(with: 0, where: .!(h .> 0)) }
    case .leakyRelu:
      map(gradient: gradient, output: output, count: count) { g, h in (g * 0.01).replacing(with: g, where: h .> 0) }
    case .elu:
      map(gradient: gradient, output: output, count: count) { g, h in (g * (h + 1)).replacing(with: g, where: h .> 0) }
    case .linear:
      break
    }
  }

  /// Z <- f(Z + b) row by row, a vector at a time, then the partial vector at the end of the row (a
  /// separate call of `f`: one code path for both would keep the compiler from vectorizing either).
  @inline(__always)
  private static func map(
    values: UnsafeMutablePointer<Float>, bias: UnsafePointer<Float>, rows: Int, columns: Int,
    _ f: (FloatVector) -> FloatVector
  ) {
    let lanes = FloatVector.scalarCount
    let whole = columns / lanes * lanes
    for row in 0..<rows {
      let z = values + row * columns
      var j = 0
      while j < whole {
        f(FloatVector(loading: z + j) + FloatVector(loading: bias + j)).store(to: z + j)
        j += lanes
      }
      if j < columns {
        let rest = columns - j
        f(FloatVector(loading: z + j, count: rest) + FloatVector(loading: bias + j, count: rest))
          .store(to: z + j, count: rest)
      }
    }
  }

  /// G <- f(G, H) over `count` values, a vector at a time, then the partial vector at the end.
  @inline(__always)
  static func map(
    gradient: UnsafeMutablePointer<Float>, output: UnsafePointer<Float>, count: Int,
    _ f: (FloatVector, FloatVector) -> FloatVector
  ) {
    let lanes = FloatVector.scalarCount
    var i = 0
    while i + lanes <= count {
      f(FloatVector(loading: gradient + i), FloatVector(loading: output + i)).store(to: gradient + i)
      i += lanes
    }
    if i < count {
      let rest = count - i
      f(FloatVector(loading: gradient + i, count: rest), FloatVector(loading: output + i, count: rest))
        .store(to: gradient + i, count: rest)
    }
  }
}
