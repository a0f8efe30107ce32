#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The scratch memory in which GEMM packs slivers of B (and, after them, keeps one register tile of C
/// for an epilogue that consumes tiles: `TileEpilogue.tileScratch`): one buffer per thread, allocated
/// on the thread's first product and reused by every later one (so products allocate nothing after
/// warm-up), released when the thread exits.
///
/// Per-thread rather than per-call because `withUnsafeTemporaryAllocation` falls back to the heap
/// for buffers of this size, and rather than per-network because `Gemm.multiply` has no workspace
/// parameter.
enum PackingBuffer {
  /// Floats in a buffer: the largest packed sliver any build of `BlockedGemm` uses, then the largest
  /// register tile.
  static let capacity = BlockedGemm.packedCapacity + BlockedGemm.tileCapacity

  /// The thread-specific key holding each thread's buffer.
  private static let key: pthread_key_t = {
    var key = pthread_key_t()
    let status = pthread_key_create(&key) { buffer in free(buffer) }
    precondition(status == 0, "pthread_key_create failed: \(status)")
    return key
  }()

  /// The calling thread's buffer of `capacity` floats, 64-byte aligned.
  @inline(__always)
  static func forCurrentThread() -> UnsafeMutablePointer<Float> {
    if let buffer = pthread_getspecific(key) {
      return buffer.assumingMemoryBound(to: Float.self)
    }
    var memory: UnsafeMutableRawPointer?
    let status = posix_memalign(&memory, 64, capacity * MemoryLayout<Float>.stride)
    guard status == 0, let memory else { fatalError("cannot allocate the GEMM packing buffer") }
    pthread_setspecific(key, memory)
    return memory.bindMemory(to: Float.self, capacity: capacity)
  }
}
