import Foundation

/// Number and layer formatting for finding messages.
enum FindingText {
  /// Three significant digits: "0.00123", "4.2e+05", "NaN".
  static func number(_ value: Double) -> String {
    guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "inf" : "-inf") }
    return String(format: "%.3g", value)
  }

  /// A fraction as a whole percentage: 0.623 -> "62%".
  static func percent(_ fraction: Double) -> String { "\(Int((fraction * 100).rounded()))%" }

  /// 0-based layer indices as people count them, from 1 at the input side, runs collapsed:
  /// [0, 1, 2, 3] -> "layers 1-4", [1] -> "layer 2", [0, 1, 3] -> "layers 1-2, 4".
  static func layers(_ indices: [Int]) -> String {
    let sorted = indices.sorted()
    guard sorted.count > 1 else { return "layer \((sorted.first ?? 0) + 1)" }
    var runs: [String] = []
    var start = sorted[0]
    var end = start
    for index in sorted.dropFirst() {
      if index == end + 1 {
        end = index
        continue
      }
      runs.append(start == end ? "\(start + 1)" : "\(start + 1)-\(end + 1)")
      start = index
      end = index
    }
    runs.append(start == end ? "\(start + 1)" : "\(start + 1)-\(end + 1)")
    return "layers " + runs.joined(separator: ", ")
  }

  /// A step count with thousands separators: 12400 -> "12,400".
  static func step(_ step: Int) -> String { ChangeMarker.groupingThousands(step) }
}
