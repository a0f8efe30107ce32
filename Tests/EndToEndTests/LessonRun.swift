import Foundation

/// One evaluation line of `dam-tui train --jsonl -`, with the keys the lesson tests read.
struct TrainingRecord: Sendable {
  /// Per-layer metrics of one dense layer.
  struct Layer: Sendable {
    var gradientNorm: Double?
    var weightNorm: Double?
    var updateRatio: Double?
  }

  var step: Int
  /// Non-finite losses are written as `null` and read as NaN.
  var trainingLoss: Double
  var validationLoss: Double
  var trainingAccuracy: Double?
  var validationAccuracy: Double?
  var layers: [Layer]
  var findings: [String]

  /// Validation minus training loss: how much better the model does on the data it trained on.
  var gap: Double { validationLoss - trainingLoss }

  init(_ object: [String: Any]) {
    step = object["step"] as? Int ?? -1
    trainingLoss = object["train_loss"] as? Double ?? .nan
    validationLoss = object["val_loss"] as? Double ?? .nan
    trainingAccuracy = object["train_acc"] as? Double
    validationAccuracy = object["val_acc"] as? Double
    layers = (object["layers"] as? [[String: Any]] ?? []).map {
      Layer(
        gradientNorm: $0["grad_norm"] as? Double, weightNorm: $0["weight_norm"] as? Double,
        updateRatio: $0["update_ratio"] as? Double)
    }
    findings = (object["findings"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
  }
}

/// A headless training run of a preset: every evaluation record and the final summary.
struct LessonRun: Sendable {
  /// The evaluation records in order, the final one included.
  var records: [TrainingRecord]
  /// `completed`, `diverged` or `stopped`.
  var status: String
  /// The lowest validation loss seen and its step.
  var bestValidationLoss: Double?
  var bestValidationStep: Int?

  /// The first and last evaluation.
  var first: TrainingRecord { records[0] }
  var last: TrainingRecord { records[records.count - 1] }

  /// Every finding id reported at any evaluation.
  var findingIDs: Set<String> { Set(records.flatMap(\.findings)) }

  /// Runs `dam-tui train --preset preset --jsonl - --quiet` from the package root (so `./presets` is used),
  /// with `--set` overrides and, when given, `--save-weights`.
  static func train(_ preset: String, settings: [String] = [], saveWeights: String? = nil) throws -> LessonRun {
    var arguments = ["train", "--preset", preset, "--jsonl", "-", "--quiet"]
    for setting in settings { arguments += ["--set", setting] }
    if let saveWeights { arguments += ["--save-weights", saveWeights] }
    let run = try CommandRun.damTUI(arguments)
    guard run.status == 0 else {
      throw Failure("dam-tui \(arguments.joined(separator: " ")) exited \(run.status): \(run.stderr)")
    }
    let objects = run.jsonLines
    guard let final = objects.last, final["final"] as? Bool == true, objects.count >= 2 else {
      throw Failure("no final record from dam-tui \(arguments.joined(separator: " ")):\n\(run.stdout)")
    }
    return LessonRun(
      records: objects.map(TrainingRecord.init), status: final["status"] as? String ?? "",
      bestValidationLoss: final["best_val_loss"] as? Double, bestValidationStep: final["best_val_step"] as? Int)
  }

  /// A run that could not be made or read.
  struct Failure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
  }
}
