/// The `[lesson]` table of a preset: what to try, in order, and the measurable goal the first try meets.
public struct Lesson: Sendable, Equatable, Hashable {
  /// Suggested changes, in the order the lesson card numbers them (keys 1-9).
  public var tries: [LessonTry]
  /// The condition on the run the lesson asks for, evaluated live and at the end; nil when none.
  public var goal: LessonGoal?

  /// A lesson with `tries` and `goal`.
  public init(tries: [LessonTry] = [], goal: LessonGoal? = nil) {
    self.tries = tries
    self.goal = goal
  }

  /// Whether the table says nothing (an absent `[lesson]`).
  public var isEmpty: Bool { tries.isEmpty && goal == nil }
}
