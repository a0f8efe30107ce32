import Foundation

/// Compares a computed sequence with its reference the way llm.c's test does: every element within a
/// relative tolerance, and the largest difference reported per named tensor.
///
/// An element passes when |actual - expected| <= tolerance * max(|expected|, floor), with the floor a
/// tenth of the tensor's largest reference magnitude: elements near zero (a weight crossing 0) are held
/// to the tensor's scale instead of demanding an absolute accuracy no float format has.
struct ReferenceComparison: CustomStringConvertible {
  /// The tensor's name (`layers.0.weight`, `data loss`).
  var name: String
  /// max |actual - expected|.
  var maximumAbsoluteDifference = 0.0
  /// max |actual - expected| / max(|expected|, floor).
  var maximumRelativeDifference = 0.0
  /// The floor: `floorFraction` * max |expected|.
  var floor = 0.0
  /// Number of elements compared.
  var count = 0

  /// Compares `actual` with `expected` element by element; a length mismatch or a NaN counts as an
  /// infinite difference.
  init(_ name: String, actual: [Double], expected: [Double], floorFraction: Double = 0.1) {
    self.name = name
    count = expected.count
    floor = floorFraction * (expected.map(abs).max() ?? 0)
    guard actual.count == expected.count else {
      maximumAbsoluteDifference = .infinity
      maximumRelativeDifference = .infinity
      return
    }
    for (a, e) in zip(actual, expected) {
      let difference = abs(a - e)
      guard !difference.isNaN else {
        maximumAbsoluteDifference = .infinity
        maximumRelativeDifference = .infinity
        return
      }
      maximumAbsoluteDifference = max(maximumAbsoluteDifference, difference)
      maximumRelativeDifference = max(maximumRelativeDifference, difference / max(abs(e), floor))
    }
  }

  /// Whether every element is within `tolerance` relative.
  func passes(tolerance: Double) -> Bool { maximumRelativeDifference <= tolerance }

  var description: String {
    "\(name) [\(count)]: "
      + String(
        format: "max |diff| %.2e, max rel %.2e (floor %.1e)", maximumAbsoluteDifference, maximumRelativeDifference,
        floor)
  }
}
