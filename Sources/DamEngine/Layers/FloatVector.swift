/// The vector the engine's Float element-wise kernels work on in the portable build: eight lanes (two
/// SSE2 registers on the x86-64 baseline, two NEON registers on arm64). The kernel targets built for
/// wider instruction sets (DamGemmAVX2, DamGemmAVX512) define their own `FloatVector` and compile the
/// same kernel sources (`FloatVector+Memory.swift`, `FastFloatMath.swift`, `FloatActivationVectors.swift`,
/// `DropoutVectors.swift`, `FloatSGDVectors.swift`) for it.
typealias FloatVector = SIMD8<Float>

/// The bits of a `FloatVector`'s lanes, as unsigned integers.
typealias FloatVectorBits = SIMD8<UInt32>
