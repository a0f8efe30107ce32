import DamEngine
import DamTraining
import Foundation

/// The cost of the session around the engine: for each workload W1-W4, training throughput through the
/// headless runner of `dam-tui train` (per-layer metrics on the trainer's cadence and on each step before
/// an evaluation, evaluation of both splits every `evalEvery` steps, findings, JSON lines written to
/// /dev/null) against the bare engine loop (the same network, data and batches, `trainStep` only, no
/// metrics) and against the bare loop measuring per-layer metrics on the trainer's cadence (which
/// separates the engine's measuring cost from the session's own); and the memory of the training history
/// after 10^4 and 10^7 recorded steps.
struct SessionBenchmark {
  /// Steps between evaluations in the runner.
  static let evalEvery = 200
  /// The fewest evaluation periods a timed round covers.
  static let minimumPeriods = 2

  /// One workload: the architecture and batch size of `TrainingBenchmark`'s workload of the same name, on
  /// real data (circle, digits, a random 784-feature CSV), trained by SGD (learning rate 0.01, L2 1e-4,
  /// dropout 0.1).
  struct Workload {
    var name: String
    var settings: [String]
  }

  /// Minimum seconds of one timed round of the bare loop (rounded up to whole evaluation periods, at
  /// least `minimumPeriods`); the runner runs as many steps.
  var roundSeconds: Double
  /// Timed rounds (the fastest counts).
  var rounds: Int

