import DamEngine

/// What one initializer gives at step 0 on the survey's batch: per dense layer (input side first, the
/// output layer last), the spread of its output and the size of its weight gradient.
public struct InitializationProfile: Sendable, Equatable {
  /// The initializer.
  public var candidate: InitializationCandidate
  /// One probe per dense layer, input side first (the last is the output layer, whose H is the logits).
  public var layers: [LayerProbe]

  /// A profile.
  public init(candidate: InitializationCandidate, layers: [LayerProbe]) {
    self.candidate = candidate
    self.layers = layers
  }

  /// The standard deviation of each layer's output H over the batch and its units.
  public var activationStds: [Double] { layers.map(\.activationStd) }
  /// ||dL/dW||_F of each layer.
  public var gradientNorms: [Double] { layers.map(\.gradientNorm) }
  /// The hidden layers' probes (every layer but the output layer).
  public var hiddenLayers: ArraySlice<LayerProbe> { layers.dropLast() }
  /// Whether every hidden layer with more than one unit has all its units identical on the batch.
  public var hasIdenticalUnits: Bool {
    let wide = hiddenLayers.filter { $0.units > 1 }
    return !wide.isEmpty && wide.allSatisfy { $0.distinctUnits == 1 }
  }
}
