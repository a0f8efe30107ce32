extension Trainer {
  /// The share of `weights` within `EvaluationReport.zeroWeightTolerance` of zero; nil when empty.
  static func zeroShare(_ weights: [Float]) -> Double? {
    guard !weights.isEmpty else { return nil }
    let tolerance = Float(EvaluationReport.zeroWeightTolerance)
    let zeros = weights.count { abs($0) <= tolerance }
    return Double(zeros) / Double(weights.count)
  }
}
