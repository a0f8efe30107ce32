/// Health numbers of one dense layer, measured during a training step from buffers the step already
/// touches.
///
/// Shapes: W is [out x in]; H is the layer's output [batch x out] before dropout (the logits for the
/// output layer).
public struct LayerMetrics: Sendable, Equatable {
  /// ||dL/dW||_F: Frobenius norm of the data-loss gradient of the weights, before the L1/L2 terms.
  public var gradientNorm: Double = 0
  /// ||W||_F before the update.
  public var weightNorm: Double = 0
  /// ||W_after - W_before||_F / ||W_before||_F (0 when W is 0); about 1e-3 is the usual healthy value.
  public var updateRatio: Double = 0
  /// Mean of H over the batch and units.
  public var activationMean: Double = 0
  /// Standard deviation of H over the batch and units.
  public var activationStd: Double = 0
  /// Fraction of H entries in the flat tails: sigmoid H < 0.01 or H > 0.99; tanh |H| > 0.99.
  /// nil for activations that do not saturate and for the output layer.
  public var saturatedFraction: Double? = nil
  /// Fraction of ReLU units whose output is 0 for every sample of the batch.
  /// nil for activations whose units cannot die and for the output layer.
  public var deadFraction: Double? = nil

  /// All zero (nothing measured yet).
  public init() {}
}
