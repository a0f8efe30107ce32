/// How strongly the loss chart smooths the training loss (`m` cycles): off, or an exponential moving
/// average with weight 0.6, 0.9 or 0.99 per step, debiased at the start as TensorBoard's scalar
/// dashboard does.
public enum LossSmoothing: Double, Sendable, Hashable, CaseIterable {
  /// The raw batch losses.
  case off = 0
  /// A light average (TensorBoard's default weight).
  case light = 0.6
  /// About the last ten steps.
  case medium = 0.9
  /// About the last hundred steps.
  case heavy = 0.99

  /// The weight w of the previous average: `average = w * average + (1 - w) * loss`.
  public var weight: Double { rawValue }

  /// The next setting, wrapping around after `heavy`.
  public var next: LossSmoothing {
    let all = Self.allCases
    return all[(all.firstIndex(of: self)! + 1) % all.count]
  }

  /// How the chart's legend and the status line name it: "off" or "0.9".
  public var name: String { self == .off ? "off" : "\(weight)" }
}
