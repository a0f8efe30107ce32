/// Something dam-bench times: one iteration is one training step, or one matrix product.
protocol Benchmark {
  /// The name printed in the table and in the JSON `workload` key.
  var name: String { get }
  /// Samples processed per iteration (nil when the benchmark has no samples, like a bare GEMM).
  var samplesPerIteration: Int? { get }
  /// Floating-point operations of the matrix products in one iteration (multiply and add count as two).
  var flopsPerIteration: Double { get }
  /// Runs `iterations` iterations back to back.
  mutating func run(iterations: Int)
}
