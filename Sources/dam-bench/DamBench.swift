import ArgumentParser
import DamEngine
import DamTraining
import Foundation

/// `dam-bench`: times the engine's training workloads and GEMM kernels (the workloads on `--threads`).
@main
struct DamBench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "dam-bench",
    abstract: "Time dam-tui's training step and GEMM kernels (one thread unless --threads).",
    discussion: """
      Training workloads (forward, backward, SGD update with learning rate 0.01, L2 1e-4, inverted
      dropout 0.1 on hidden layers; float32; random data cycled over 100 batches):
        W1  2-16-16-16-16-1 tanh, sigmoid + BCE, batch 32
        W2  64-128-64-10 relu, softmax + CE, batch 64
        W3  784-256-256-10 relu, softmax + CE, batch 128
        W4  2-(32 x 10)-1 sigmoid, sigmoid + BCE, batch 64
      Each figure is the fastest of several timed rounds. Build with -c release.
      """)

  @Flag(help: "Print one JSON object per line: {\"workload\", \"samples_per_s\", \"us_per_step\", \"gflops\"}.")
  var json = false

  @Option(
    name: .customLong("workload"),
    help: """
      Run only these (W1, W2, W3, W4, gemm, session, ui-frame-200x60, session-headless, session-ui-30fps, \
      session-ui-neurons, sweep, runlog, landscape); repeatable. Default: all.
      """)
  var workloads: [String] = []

  @Option(help: "Minimum seconds per timed round.")
  var roundSeconds = 0.2

  @Option(help: "Timed rounds per benchmark (the fastest counts).")
  var rounds = 5

  @Option(help: "Measure per-layer metrics every N steps (0: never, as the peers).")
  var metricsInterval = 0

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      "Threads for W1-W4's large products, 1...256 or auto (every core); default 1.", valueName: "n|auto"))
  var threads = "1"

  @Option(
    help: """
      Instead of timing, run exactly N steps of each selected training workload after a one-step \
      warm-up (for allocation counting: compare N with 10 N).
      """)
  var steps: Int?

  mutating func run() throws {
    let selected = Set(workloads.map { $0.lowercased() })
    func wanted(_ name: String) -> Bool { selected.isEmpty || selected.contains(name.lowercased()) }
    guard let threadSetting = ThreadSetting(parsing: threads) else {
      throw ValidationError("--threads \(threads) is out of range: expected \(ThreadSetting.allowed)")
    }
    var training = try TrainingBenchmark.standardSet(
      metricsInterval: metricsInterval, threads: threadSetting.count(headless: true)
    ).filter { wanted($0.name) }
    if let steps {
      for index in training.indices {
        training[index].run(iterations: 1)
        training[index].run(iterations: steps)
        print("\(training[index].name): ran 1 + \(steps) steps")
      }
      return
    }
    let timer = Timer(roundSeconds: roundSeconds, rounds: rounds)
    let report = Report(json: json)
    if !json { print("GEMM path: \(Gemm.Path.fastest.rawValue)") }
    for index in training.indices {
      report.add(timer.measure(&training[index]))
    }
    try UIBenchmark.run(timer: timer, report: report, wanted: wanted)
    if wanted("session") { try SessionBenchmark(roundSeconds: roundSeconds, rounds: rounds).run() }
    if wanted("sweep") { try SweepBenchmark(rounds: rounds).run() }
    if wanted("runlog") { try RunLogBenchmark(roundSeconds: roundSeconds, rounds: rounds).run() }
    if wanted("landscape") { try LandscapeBenchmark(rounds: rounds).run() }
    if wanted("gemm") {
      for var benchmark in GemmBenchmark.standardSet() {
        report.add(timer.measure(&benchmark))
      }
    }
  }
}
