// This module's build of the kernels as one `KernelTable`: compiled into DamEngine (the portable build)
// and, through symbolic links, into the kernel targets DamGemmAVX2 and DamGemmAVX512, each for its
// instruction set (like BlockedGemm.swift and the element-wise kernel sources).

import DamKernelTable

extension KernelTable {
  /// The kernels as this module compiles them. The kernel targets export it under their instruction
  /// set's name (`KernelTable.avx2`, `KernelTable.avx512`); DamEngine's is the portable build.
  static var compiled: KernelTable {
    KernelTable(
      scratchFloats: BlockedGemm.scratchCapacity,
      multiply: { p, scratch in BlockedGemm.multiply(p, scratch: scratch) },
      multiplyUpdatingWeights: { p, weights, keepsGradients, step, scale, l1, l2, scratch in
        BlockedGemm.multiplyUpdatingWeights(
          p, weights: weights, keepsGradients: keepsGradients, step: step, scale: scale, l1: l1, l2: l2,
          scratch: scratch)
      },
      addBiasAndActivate: FloatActivationVectors.addBiasAndActivate,
      activationBackward: FloatActivationVectors.backward,
      dropout: DropoutVectors.apply,
      dropoutBackward: DropoutVectors.backward,
      binaryLoss: FloatBinaryLossVectors.loss,
      sgd: FloatSGDVectors.sgd)
  }
}
