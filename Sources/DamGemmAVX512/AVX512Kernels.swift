// DamEngine's kernels (symbolic links to its sources) compiled for AVX-512F and FMA in release builds
// (see Package.swift): this build's vector types and register tile, and its `KernelTable`.

import DamKernelTable

/// The vector the GEMM micro-kernel works on: sixteen lanes, one register.
typealias KernelVector = SIMD16<Float>

/// Fused multiply-add (one vfmadd instruction per register).
@inline(__always)
func multiplyAdd(_ sum: KernelVector, _ x: KernelVector, _ y: KernelVector) -> KernelVector {
  sum.addingProduct(x, y)
}

/// The register tile of the GEMM micro-kernel (see `BlockedGemm`).
enum KernelShape {
  /// 32 vector registers: eight rows of two vectors per register tile (16 accumulators).
  static let wideTileRows = 8
}

/// The vector the element-wise kernels work on: sixteen lanes, one register.
typealias FloatVector = SIMD16<Float>

/// The bits of a `FloatVector`'s lanes, as unsigned integers.
typealias FloatVectorBits = SIMD16<UInt32>

extension KernelTable {
  /// The kernels compiled for AVX-512F and FMA.
  ///
  /// Use only when the CPU and OS support them (`dam_cpu_supports_avx512f()` from CCPUFeatures, as
  /// DamEngine's `Gemm.Path.avx512` checks): release builds of this module contain instructions that
  /// older CPUs do not have.
  public static var avx512: KernelTable { compiled }
}
