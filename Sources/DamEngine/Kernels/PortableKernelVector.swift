// The vector type and multiply-add used by the portable build of `BlockedGemm`.

#if arch(arm64)
  /// NEON: two 128-bit registers per vector; 32 registers hold the 6 x 16 tile.
  typealias KernelVector = SIMD8<Float>

  /// Fused multiply-add: every arm64 CPU has it.
  @inline(__always)
  func multiplyAdd(_ sum: KernelVector, _ x: KernelVector, _ y: KernelVector) -> KernelVector {
    sum.addingProduct(x, y)
  }
#else
  /// Baseline SSE2: one 128-bit register per vector; the 6 x 8 tile uses 12 of 16 registers.
  typealias KernelVector = SIMD4<Float>

  /// Separate multiply and add: without a target CPU that has FMA, `addingProduct` becomes a call to
  /// `fmaf` per lane, about a hundred times slower.
  @inline(__always)
  func multiplyAdd(_ sum: KernelVector, _ x: KernelVector, _ y: KernelVector) -> KernelVector {
    sum + x * y
  }
#endif
