// The vector type and multiply-add used by the portable build of `BlockedGemm`.

#if arch(arm64)
  /// NEON: two 128-bit registers per vector; 32 registers hold the 6 x 16 tile.
  typealias KernelVector = SIMD8<Float>

  /// The register tile of the micro-kernel (see `BlockedGemm`).
  enum KernelShape {
    /// 32 NEON registers: six rows of two vectors (24 accumulator registers).
    static let wideTileRows = 6
  }

  /// Fused multiply-add: every arm64 CPU has it.
  @inline(__always)
  func multiplyAdd(_ sum: KernelVector, _ x: KernelVector, _ y: KernelVector) -> KernelVector {
    sum.addingProduct(x, y)
  }
#else
  /// Baseline SSE2: one 128-bit register per vector; the 4 x 8 tile uses 8 of 16 registers.
  typealias KernelVector = SIMD4<Float>

  /// The register tile of the micro-kernel (see `BlockedGemm`).
  enum KernelShape {
    /// 16 SSE registers: four rows of two vectors.
    static let wideTileRows = 4
  }

  /// Separate multiply and add: without a target CPU that has FMA, `addingProduct` becomes a call to
  /// `fmaf` per lane, about a hundred times slower.
  @inline(__always)
  func multiplyAdd(_ sum: KernelVector, _ x: KernelVector, _ y: KernelVector) -> KernelVector {
    sum + x * y
  }
#endif
