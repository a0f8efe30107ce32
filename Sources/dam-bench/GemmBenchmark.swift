import DamEngine

/// One matrix product C = op(A) op(B) of a fixed shape on one GEMM path.
struct GemmBenchmark: Benchmark {
  let m: Int
  let n: Int
  let k: Int
  let transposeA: Bool
  let transposeB: Bool
  let path: Gemm.Path
  private var a: [Float]
  private var b: [Float]
  private var c: [Float]

  /// A product with inputs filled from a seeded generator.
  init(m: Int, n: Int, k: Int, transposeA: Bool, transposeB: Bool, path: Gemm.Path) {
    (self.m, self.n, self.k, self.transposeA, self.transposeB, self.path) = (m, n, k, transposeA, transposeB, path)
    var generator = SeededGenerator(seed: 1)
    a = (0..<m * k).map { _ in generator.nextUnitFloat() - 0.5 }
    b = (0..<k * n).map { _ in generator.nextUnitFloat() - 0.5 }
    c = [Float](repeating: 0, count: m * n)
  }

  var name: String {
    "gemm \(m)x\(n)x\(k) \(transposeA ? "t" : "n")\(transposeB ? "t" : "n") \(path.rawValue)"
  }
  var samplesPerIteration: Int? { nil }
  var flopsPerIteration: Double { 2 * Double(m) * Double(n) * Double(k) }

  mutating func run(iterations: Int) {
    let (m, n, k, transposeA, transposeB, path) = (m, n, k, transposeA, transposeB, path)
    a.withUnsafeBufferPointer { a in
      b.withUnsafeBufferPointer { b in
        c.withUnsafeMutableBufferPointer { c in
          for _ in 0..<iterations {
            Gemm.multiply(
              on: path, transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k,
              a: a.baseAddress!, lda: transposeA ? m : k, b: b.baseAddress!, ldb: transposeB ? k : n,
              c: c.baseAddress!, ldc: n, accumulate: false)
          }
        }
      }
    }
  }

  /// The products of the training workloads (W3's three forms and its 10-output layer, W2's forward
  /// layer, a square one, W1's and W4's small ones), on every path this CPU supports.
  static func standardSet() -> [GemmBenchmark] {
    let shapes: [(Int, Int, Int, Bool, Bool)] = [
      (256, 256, 256, false, false),
      (128, 256, 784, false, true),  // W3 forward, layer 1: Z = X W^T
      (256, 784, 128, true, false),  // W3 weight gradient, layer 1: dW = dZ^T X
      (128, 256, 256, false, false),  // W3 input gradient, layer 2: dX = dZ W
      (128, 10, 256, false, true),  // W3 forward, output layer (10 columns: one narrow sliver)
      (64, 128, 64, false, true),  // W2 forward, layer 1
      (32, 16, 16, false, true),  // W1 forward, hidden layer
      (64, 32, 32, false, true),  // W4 forward, hidden layer
      (32, 32, 64, true, false),  // W4 weight gradient, hidden layer
    ]
    return Gemm.Path.allCases.filter(\.isSupported).flatMap { path in
      shapes.map { GemmBenchmark(m: $0.0, n: $0.1, k: $0.2, transposeA: $0.3, transposeB: $0.4, path: path) }
    }
  }
}
