import DamEngine
import Foundation
import Testing

/// One GEMM problem: shapes, transposes, padding of the stored rows, and whether C accumulates.
private struct GemmCase: CustomStringConvertible, Sendable {
  var m: Int
  var n: Int
  var k: Int
  var transposeA = false
  var transposeB = false
  var padding = 0
  var accumulate = false
  var bStorage = MatrixStorage.rowMajor
  var cStorage = MatrixStorage.rowMajor

  var description: String {
    "\(m)x\(n)x\(k) tA=\(transposeA) tB=\(transposeB) pad=\(padding) acc=\(accumulate) B=\(bStorage) C=\(cStorage)"
  }
}

/// Deterministic values in [-1, 1).
private func randomFloats(_ count: Int, generator: inout SeededGenerator) -> [Float] {
  (0..<count).map { _ in Float.random(in: -1..<1, using: &generator) }
}

/// Runs `gemmCase` on `path` and on the Double reference; returns the largest error divided by its
/// bound (2 k ulp of the sum of |products|), and whether the padding of C stayed untouched.
private func relativeError(of gemmCase: GemmCase, on path: Gemm.Path) -> (error: Double, paddingIntact: Bool) {
  let (m, n, k) = (gemmCase.m, gemmCase.n, gemmCase.k)
  let aRows = gemmCase.transposeA ? k : m
  let aColumns = gemmCase.transposeA ? m : k
  let bRows = gemmCase.transposeB ? n : k
  let bColumns = gemmCase.transposeB ? k : n
  // Panels tile their matrix exactly: no row padding.
  let lda = aColumns + gemmCase.padding
  let ldb = bColumns + (gemmCase.bStorage == .rowMajor ? gemmCase.padding : 0)
  let ldc = n + (gemmCase.cStorage == .rowMajor ? gemmCase.padding : 0)
  var generator = SeededGenerator(seed: UInt64(m * 1_000_003 + n * 1009 + k))
  let a = randomFloats(max(aRows * lda, 1), generator: &generator)
  let b = randomFloats(max(bRows * ldb, 1), generator: &generator)
  let initialC = randomFloats(max(m * ldc, 1), generator: &generator)
  var c = initialC
  a.withUnsafeBufferPointer { a in
    b.withUnsafeBufferPointer { b in
      c.withUnsafeMutableBufferPointer { c in
        Gemm.multiply(
          on: path, transposeA: gemmCase.transposeA, transposeB: gemmCase.transposeB, m: m, n: n, k: k,
          a: a.baseAddress!, lda: lda, b: b.baseAddress!, ldb: ldb, bStorage: gemmCase.bStorage,
          c: c.baseAddress!, ldc: ldc, cStorage: gemmCase.cStorage, accumulate: gemmCase.accumulate)
      }
    }
  }
  var expected = initialC.map(Double.init)
  var magnitude = [Double](repeating: 0, count: expected.count)
  let aDouble = a.map(Double.init)
  let bDouble = b.map(Double.init)
  let aAbs = aDouble.map(abs)
  let bAbs = bDouble.map(abs)
  aDouble.withUnsafeBufferPointer { a in
    bDouble.withUnsafeBufferPointer { b in
      expected.withUnsafeMutableBufferPointer { c in
        Gemm.referenceMultiply(
          transposeA: gemmCase.transposeA, transposeB: gemmCase.transposeB, m: m, n: n, k: k,
          a: a.baseAddress!, lda: lda, b: b.baseAddress!, ldb: ldb, bStorage: gemmCase.bStorage,
          c: c.baseAddress!, ldc: ldc, cStorage: gemmCase.cStorage, accumulate: gemmCase.accumulate)
      }
    }
  }
  aAbs.withUnsafeBufferPointer { a in
    bAbs.withUnsafeBufferPointer { b in
      magnitude.withUnsafeMutableBufferPointer { c in
        Gemm.referenceMultiply(
          transposeA: gemmCase.transposeA, transposeB: gemmCase.transposeB, m: m, n: n, k: k,
          a: a.baseAddress!, lda: lda, b: b.baseAddress!, ldb: ldb, bStorage: gemmCase.bStorage,
          c: c.baseAddress!, ldc: ldc, cStorage: gemmCase.cStorage, accumulate: false)
      }
    }
  }
  var worst = 0.0
  var paddingIntact = true
  for i in 0..<m {
    for j in 0..<ldc {
      let index = gemmCase.cStorage.offset(row: i, column: j, rows: m, columns: n, stride: ldc)
      if j >= n {
        paddingIntact = paddingIntact && c[index] == initialC[index]
        continue
      }
      let bound = 2 * Double(k + 1) * Double(Float.ulpOfOne) * (magnitude[index] + abs(expected[index])) + 1e-30
      worst = max(worst, abs(Double(c[index]) - expected[index]) / bound)
    }
  }
  return (worst, paddingIntact)
}

