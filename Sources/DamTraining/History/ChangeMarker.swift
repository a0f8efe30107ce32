/// One applied change, placed on the loss chart at the step it took effect: "lr 0.1 -> 0.01 @ 12,400".
public struct ChangeMarker: Sendable, Equatable, Hashable {
  /// The number of optimizer updates applied before the change took effect.
  public var step: Int
  /// What changed, in a few words ("lr 0.1 -> 0.01", "re-initialized", "rewound to step 9,000").
  public var summary: String

  /// Creates a marker.
  public init(step: Int, summary: String) {
    self.step = step
    self.summary = summary
  }

  /// A marker for a setting that moved from `oldValue` to `newValue`, named by its short label.
  public init(step: Int, setting: String, from oldValue: String, to newValue: String) {
    self.init(step: step, summary: "\(setting) \(oldValue) -> \(newValue)")
  }

  /// The summary followed by the step with thousands separators: "lr 0.1 -> 0.01 @ 12,400".
  public var label: String { "\(summary) @ \(Self.groupingThousands(step))" }

  /// `12400` as `"12,400"`.
  public static func groupingThousands(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var grouped = ""
    for (offset, digit) in digits.enumerated() {
      if offset > 0, (digits.count - offset) % 3 == 0 { grouped.append(",") }
      grouped.append(digit)
    }
    return value < 0 ? "-" + grouped : grouped
  }
}
