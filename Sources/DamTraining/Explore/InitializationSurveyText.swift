import DamEngine
import Foundation

/// `dam-tui init-stats`' outputs of an `InitializationSurvey`: a plain-text table and JSON lines.
public enum InitializationSurveyText {
  /// Two tables, `act_std` then `grad_norm`: one row per initializer (the run's own marked `*`), one
  /// column per dense layer (`L1`... input side first, `out` the output layer), and a last column saying
  /// how many units of each hidden layer differ (`identical` when every hidden layer's units are all
  /// the same, `all` when every unit differs, else the fewest).
  public static func table(_ survey: InitializationSurvey) -> String {
    let architecture = survey.architecture
    let layerNames = (0..<architecture.hidden.count).map { "L\($0 + 1)" } + ["out"]
    let nameWidth = max(12, (survey.profiles.map(\.candidate.label.count).max() ?? 0) + 2)
    var lines = [
      "network \(architecture.widths.map(String.init).joined(separator: "-")) \(architecture.activation.rawValue),"
        + " one batch of \(survey.batchSize), step 0 (no training)",
      "act_std: standard deviation of each layer's output over the batch and its units (after the activation;"
        + " logits for out)",
      "grad_norm: ||dL/dW|| of each layer's weights from one backward pass of the data loss",
    ]
    for (title, values) in [("act_std", \InitializationProfile.activationStds), ("grad_norm", \.gradientNorms)] {
      lines.append("")
      var header = title.padding(toLength: nameWidth, withPad: " ", startingAt: 0)
      for name in layerNames { header += Self.cell(name) }
      if title == "act_std" { header += "  distinct units" }
      lines.append(header)
      for profile in survey.profiles {
        let mark = profile.candidate.isCurrent ? "*" : " "
        var line = (mark + profile.candidate.label).padding(toLength: nameWidth, withPad: " ", startingAt: 0)
        for value in profile[keyPath: values] { line += Self.cell(Self.number(value)) }
        if title == "act_std" { line += "  " + Self.distinctUnits(profile) }
        lines.append(line)
      }
    }
    lines.append("")
    lines.append("* the run's own initializer. Healthy: a flat row, no layer far smaller or larger than the first.")
    return lines.joined(separator: "\n")
  }

  /// One JSON object per initializer, in the line-up's order, each on one line: `initializer` (kind
  /// name), `gain`, `value` (sigma, half-width or constant; null where unused), `label`, `current`,
  /// `batch_size`, and per dense layer (input side first, output layer last) `act_std`, `grad_norm`,
  /// `distinct_units` and `units`. Non-finite numbers are `null`.
  public static func jsonLines(_ survey: InitializationSurvey) -> [String] {
    survey.profiles.map { profile in
      let initializer = profile.candidate.initializer
      let usesValue = [.normal, .uniform, .constant].contains(initializer.kind)
      var writer = JSONObjectWriter()
      writer.field("initializer", initializer.kind.rawValue)
      writer.field("gain", initializer.gain)
      writer.field("value", usesValue ? initializer.value : nil)
      writer.field("label", profile.candidate.label)
      writer.field("current", profile.candidate.isCurrent)
      writer.field("batch_size", survey.batchSize)
      writer.field("act_std", numbers: profile.activationStds)
      writer.field("grad_norm", numbers: profile.gradientNorms)
      writer.field("distinct_units", numbers: profile.layers.map { Double($0.distinctUnits) })
      writer.field("units", numbers: profile.layers.map { Double($0.units) })
      return writer.finish()
    }
  }

  /// `identical` when every hidden layer's units are all the same, `all` when they all differ, else the
  /// hidden layer with the fewest distinct units (`min 48/64`; dead ReLU units, all 0, count as one).
  static func distinctUnits(_ profile: InitializationProfile) -> String {
    if profile.hasIdenticalUnits { return "identical" }
    let fewest = profile.hiddenLayers.min {
      Double($0.distinctUnits) / Double($0.units) < Double($1.distinctUnits) / Double($1.units)
    }
    guard let fewest, fewest.distinctUnits < fewest.units else { return "all" }
    return "min \(fewest.distinctUnits)/\(fewest.units)"
  }

  /// A right-aligned column of width 10.
  private static func cell(_ text: String) -> String {
    String(repeating: " ", count: max(1, 10 - text.count)) + text
  }

  /// `value` with 3 significant digits (`0`, `0.0123`, `1.5e-07`, `nan`).
  static func number(_ value: Double) -> String {
    guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
    if value == 0 { return "0" }
    return String(format: "%.3g", value)
  }
}
