import DamTraining

/// The lesson as the screen follows it: whether the card shows, what the run has shown so far (findings
/// with their steps, the latest evaluation, the best validation loss) and whether the run has reached the
/// lesson's end stop.
public struct LessonState: Sendable, Equatable {
  /// Whether the lesson card is drawn (`t` toggles it; it takes no keys away from the panels).
  public internal(set) var isCardShown: Bool
  /// Whether the session pauses at `run.steps` (off with `--no-stop` or `run.stop_at_end = false`).
  public let stopsAtEnd: Bool
  /// Whether the program allows the end stop at all (no `--no-stop`), for the next preset loaded.
  let stopsAllowed: Bool
  /// Whether the run reached the end stop: the card then shows the summary.
  public internal(set) var hasEnded = false
  /// The findings seen, with their steps, and the step "no finding" goals are judged from.
  public internal(set) var progress = LessonProgress()
  /// The latest evaluation observed.
  public internal(set) var evaluation: EvaluationReport?
  /// The lowest validation loss so far and its step.
  public internal(set) var bestLoss: Double?
  /// See `bestLoss`.
  public internal(set) var bestStep: Int?
  /// The session step of the latest observation.
  public internal(set) var step = 0

  /// The state at the start of `preset`'s run: the card shows when the preset has a `[lesson]` (every
  /// built-in one does); the end stop applies when `stopsAllowed` and the preset does not turn it off.
  public init(preset: Preset, stopsAllowed: Bool) {
    isCardShown = !preset.lesson.isEmpty
    self.stopsAllowed = stopsAllowed
    stopsAtEnd = stopsAllowed && preset.run.stopAtEnd
  }

  /// Whether `goal` holds now.
  public func isMet(_ goal: LessonGoal) -> Bool {
    progress.isMet(goal, report: evaluation, best: bestLoss)
  }

  /// The value of `goal`'s metric now (nil for finding goals or before an evaluation).
  public func value(of goal: LessonGoal) -> Double? {
    goal.metric?.value(in: evaluation, best: bestLoss)
  }
}

/// What one snapshot tells the lesson: see `InputEvent.lessonObserved`.
public struct LessonObservation: Sendable, Equatable {
  /// The session step.
  public var step: Int
  /// The latest evaluation.
  public var evaluation: EvaluationReport?
  /// The findings of that evaluation.
  public var findings: [Finding]
  /// The lowest validation loss so far.
  public var bestLoss: Double?
  /// Its step.
  public var bestStep: Int?
  /// Whether the session is paused at (or past) the lesson's last step by its end stop.
  public var atEnd: Bool
}
