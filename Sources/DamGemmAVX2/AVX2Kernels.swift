// DamEngine's kernels (symbolic links to its sources) compiled for AVX2 and FMA in release builds (see
// Package.swift): this build's vector types and register tile, and its `KernelTable`.

import DamKernelTable

/// The vector the GEMM micro-kernel works on: eight lanes, one register.
typealias KernelVector = SIMD8<Float>

/// Fused multiply-add (one vfmadd instruction per register).
@inline(__always)
func multiplyAdd(_ sum: KernelVector, _ x: KernelVector, _ y: KernelVector) -> KernelVector {
  sum.addingProduct(x, y)
}

/// The register tile of the GEMM micro-kernel (see `BlockedGemm`).
enum KernelShape {
  /// 16 vector registers: four rows of two vectors per register tile.
  static let wideTileRows = 4
}

/// The vector the element-wise kernels work on: eight lanes, one register.
typealias FloatVector = SIMD8<Float>

/// The bits of a `FloatVector`'s lanes, as unsigned integers.
typealias FloatVectorBits = SIMD8<UInt32>

extension KernelTable {
  /// The kernels compiled for AVX2 and FMA.
  ///
  /// Use only when the CPU and OS support them (`dam_cpu_supports_avx2_fma()` from CCPUFeatures, as
  /// DamEngine's `Gemm.Path.avx2` checks): release builds of this module contain instructions that older
  /// CPUs do not have.
  public static var avx2: KernelTable { compiled }
}
