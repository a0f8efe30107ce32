/// A measurable condition on a run, written as text in a preset's `[lesson]` table:
///
/// - `"METRIC >= NUMBER"` or `"METRIC <= NUMBER"`: a bound on a `LessonMetric` (`val_acc >= 0.95`,
///   `first_layer_zero_share >= 0.5`), judged on the latest evaluation;
/// - `"finding ID"`: the finding must fire at some evaluation (`finding vanishing_gradients`);
/// - `"no finding ID"`: the finding must not fire (judged since the last lesson try applied, or the start).
public enum LessonGoal: Sendable, Equatable, Hashable, CustomStringConvertible {
  /// The metric must be at least the bound.
  case atLeast(LessonMetric, Double)
  /// The metric must be at most the bound.
  case atMost(LessonMetric, Double)
  /// The finding must fire.
  case fires(FindingID)
  /// The finding must not fire.
  case neverFires(FindingID)

  /// Parses the text forms above.
  /// - Throws: `LessonGoalError` saying which forms, metrics and findings are allowed.
  public init(parsing text: String) throws(LessonGoalError) {
    let words = text.split(separator: " ").map(String.init)
    switch words.count {
    case 2 where words[0] == "finding":
      self = .fires(try Self.finding(words[1]))
    case 3 where words[0] == "no" && words[1] == "finding":
      self = .neverFires(try Self.finding(words[2]))
    case 3 where words[1] == ">=" || words[1] == "<=":
      guard let metric = LessonMetric(rawValue: words[0]) else {
        throw LessonGoalError(
          "\"\(words[0])\" is not a goal metric: expected one of "
            + LessonMetric.allCases.map(\.rawValue).joined(separator: ", "))
      }
      guard let bound = Double(words[2]), bound.isFinite else {
        throw LessonGoalError("\"\(words[2])\" is not a finite number")
      }
      self = words[1] == ">=" ? .atLeast(metric, bound) : .atMost(metric, bound)
    default:
      throw LessonGoalError(
        "expected \"METRIC >= NUMBER\", \"METRIC <= NUMBER\", \"finding ID\" or \"no finding ID\"")
    }
  }

  private static func finding(_ name: String) throws(LessonGoalError) -> FindingID {
    guard let id = FindingID(rawValue: name) else {
      throw LessonGoalError(
        "\"\(name)\" is not a finding: expected one of " + FindingID.allCases.map(\.rawValue).joined(separator: ", "))
    }
    return id
  }

  /// The goal as written in a preset: `val_acc >= 0.95`.
  public var description: String {
    switch self {
    case .atLeast(let metric, let bound): "\(metric.rawValue) >= \(TOMLText.float(bound))"
    case .atMost(let metric, let bound): "\(metric.rawValue) <= \(TOMLText.float(bound))"
    case .fires(let id): "finding \(id.rawValue)"
    case .neverFires(let id): "no finding \(id.rawValue)"
    }
  }

  /// The bounded metric, nil for a finding goal.
  public var metric: LessonMetric? {
    switch self {
    case .atLeast(let metric, _), .atMost(let metric, _): metric
    case .fires, .neverFires: nil
    }
  }
}

/// Why a goal's text does not parse.
public struct LessonGoalError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What is wrong and what is allowed.
  public var description: String

  init(_ description: String) { self.description = description }
}
