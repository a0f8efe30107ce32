/// The one seeded random number generator of dam-tui: xoshiro256** (Blackman and Vigna, 2018),
/// seeded through SplitMix64.
///
/// Initialization, shuffling, dropout masks and data generation all draw from a generator of this
/// type, so the same preset and the same seed give bit-identical losses on the same machine.
/// The floating-point helpers use only exact operations and `log`/`cos`/`sqrt` from the C library,
/// so their results are the same on every run.
public struct SeededGenerator: RandomNumberGenerator, Sendable, Equatable {
  private var state: (UInt64, UInt64, UInt64, UInt64)

  /// Creates a generator whose whole sequence is determined by `seed`.
  public init(seed: UInt64) {
    var splitMix = seed
    func nextSplitMix() -> UInt64 {
      splitMix &+= 0x9E37_79B9_7F4A_7C15
      var z = splitMix
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    state = (nextSplitMix(), nextSplitMix(), nextSplitMix(), nextSplitMix())
  }

  /// Creates a generator in the raw xoshiro256** state `state`, as the reference implementation's
  /// `s[0]...s[3]`; known-answer tests start from the published state {1, 2, 3, 4}.
  init(state: (UInt64, UInt64, UInt64, UInt64)) {
    self.state = state
  }

  public static func == (lhs: SeededGenerator, rhs: SeededGenerator) -> Bool {
    lhs.state == rhs.state
  }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    let result = rotateLeft(state.1 &* 5, by: 7) &* 9
    let shifted = state.1 << 17
    state.2 ^= state.0
    state.3 ^= state.1
    state.1 ^= state.2
    state.0 ^= state.3
    state.2 ^= shifted
    state.3 = rotateLeft(state.3, by: 45)
    return result
  }

  /// A uniformly distributed `Double` in [0, 1), with 53 random bits.
  public mutating func nextUnitDouble() -> Double {
    Double(next() >> 11) * 0x1.0p-53
  }

  /// A uniformly distributed `Float` in [0, 1), with 24 random bits.
  public mutating func nextUnitFloat() -> Float {
    Float(next() >> 40) * 0x1.0p-24
  }

  /// A uniformly distributed `Double` in [low, high).
  public mutating func nextUniform(_ low: Double, _ high: Double) -> Double {
    low + (high - low) * nextUnitDouble()
  }

  /// A standard normal sample (mean 0, variance 1) by the Box-Muller transform.
  ///
  /// Each call consumes two 64-bit draws and returns one sample, so the stream position never
  /// depends on hidden cached state.
  public mutating func nextGaussian() -> Double {
    let u1 = 1.0 - nextUnitDouble()  // (0, 1]: log is finite
    let u2 = nextUnitDouble()
    return (-2.0 * _log(u1)).squareRoot() * _cos(2.0 * Double.pi * u2)
  }

  /// A uniformly distributed integer in 0..<bound (Lemire's nearly divisionless method).
  public mutating func nextInt(below bound: Int) -> Int {
    precondition(bound > 0, "bound must be positive")
    return Int(next(upperBound: UInt64(bound)))
  }

  /// Shuffles `indices` in place (Fisher-Yates), drawing from this generator.
  public mutating func shuffle(_ indices: inout [Int]) {
    guard indices.count > 1 else { return }
    indices.withUnsafeMutableBufferPointer { indices in
      for i in stride(from: indices.count - 1, to: 0, by: -1) {
        let j = nextInt(below: i + 1)
        if i != j { indices.swapAt(i, j) }
      }
    }
  }

  private func rotateLeft(_ x: UInt64, by k: UInt64) -> UInt64 {
    (x << k) | (x >> (64 - k))
  }
}
