/// The timing of one benchmark: the best (shortest) round, in seconds per iteration.
struct Measurement {
  /// The benchmark's name.
  var name: String
  /// Seconds per iteration in the fastest round.
  var secondsPerIteration: Double
  /// Samples per iteration, if the benchmark processes samples.
  var samplesPerIteration: Int?
  /// Floating-point operations per iteration.
  var flopsPerIteration: Double

  /// Samples per second, if the benchmark processes samples.
  var samplesPerSecond: Double? { samplesPerIteration.map { Double($0) / secondsPerIteration } }
  /// Microseconds per iteration (per training step).
  var microsecondsPerIteration: Double { secondsPerIteration * 1e6 }
  /// Billions of floating-point operations per second in the matrix products.
  var gigaflops: Double { flopsPerIteration / secondsPerIteration / 1e9 }

  /// One JSON object: `{"workload", "samples_per_s", "us_per_step", "gflops"}` (`samples_per_s` is
  /// null for benchmarks without samples).
  var jsonLine: String {
    let samples = samplesPerSecond.map { String(format: "%.1f", $0) } ?? "null"
    return #"{"workload": "\#(name)", "samples_per_s": \#(samples), "#
      + #""us_per_step": \#(String(format: "%.3f", microsecondsPerIteration)), "#
      + #""gflops": \#(String(format: "%.3f", gigaflops))}"#
  }
}
