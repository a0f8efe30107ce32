import DamEngine
import DamTestTools
import DamTraining
import Foundation
import Testing

@testable import DamRunLog

/// A real training run logged as `dam-tui train` logs it (a `RunLogger` keeping a run directory, its
/// events written on the logger's queue), read back by TensorBoard's own `event_accumulator`
/// (Tests/Fixtures/read_tensorboard_events.py, in the pinned virtualenv of Tests/requirements.txt) and
/// compared with the run's metrics.jsonl and final.safetensors and the weights at each evaluation.
@Suite("TensorBoard reads the event file")
struct TensorBoardReaderTests {
  static let steps = 300
  static let evalEvery = 50
  static let change = (step: 150, setting: "training.learning_rate=0.5")

  @Test(
    "Every scalar, histogram and text of a run reads back as its metrics.jsonl and weights say",
    .enabled(
      if: TestTools.runs(needing: "tensorboard"), Comment(rawValue: "tensorboard missing: \(TestTools.remedy)")))
  func readBack() throws {
    let folder = try TemporaryFolder()
    let (run, weights) = try Self.train(into: folder)
    try JSONSerialization.data(withJSONObject: weights).write(to: URL(fileURLWithPath: folder.file("weights.json")))
    try JSONSerialization.data(withJSONObject: [[Self.change.step, "set " + Self.change.setting]])
      .write(to: URL(fileURLWithPath: folder.file("changes.json")))

    let process = Process()
    process.executableURL = URL(fileURLWithPath: try TestTools.bin(providing: "tensorboard") + "/python")
    process.arguments = [Self.script, run, folder.file("weights.json"), folder.file("changes.json")]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    print(text)
    #expect(process.terminationStatus == 0, "\(text)")
  }

  /// Trains the default preset for `steps` steps as `dam-tui train` does (evaluations at step 0 and every
  /// `evalEvery` steps, each preceded by a measured step; one change at `change.step`), logging to a run
  /// directory in `folder` as `dam-tui train` does (the JSON lines of `TrainingRecordEncoder`, the last
  /// one the final record); returns the run directory and each evaluation's weights,
  /// {"step": [[layer 1], [layer 2], ...]}.
  static func train(into folder: TemporaryFolder) throws -> (run: String, weights: [String: [[Double]]]) {
    let preset = try PresetLibrary().resolve(
      "default", overrides: [PresetOverride(parsing: "run.eval_every=\(evalEvery)")])
    var trainer = try Trainer(preset: preset)
    var warnings: [String] = []
    let log = try RunLogger(
      parent: folder.path, preset: preset, command: .train, recordingHeader: "{}", warn: { warnings.append($0) })
    var weights: [String: [[Double]]] = [:]
    while true {
      if trainer.step == change.step {
        let command = Command.set(try PresetOverride(parsing: change.setting))
        try trainer.apply(command)
        log.applied(RecordedCommand(step: trainer.step, command: command))
      }
      if trainer.step % evalEvery == 0 {
        let report = trainer.evaluate(samplesPerSecond: 0)
        weights[String(trainer.step)] = (0..<trainer.network.layout.layerCount).map { layer in
          trainer.network.weights(layer: layer).map(Double.init)
        }
        guard trainer.step < steps else {
          let outcome = RunOutcome(
            status: .completed, bestValidationLoss: trainer.best?.loss, bestValidationStep: trainer.best?.step)
          log.metricsLine(TrainingRecordEncoder.finalLine(report, findings: trainer.findings, outcome: outcome))
          log.evaluated(report, findings: trainer.findings, network: trainer.network)
          log.finish(status: .finished, steps: trainer.step, network: trainer.network, outcome: outcome)
          #expect(warnings.isEmpty, "\(warnings)")
          return (log.directory.path, weights)
        }
        log.metricsLine(TrainingRecordEncoder.line(report, findings: trainer.findings))
        log.evaluated(report, findings: trainer.findings, network: trainer.network)
      }
      trainer.trainStep(measuringLayers: (trainer.step + 1) % evalEvery == 0)
    }
  }

  /// The reader script, found from this file's path.
  static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/read_tensorboard_events.py").path
}