private let supportedPaths = Gemm.Path.allCases.filter(\.isSupported)

/// Shapes from 1x1 to ones that cross every tile and block edge, including the training workloads'
/// ragged layers: 10 outputs (one narrow sliver), 10 rows of a weight gradient, and a depth that
/// splits into blocks that are not a multiple of the 8 x 8 packing square.
private let shapes = [
  (1, 1, 1), (7, 13, 5), (6, 32, 16), (129, 65, 33), (5, 131, 260), (32, 1, 16), (64, 10, 64), (10, 40, 37),
  (19, 24, 596),
]

/// Every transpose combination over `shapes`.
private let shapeCases: [GemmCase] = shapes.flatMap { shape in
  [(false, false), (false, true), (true, false), (true, true)].map { transposes in
    GemmCase(m: shape.0, n: shape.1, k: shape.2, transposeA: transposes.0, transposeB: transposes.1)
  }
}

/// Strides wider than the rows, and accumulation into C.
private let layoutCases: [GemmCase] = [
  GemmCase(m: 9, n: 17, k: 11, padding: 3),
  GemmCase(m: 9, n: 17, k: 11, transposeA: true, transposeB: true, padding: 5, accumulate: true),
  GemmCase(m: 20, n: 40, k: 300, transposeB: true, accumulate: true),
  GemmCase(m: 13, n: 7, k: 19, transposeA: true, padding: 1, accumulate: true),
]

/// Every width of C from 1 to 40 columns (each ragged sliver and register-tile edge of every path) with
/// padded strides, for every transpose combination.
private let widthCases: [GemmCase] = (1...40).flatMap { n in
  [(false, false), (false, true), (true, false), (true, true)].map { transposes in
    GemmCase(m: 7, n: n, k: 19, transposeA: transposes.0, transposeB: transposes.1, padding: 2, accumulate: n % 2 == 0)
  }
}

/// B and C in column panels (`MatrixStorage.columnPanels`), in every transpose combination, over
/// widths and depths on both sides of each panel edge (a lone narrow panel, a full one, a full one and a
/// ragged one): the dense layer's forward (B panels), weight-gradient (C panels) and input-gradient
/// (transposed B panels) forms among them.
private let panelCases: [GemmCase] = [(5, 1, 7), (9, 10, 31), (17, 32, 33), (8, 33, 64), (11, 70, 40), (3, 48, 300)]
  .flatMap { shape in
    [(false, false), (false, true), (true, false), (true, true)].flatMap { transposes in
      [
        (MatrixStorage.columnPanels, MatrixStorage.rowMajor), (.rowMajor, .columnPanels),
        (.columnPanels, .columnPanels),
      ].flatMap { storages in
        [(shape.0, shape.1, shape.2), (shape.0, shape.2, shape.1)].map { mnk in
          GemmCase(
            m: mnk.0, n: mnk.1, k: mnk.2, transposeA: transposes.0, transposeB: transposes.1, padding: 3,
            accumulate: mnk.1 % 2 == 1, bStorage: storages.0, cStorage: storages.1)
        }
      }
    }
  }

@Suite("GEMM kernels")
struct GemmTests {
  @Test("Every supported path matches the reference for every transpose and odd shape", arguments: supportedPaths)
  func shapesAndTransposes(path: Gemm.Path) {
    for gemmCase in shapeCases {
      let result = relativeError(of: gemmCase, on: path)
      #expect(result.error <= 1, "\(path) \(gemmCase)")
    }
  }

