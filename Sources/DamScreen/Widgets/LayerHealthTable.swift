/// Per-layer health figures, as shown by ``LayerHealthTable``.
public struct LayerHealth: Sendable, Hashable {
  /// The layer's name, e.g. "L1".
  public var name: String
  /// ||weight update of one step|| / ||W||; about 1e-3 is healthy.
  public var updateRatio: Double
  /// Mean of the layer's activations.
  public var activationMean: Double
  /// Standard deviation of the layer's activations.
  public var activationStd: Double
  /// Fraction of saturated units (sigmoid/tanh layers), nil when it does not apply.
  public var saturatedFraction: Double?
  /// Fraction of dead units (ReLU layers), nil when it does not apply.
  public var deadFraction: Double?

  /// Creates a row of figures.
  public init(
    name: String, updateRatio: Double, activationMean: Double, activationStd: Double,
    saturatedFraction: Double? = nil, deadFraction: Double? = nil
  ) {
    self.name = name
    self.updateRatio = updateRatio
    self.activationMean = activationMean
    self.activationStd = activationStd
    self.saturatedFraction = saturatedFraction
    self.deadFraction = deadFraction
  }
}

/// A table of per-layer health: update/weight ratio against the 1e-3 rule of thumb, activation
/// mean and standard deviation, saturated and dead fractions.
///
/// The ratio is healthy within a decade of 1e-3 (`updateBand`); outside it the cell says `low` or
/// `high` and takes the severity colour. A saturated or dead fraction above `unitAlarm` (default
/// 50%) is marked `!`. Figures that do not apply show `-`.
public struct LayerHealthTable: Widget, Hashable {
  /// The layers, input side first.
  public var layers: [LayerHealth]
  /// The healthy range of the update/weight ratio.
  public var updateBand: HealthyBand
  /// The saturated or dead fraction above which a layer is flagged.
  public var unitAlarm: Double

  /// Creates the table.
  public init(
    layers: [LayerHealth], updateBand: HealthyBand = HealthyBand(lower: 1e-4, upper: 1e-2), unitAlarm: Double = 0.5
  ) {
    self.layers = layers
    self.updateBand = updateBand
    self.unitAlarm = unitAlarm
  }

  /// Draws the table.
  public func render(in area: Rect, buffer: inout ScreenBuffer) {
    let columns = [
      Table.Column("layer", width: 5), Table.Column("upd/w", width: 12, alignRight: true),
      Table.Column("act mean", width: 8, alignRight: true), Table.Column("act std", width: 8, alignRight: true),
      Table.Column("sat", width: 7, alignRight: true), Table.Column("dead", width: 7, alignRight: true),
    ]
    Table(columns: columns, rows: layers.map(row)).render(in: area, buffer: &buffer)
  }

  private func row(_ layer: LayerHealth) -> [Table.Entry] {
    [
      Table.Entry(layer.name), ratioEntry(layer.updateRatio),
      Table.Entry(NumberFormat.compact(layer.activationMean)), Table.Entry(NumberFormat.compact(layer.activationStd)),
      fractionEntry(layer.saturatedFraction), fractionEntry(layer.deadFraction),
    ]
  }

  private func ratioEntry(_ ratio: Double) -> Table.Entry {
    let severity = updateBand.severity(of: ratio)
    let verdict =
      switch severity {
      case .healthy: "ok"
      case .vanishing: "low"
      case .exploding: "high"
      case .nonFinite: "?"
      }
    return Table.Entry(
      "\(NumberFormat.compact(ratio)) \(verdict)", style: severity == .healthy ? .plain : severity.style)
  }

  private func fractionEntry(_ fraction: Double?) -> Table.Entry {
    guard let fraction else { return Table.Entry("-") }
    guard fraction > unitAlarm else { return Table.Entry(NumberFormat.percent(fraction)) }
    return Table.Entry("!" + NumberFormat.percent(fraction), style: Severity.exploding.style)
  }
}
