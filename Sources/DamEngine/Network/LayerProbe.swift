/// What one forward and one backward pass on a batch show of one dense layer, without an update
/// (`Network.probe`). Shapes: W is [out x in]; H is the layer's output [batch x out] (after the
/// activation, before dropout; the logits for the output layer).
public struct LayerProbe: Sendable, Equatable {
  /// Standard deviation of H over every entry (all samples of the batch and all units of the layer).
  public var activationStd: Double
  /// ||dL/dW||_F: Frobenius norm of the data-loss gradient of the layer's weights (no L1/L2 terms).
  public var gradientNorm: Double
  /// Number of distinct units: columns of H that differ in at least one sample. 1 means every unit
  /// computes exactly the same function on this batch (symmetric weights, e.g. all zeros).
  public var distinctUnits: Int
  /// Number of units of the layer (columns of H).
  public var units: Int

  /// A probe of one layer.
  public init(activationStd: Double, gradientNorm: Double, distinctUnits: Int, units: Int) {
    self.activationStd = activationStd
    self.gradientNorm = gradientNorm
    self.distinctUnits = distinctUnits
    self.units = units
  }
}