  /// Times every workload and prints one line each, then the history memory.
  func run() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dam-bench-\(getpid())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let csv = directory.appendingPathComponent("w3.csv").path
    try Self.writeRandomCSV(to: csv, rows: 1024, features: 784, classes: 10)
    print(
      "session overhead (runner vs bare engine loop, eval_every \(Self.evalEvery), JSON to /dev/null, thread CPU time; "
        + "bare+metrics measures every \(Trainer.defaultMetricsInterval) steps)")
    print("workload        bare/s  bare+metrics/s      runner/s   overhead  vs bare+metrics")
    for workload in Self.workloads(csvPath: csv) {
      let preset = try Preset(name: workload.name, source: .builtIn).applying(
        (workload.settings + ["run.eval_every=\(Self.evalEvery)"]).map { try PresetOverride(parsing: $0) })
      let (bare, measured, runner) = try measure(preset)
      print(
        workload.name.padding(toLength: 8, withPad: " ", startingAt: 0)
          + String(
            format: "%12.0f  %14.0f  %12.0f   %7.1f%%  %14.1f%%", bare, measured, runner, (1 - runner / bare) * 100,
            (1 - runner / measured) * 100))
      fflush(nil)
    }
    print("history memory (heap bytes of a 5-layer TrainingHistory, an evaluation every 50 steps)")
    for steps in [10_000, 10_000_000] {
      print(String(format: "%10d steps: %9d bytes", steps, Self.historyBytes(steps: steps)))
      fflush(nil)
    }
  }

  /// The four workloads.
  static func workloads(csvPath: String) -> [Workload] {
    let common = [
      "training.optimizer=sgd", "training.learning_rate=0.01", "training.l2=0.0001", "model.dropout=0.1",
    ]
    return [
      Workload(
        name: "W1",
        settings: common + [
          "data.dataset=circle", "model.hidden=[16, 16, 16, 16]", "model.activation=tanh", "training.batch_size=32",
        ]),
      Workload(
        name: "W2",
        settings: common + [
          "data.dataset=digits", "model.hidden=[128, 64]", "model.activation=relu", "training.batch_size=64",
        ]),
      Workload(
        name: "W3",
        settings: common + [
          "data.dataset=csv", "data.path=\(csvPath)", "data.target=label", "model.hidden=[256, 256]",
          "model.activation=relu", "training.batch_size=128",
        ]),
      Workload(
        name: "W4",
        settings: common + [
          "data.dataset=circle", "model.hidden=[32, 32, 32, 32, 32, 32, 32, 32, 32, 32]",
          "model.activation=sigmoid", "training.batch_size=64",
        ]),
    ]
  }

  /// The best samples per second of the bare loop, the bare loop measuring metrics on the trainer's
  /// cadence and the runner, over `rounds` interleaved rounds of the same number of steps.
  private func measure(_ preset: Preset) throws -> (bare: Double, measured: Double, runner: Double) {
    let template = try Trainer(preset: preset)
    var steps = 64
    while true {
      let seconds = Self.bareLoop(template, steps: steps).seconds
      if seconds >= roundSeconds { break }
      steps = max(2 * steps, Int(Double(steps) * roundSeconds / max(seconds, 1e-6)))
    }
    // Whole evaluation periods, at least two: the runner's evaluations at step 0 and of the final weights
    // are one more than a long run has per period, so a short round would overstate their share.
    let periods = max(Self.minimumPeriods, (steps + Self.evalEvery - 1) / Self.evalEvery)
    steps = periods * Self.evalEvery
    let output = try LineFile(path: "/dev/null")
    var bestBare = Double.infinity
    var bestMeasured = Double.infinity
    var bestRunner = Double.infinity
    // The runner takes the same steps on the same batches as the bare loops, so trains on as many samples.
    var samples = 0
    for _ in 0..<rounds {
      let bare = Self.bareLoop(template, steps: steps)
      samples = bare.samples
      bestBare = min(bestBare, bare.seconds)
      bestMeasured = min(
        bestMeasured, Self.bareLoop(template, steps: steps, metricsInterval: template.metricsInterval).seconds)
      var run = HeadlessRun(trainer: template, steps: steps)
      let started = Self.threadSeconds()
      let result = try run.run(onEvaluation: { report, findings throws(SessionError) in
        try output.write(line: TrainingRecordEncoder.line(report, findings: findings))
      })
      try output.write(
        line: TrainingRecordEncoder.finalLine(result.last, findings: result.findings, outcome: result.outcome))
      bestRunner = min(bestRunner, Self.threadSeconds() - started)
    }
    let trained = Double(samples)
    return (trained / bestBare, trained / bestMeasured, trained / bestRunner)
  }

  /// Seconds for `steps` bare engine steps on `trainer`'s network and training split, and the samples
  /// they trained on: batches as the session's sampler cuts them (in order through a shuffle of the split,
  /// a shorter last batch, a new shuffle each epoch), no evaluation, per-layer metrics every
  /// `metricsInterval` steps (0: never).
  private static func bareLoop(
    _ trainer: Trainer, steps: Int, metricsInterval: Int = 0
  ) -> (seconds: Double, samples: Int) {
    var network = trainer.network
    network.metricsInterval = metricsInterval
    let train = trainer.data.train
    var order = Array(0..<train.count)
    network.shuffle(&order)
    let batchSize = min(network.hyperparameters.batchSize, train.count)
    let started = Self.threadSeconds()
    var cursor = 0
    var samples = 0
    train.features.withUnsafeBufferPointer { features in
      train.targets.withUnsafeBufferPointer { targets in
        for _ in 0..<steps {
          if cursor >= order.count {
            cursor = 0
            network.shuffle(&order)
          }
          let batch = cursor..<min(cursor + batchSize, order.count)
          order.withUnsafeBufferPointer { order in
            _ = try! network.trainStep(
              samples: features, targets: targets, indices: UnsafeBufferPointer(rebasing: order[batch]))
          }
          samples += batch.count
          cursor = batch.upperBound
        }
      }
    }
    return (Self.threadSeconds() - started, samples)
  }

  /// CPU seconds this thread has run: unlike the wall clock, it does not count the time other processes
  /// of a busy machine take the core away, so the three loops compare fairly however loaded it is.
  static func threadSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
  }

  /// The heap bytes a training history of a 5-layer network holds after `steps` steps.
  private static func historyBytes(steps: Int) -> Int {
    var history = TrainingHistory(layerCount: 5)
    var layers = [LayerMetrics](repeating: LayerMetrics(), count: 5)
    for step in 0..<steps {
      let loss = 1 / Double(step + 1)
      for layer in layers.indices { layers[layer].gradientNorm = loss * Double(layer + 1) }
      history.recordStep(step, loss: loss, layers: layers)
      if step % 50 == 0 {
        history.recordEvaluation(
          step, trainingLoss: loss, validationLoss: loss, trainingAccuracy: 1 - loss, validationAccuracy: 1 - loss)
      }
    }
    return history.allocatedBytes
  }

  /// A CSV of `rows` samples: `features` columns uniform in [-1, 1) and a `label` column of random classes.
  private static func writeRandomCSV(to path: String, rows: Int, features: Int, classes: Int) throws {
    var generator = SeededGenerator(seed: 11)
    var text = (0..<features).map { "x\($0)" }.joined(separator: ",") + ",label\n"
    for _ in 0..<rows {
      for _ in 0..<features { text += String(format: "%.3f,", 2 * generator.nextUnitFloat() - 1) }
      text += "\(generator.nextInt(below: classes))\n"
    }
    try text.write(toFile: path, atomically: true, encoding: .utf8)
  }
}
