#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Times benchmarks: a warm-up, then rounds of a calibrated number of iterations; keeps the fastest
/// round, the one least disturbed by other processes.
struct Timer {
  /// Minimum duration of one round, in seconds.
  var roundSeconds: Double
  /// Number of timed rounds.
  var rounds: Int

  /// Seconds on the monotonic clock.
  static func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
  }

  /// The fastest of `rounds` timings of `body`, in seconds (for workloads too long to repeat in a round).
  static func fastest(rounds: Int, _ body: () -> Void) -> Double {
    var best = Double.infinity
    for _ in 0..<max(rounds, 1) {
      let start = now()
      body()
      best = min(best, now() - start)
    }
    return best
  }

  /// Warms `benchmark` up, then times it.
  func measure<B: Benchmark>(_ benchmark: inout B) -> Measurement {
    var iterations = 1
    // Warm-up and calibration: grow the round until it lasts `roundSeconds`.
    while true {
      let start = Self.now()
      benchmark.run(iterations: iterations)
      let elapsed = Self.now() - start
      if elapsed >= roundSeconds { break }
      iterations = max(iterations * 2, Int(Double(iterations) * roundSeconds / max(elapsed, 1e-9)))
    }
    var best = Double.infinity
    for _ in 0..<rounds {
      let start = Self.now()
      benchmark.run(iterations: iterations)
      best = min(best, (Self.now() - start) / Double(iterations))
    }
    return Measurement(
      name: benchmark.name, secondsPerIteration: best, samplesPerIteration: benchmark.samplesPerIteration,
      flopsPerIteration: benchmark.flopsPerIteration)
  }
}
