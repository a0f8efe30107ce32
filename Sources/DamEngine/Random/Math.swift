#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Natural logarithm from the C library (deterministic for a given libc).
@inline(__always) func _log(_ x: Double) -> Double { log(x) }

/// Cosine from the C library (deterministic for a given libc).
@inline(__always) func _cos(_ x: Double) -> Double { cos(x) }
