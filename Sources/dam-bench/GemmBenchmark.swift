import DamEngine

/// One matrix product C = op(A) op(B) of a fixed shape and storage on one GEMM path.
struct GemmBenchmark: Benchmark {
  let m: Int
  let n: Int
  let k: Int
  let transposeA: Bool
  let transposeB: Bool
  let bStorage: MatrixStorage
  let cStorage: MatrixStorage
  let path: Gemm.Path
  private var a: [Float]
  private var b: [Float]
  private var c: [Float]

  /// A product with inputs filled from a seeded generator.
  init(
    m: Int, n: Int, k: Int, transposeA: Bool, transposeB: Bool, bStorage: MatrixStorage, cStorage: MatrixStorage,
    path: Gemm.Path
  ) {
    (self.m, self.n, self.k, self.transposeA, self.transposeB, self.path) = (m, n, k, transposeA, transposeB, path)
    (self.bStorage, self.cStorage) = (bStorage, cStorage)
    var generator = SeededGenerator(seed: 1)
    a = (0..<m * k).map { _ in generator.nextUnitFloat() - 0.5 }
    b = (0..<k * n).map { _ in generator.nextUnitFloat() - 0.5 }
    c = [Float](repeating: 0, count: m * n)
  }

  /// For example `gemm 128x256x784 nn/Bp avx512`: op(A) and op(B) transposed or not, then which operands
  /// are in column panels (`/Bp`, `/Cp`).
  var name: String {
    let panels = (bStorage == .columnPanels ? "/Bp" : "") + (cStorage == .columnPanels ? "/Cp" : "")
    return "gemm \(m)x\(n)x\(k) \(transposeA ? "t" : "n")\(transposeB ? "t" : "n")\(panels) \(path.rawValue)"
  }
  var samplesPerIteration: Int? { nil }
  var flopsPerIteration: Double { 2 * Double(m) * Double(n) * Double(k) }

  /// Runs the product `iterations` times on the path's kernel table, with scratch memory allocated once.
  mutating func run(iterations: Int) {
    let (m, n, k, transposeA, transposeB) = (m, n, k, transposeA, transposeB)
    let (bPanels, cPanels) = (bStorage == .columnPanels, cStorage == .columnPanels)
    let kernels = path.kernels
    a.withUnsafeBufferPointer { a in
      b.withUnsafeBufferPointer { b in
        c.withUnsafeMutableBufferPointer { c in
          kernels.withScratch { scratch in
            for _ in 0..<iterations {
              kernels.multiply(
                transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k,
                a: a.baseAddress!, lda: transposeA ? m : k, b: b.baseAddress!, ldb: transposeB ? k : n,
                bPanels: bPanels, c: c.baseAddress!, ldc: n, cPanels: cPanels, accumulate: false, scratch: scratch)
            }
          }
        }
      }
    }
  }

  /// The products of the training workloads in the forms the dense layer uses (weights as P = W^T in
  /// column panels): W3's three forms and its 10-output layer, W2's forward layer, W1's and W4's small
  /// ones, and a square row-major one; on every path this CPU supports.
  static func standardSet() -> [GemmBenchmark] {
    let row = MatrixStorage.rowMajor
    let panels = MatrixStorage.columnPanels
    let shapes: [(Int, Int, Int, Bool, Bool, MatrixStorage, MatrixStorage)] = [
      (256, 256, 256, false, false, row, row),
      (128, 256, 784, false, false, panels, row),  // W3 forward, layer 1: Z = X P
      (784, 256, 128, true, false, row, panels),  // W3 weight gradient, layer 1: dP = X^T dZ
      (128, 256, 256, false, true, panels, row),  // W3 input gradient, layer 2: dX = dZ P^T
      (128, 10, 256, false, false, panels, row),  // W3 forward, output layer (10 columns: one narrow sliver)
      (64, 128, 64, false, false, panels, row),  // W2 forward, layer 1
      (32, 16, 16, false, false, panels, row),  // W1 forward, hidden layer
      (64, 32, 32, false, false, panels, row),  // W4 forward, hidden layer
      (32, 32, 64, true, false, row, panels),  // W4 weight gradient, hidden layer
    ]
    return Gemm.Path.allCases.filter(\.isSupported).flatMap { path in
      shapes.map {
        GemmBenchmark(
          m: $0.0, n: $0.1, k: $0.2, transposeA: $0.3, transposeB: $0.4, bStorage: $0.5, cStorage: $0.6, path: path)
      }
    }
  }
}
