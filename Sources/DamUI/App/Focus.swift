/// The panel that has keyboard focus; Tab moves it forward, Shift-Tab back.
public enum Focus: CaseIterable, Sendable, Hashable {
  /// The hyperparameter list.
  case parameters
  /// The loss chart.
  case chart
  /// The gradient panel.
  case gradients

  /// The panel after this one, wrapping around.
  public var next: Focus { Self.allCases[(index + 1) % Self.allCases.count] }

  /// The panel before this one, wrapping around.
  public var previous: Focus { Self.allCases[(index + Self.allCases.count - 1) % Self.allCases.count] }

  private var index: Int { Self.allCases.firstIndex(of: self) ?? 0 }
}