  @Test("Every supported path honours row strides and accumulates into C", arguments: supportedPaths)
  func stridesAndAccumulation(path: Gemm.Path) {
    expectMatchesReference(layoutCases, on: path)
  }

  @Test("Every supported path writes exactly the columns of C for every width", arguments: supportedPaths)
  func everyWidth(path: Gemm.Path) {
    expectMatchesReference(widthCases, on: path)
  }

  @Test("Every supported path reads B and writes C in column panels", arguments: supportedPaths)
  func columnPanels(path: Gemm.Path) {
    expectMatchesReference(panelCases, on: path)
  }

  /// Every case of `cases` on `path` is within the reference's rounding bound and leaves C's padding alone.
  private func expectMatchesReference(_ cases: [GemmCase], on path: Gemm.Path) {
    for gemmCase in cases {
      let result = relativeError(of: gemmCase, on: path)
      #expect(result.error <= 1, "\(path) \(gemmCase)")
      #expect(result.paddingIntact, "\(path) \(gemmCase) wrote outside the m x n block")
    }
  }

  @Test("Column panels place each element where MatrixStorage.offset says")
  func panelOffsets() {
    // A 2 x 70 matrix: panels of 32, 32 and 6 columns, each row-major.
    let storage = MatrixStorage.columnPanels
    #expect(storage.offset(row: 0, column: 0, rows: 2, columns: 70, stride: 0) == 0)
    #expect(storage.offset(row: 1, column: 0, rows: 2, columns: 70, stride: 0) == 32)
    #expect(storage.offset(row: 1, column: 31, rows: 2, columns: 70, stride: 0) == 63)
    #expect(storage.offset(row: 0, column: 32, rows: 2, columns: 70, stride: 0) == 64)
    #expect(storage.offset(row: 0, column: 64, rows: 2, columns: 70, stride: 0) == 128)
    #expect(storage.offset(row: 1, column: 69, rows: 2, columns: 70, stride: 0) == 139)
    #expect(MatrixStorage.rowMajor.offset(row: 1, column: 69, rows: 2, columns: 70, stride: 75) == 144)
  }

  @Test("A zero-depth product clears C, or leaves it unchanged when accumulating", arguments: supportedPaths)
  func zeroDepth(path: Gemm.Path) {
    let a: [Float] = [1]
    let b: [Float] = [1]
    for accumulate in [false, true] {
      var c: [Float] = [3, 4, 5, 6]
      Gemm.multiply(
        on: path, transposeA: false, transposeB: false, m: 2, n: 2, k: 0, a: a, lda: 1, b: b, ldb: 2, c: &c, ldc: 2,
        accumulate: accumulate)
      #expect(c == (accumulate ? [3, 4, 5, 6] : [0, 0, 0, 0]))
    }
  }

  @Test("A hand-computed 2x2 product")
  func handComputed() {
    // [1 2; 3 4] x [5 6; 7 8] = [19 22; 43 50]
    var c = [Float](repeating: 0, count: 4)
    Gemm.multiply(
      transposeA: false, transposeB: false, m: 2, n: 2, k: 2, a: [1, 2, 3, 4], lda: 2, b: [5, 6, 7, 8], ldb: 2,
      c: &c, ldc: 2, accumulate: false)
    #expect(c == [19, 22, 43, 50])
  }

  @Test("Dispatch picks the widest path the CPU reports")
  func dispatch() throws {
    #expect(Gemm.Path.portable.isSupported)
    let expected = [Gemm.Path.avx512, .avx2].first(where: \.isSupported) ?? .portable
    #expect(Gemm.Path.fastest == expected)
    #if arch(x86_64) && os(Linux)
      // Independent check: the kernel's view of the CPU flags.
      let cpuinfo = try String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)
      let flags = Set(cpuinfo.split(separator: "\n").first { $0.hasPrefix("flags") }?.split(separator: " ") ?? [])
      #expect(Gemm.Path.avx2.isSupported == (flags.contains("avx2") && flags.contains("fma")))
      #expect(Gemm.Path.avx512.isSupported == (flags.contains("avx512f") && flags.contains("avx2")))
    #endif
  }
}
