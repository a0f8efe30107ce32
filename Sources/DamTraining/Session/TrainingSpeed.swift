/// How fast a live session trains: at most a number of steps per second, or as fast as the machine goes.
///
/// A lesson of a few thousand steps is over in a blink at full speed and then trains on far past what it
/// was written for, so the interactive screen starts at `interactiveDefault` and `<`/`>` move along
/// `ladder`. The pace changes only when steps happen, never what they compute: a run is the same at any
/// speed, and speed changes are not recorded.
public struct TrainingSpeed: Sendable, Hashable, Codable, CustomStringConvertible {
  /// The most steps per second, nil for no limit.
  public let stepsPerSecond: Int?

  /// The speeds `<` and `>` step through, slowest first (1-2-5 per decade); past the last comes `maximum`.
  public static let ladder = [
    1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000,
  ]

  /// The highest limit `--speed` and `run.speed` accept.
  public static let highestLimit = 10_000_000

  /// What `run.speed` accepts, for error messages.
  public static let allowed = "1 to \(highestLimit) steps per second, or \"max\""

  /// No limit: one step after another.
  public static let maximum = TrainingSpeed(limit: nil)

  /// The interactive screen's speed at start: the built-in lessons (500 to 3,000 steps) play out in 3 to
  /// 15 seconds.
  public static let interactiveDefault = TrainingSpeed(limit: 200)

  private init(limit: Int?) {
    stepsPerSecond = limit
  }

  /// A limit of `stepsPerSecond` steps per second.
  /// - Throws: `SessionError` unless 1 <= `stepsPerSecond` <= `highestLimit`.
  public init(stepsPerSecond: Int) throws(SessionError) {
    guard (1...Self.highestLimit).contains(stepsPerSecond) else {
      throw SessionError(
        "speed \(stepsPerSecond) is out of range: allowed are 1 to \(Self.highestLimit) steps per second, or max")
    }
    self.stepsPerSecond = stepsPerSecond
  }

  /// Reads `max` or a whole number of steps per second, as `--speed` takes them.
  /// - Throws: `SessionError` naming what is allowed.
  public init(parsing text: String) throws(SessionError) {
    if text.lowercased() == "max" {
      self = .maximum
      return
    }
    guard let limit = Int(text) else {
      throw SessionError(
        "speed '\(text)' is not a number: give steps per second (1 to \(Self.highestLimit)) or max")
    }
    try self.init(stepsPerSecond: limit)
  }

  /// The speed the screen starts `preset` at: `requested` (`--speed`) when given, else the preset's own
  /// pace (`run.speed`), else `interactiveDefault`.
  public static func starting(_ preset: Preset, requested: TrainingSpeed?) -> TrainingSpeed {
    requested ?? preset.run.speed ?? .interactiveDefault
  }

  /// The next speed up the ladder; `maximum` past its top, and `maximum` stays.
  public var faster: TrainingSpeed {
    guard let limit = stepsPerSecond else { return self }
    return Self.ladder.first { $0 > limit }.map { TrainingSpeed(limit: $0) } ?? .maximum
  }

  /// The next speed down the ladder; its bottom rung stays.
  public var slower: TrainingSpeed {
    guard let limit = stepsPerSecond else { return TrainingSpeed(limit: Self.ladder.last) }
    return TrainingSpeed(limit: Self.ladder.last { $0 < limit } ?? limit)
  }

  /// `200 steps/s`, `1 step/s` or `max speed`.
  public var description: String {
    guard let limit = stepsPerSecond else { return "max speed" }
    return limit == 1 ? "1 step/s" : "\(limit) steps/s"
  }

  /// The speed stored as `storedLimit`.
  init(storedLimit: Int) {
    stepsPerSecond = storedLimit > 0 ? storedLimit : nil
  }

  /// The limit as one integer for an atomic: 0 for no limit.
  var storedLimit: Int { stepsPerSecond ?? 0 }

  /// The time between two steps at this speed in nanoseconds, nil without a limit.
  var stepInterval: UInt64? {
    stepsPerSecond.map { 1_000_000_000 / UInt64($0) }
  }
}
