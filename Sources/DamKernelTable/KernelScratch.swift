/// Scratch memory for the GEMM kernels of a `KernelTable`: `slotCount` slots of `slotFloats` floats, one
/// slot per worker that may run part of a product at the same time (every product runs on the calling
/// thread today, in slot 0). A kernel packs slivers of B and keeps register tiles of C there.
///
/// Whoever owns the memory keeps it alive and unshared while a kernel runs: a network passes a region
/// of its preallocated workspace (so training allocates nothing per step, and networks trained on
/// different threads never share scratch); `KernelTable.withScratch` allocates it for one-off products.
public struct KernelScratch {
  /// The first slot, 64-byte aligned, bound to `Float`.
  public let base: UnsafeMutableRawPointer
  /// Floats per slot: a multiple of 16, so that every slot is 64-byte aligned.
  public let slotFloats: Int
  /// The number of slots.
  public let slotCount: Int

  /// Scratch of `slotCount` slots of `slotFloats` floats from `base`.
  @inlinable
  public init(base: UnsafeMutableRawPointer, slotFloats: Int, slotCount: Int = 1) {
    (self.base, self.slotFloats, self.slotCount) = (base, slotFloats, slotCount)
  }

  /// Slot `index` (< `slotCount`).
  @inlinable
  public func slot(_ index: Int) -> UnsafeMutablePointer<Float> {
    (base + index * slotFloats * MemoryLayout<Float>.stride).assumingMemoryBound(to: Float.self)
  }
}
