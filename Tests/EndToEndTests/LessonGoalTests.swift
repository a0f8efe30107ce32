import Foundation
import Testing

/// Every built-in lesson's goal, headless with the lesson's seed (release binary): the final record's
/// `goal` and `goal_met` as shipped, and after the lesson's first try. A try of settings is applied with
/// `--change 0:KEY=VALUE`, the commands key 1 on the card sends; a try that re-initializes (model keys)
/// is run as a fresh start with those settings (`--set`), which is what the settings and `i` give at step 0.
/// Each also states which finding leads the final record (the status line's headline, root cause first)
/// as shipped and after the first try.
@Suite("Lesson goals")
struct LessonGoalTests {
  /// A lesson, its goal as written, whether the shipped run meets it, and its first try.
  struct Lesson: Sendable, CustomTestStringConvertible {
    var name: String
    var goal: String
    var metAsShipped: Bool
    var firstTry: [String]
    var reinitializes = false
    /// The id of the first finding of the final record as shipped, nil when none fires.
    var leads: String? = nil
    /// The same after the first try.
    var leadsAfterTry: String? = nil
    var testDescription: String { name }
  }

  static let lessons: [Lesson] = [
    Lesson(
      name: "adam-vs-sgd", goal: "val_acc >= 0.9", metAsShipped: false, firstTry: ["training.optimizer=adam"],
      leads: "underfitting"),
    Lesson(name: "augmentation", goal: "val_loss <= 0.35", metAsShipped: true, firstTry: ["data.augment=0.3"]),
    Lesson(
      name: "batch-norm", goal: "val_acc >= 0.9", metAsShipped: true, firstTry: ["training.learning_rate=0.3"]),
    Lesson(name: "default", goal: "val_acc >= 0.9", metAsShipped: true, firstTry: ["training.optimizer=rmsprop"]),
    Lesson(name: "digits", goal: "val_acc >= 0.95", metAsShipped: true, firstTry: ["data.augment=0.5"]),
    Lesson(
      name: "dropout-cures-overfitting", goal: "val_loss <= 0.4", metAsShipped: true, firstTry: ["training.l2=0.01"]),
    Lesson(
      name: "exploding-gradients", goal: "val_acc >= 0.9", metAsShipped: false,
      firstTry: ["model.init=he-normal", "model.init_gain=1"], reinitializes: true, leads: "bad_init_loss"),
    Lesson(
      name: "he-init-for-relu", goal: "val_acc >= 0.95", metAsShipped: true, firstTry: ["training.optimizer=momentum"]),
    Lesson(
      name: "initialization", goal: "val_acc >= 0.9", metAsShipped: false, firstTry: ["model.init=xavier-uniform"],
      reinitializes: true, leads: "vanishing_gradients"),
    Lesson(
      name: "l1-sparsity", goal: "first_layer_zero_share >= 0.5", metAsShipped: true, firstTry: ["training.l1=0.01"],
      leadsAfterTry: "underfitting"),
    Lesson(name: "l2-cures-overfitting", goal: "val_loss <= 0.4", metAsShipped: true, firstTry: ["training.l2=0.03"]),
    Lesson(
      name: "learning-rate-too-high", goal: "val_acc >= 0.9", metAsShipped: false,
      firstTry: ["training.learning_rate=0.1"], reinitializes: true, leads: "lr_too_high"),
    Lesson(
      name: "learning-rate-too-low", goal: "val_acc >= 0.9", metAsShipped: false,
      firstTry: ["training.learning_rate=0.1"], leads: "lr_too_low"),
    Lesson(
      name: "minimum", goal: "val_loss <= 0.05", metAsShipped: true, firstTry: ["training.batch_size=2"]),
    Lesson(name: "more-data", goal: "val_loss <= 0.35", metAsShipped: true, firstTry: ["training.l2=0.001"]),
    Lesson(
      name: "overfitting", goal: "val_loss <= 0.4", metAsShipped: false, firstTry: ["training.l2=0.01"],
      leads: "overfitting"),
    Lesson(
      name: "unnormalized-inputs", goal: "val_acc >= 0.95", metAsShipped: false,
      firstTry: ["data.normalize=standard"], leads: "saturation"),
    Lesson(
      name: "vanishing-gradients", goal: "val_acc >= 0.9", metAsShipped: false,
      firstTry: ["model.activation=relu", "model.init=he-normal"], reinitializes: true,
      leads: "vanishing_gradients"),
    Lesson(
      name: "zero-init-symmetry", goal: "val_acc >= 0.9", metAsShipped: false,
      firstTry: ["model.init=xavier-uniform"], reinitializes: true, leads: "symmetry"),
  ]

  /// The final record of `dam-tui train --preset NAME` with `arguments`.
  static func final(_ name: String, _ arguments: [String] = []) throws -> [String: Any] {
    let run = try CommandRun.damTUI(["train", "--preset", name, "--jsonl", "-", "--quiet"] + arguments)
    #expect(run.status == 0, "\(run.stderr)")
    return try #require(run.jsonLines.last { $0["final"] as? Bool == true }, "no final record:\n\(run.stdout)")
  }

  /// The id of the first finding of `record`, nil when it has none.
  static func leading(_ record: [String: Any]) -> String? {
    (record["findings"] as? [[String: Any]])?.first?["id"] as? String
  }

  @Test("Every built-in lesson has a goal test")
  func everyLessonCovered() throws {
    let listed = try CommandRun.damTUI(["presets"]).stdout
    for lesson in Self.lessons { #expect(listed.contains(lesson.name)) }
    #expect(Self.lessons.count == 19)
  }

  @Test("The goal as shipped", arguments: lessons)
  func asShipped(lesson: Lesson) throws {
    let record = try Self.final(lesson.name)
    #expect(record["goal"] as? String == lesson.goal)
    #expect(
      record["goal_met"] as? Bool == lesson.metAsShipped,
      "goal_value \(String(describing: record["goal_value"])), status \(String(describing: record["status"]))")
    #expect(Self.leading(record) == lesson.leads, "the leading finding as shipped")
  }

  @Test("The goal after the first try", arguments: lessons)
  func afterFirstTry(lesson: Lesson) throws {
    let arguments = lesson.firstTry.flatMap { lesson.reinitializes ? ["--set", $0] : ["--change", "0:\($0)"] }
    let record = try Self.final(lesson.name, arguments)
    #expect(record["goal"] as? String == lesson.goal)
    let detail =
      "goal_value \(String(describing: record["goal_value"])), status \(String(describing: record["status"]))"
    #expect(record["goal_met"] as? Bool == true, "\(detail)")
    #expect(Self.leading(record) == lesson.leadsAfterTry, "the leading finding after the first try")
  }
}
