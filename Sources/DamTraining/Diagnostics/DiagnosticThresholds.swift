/// Every threshold of the diagnostic rules, in one place. The defaults are what dam-tui uses; each
/// property says which rule reads it. Gradient norms are of the data loss, per layer, averaged over the
/// layer samples of the newest `recentSteps` steps.
public struct DiagnosticThresholds: Sendable, Equatable {
  /// Steps whose layer samples are averaged for per-layer statistics (all rules that read layer
  /// statistics); the newest sample counts even when it is older.
  public var recentSteps = 32
  /// Steps the window must hold before the trend rules (`lr_too_high` by loss rise, `exploding_gradients`
  /// by growth) speak.
  public var minimumTrendSteps = 64
  /// Steps since (re-)initialization before the progress rules (`lr_too_low`, `underfitting`) speak.
  public var minimumProgressSteps = 500

  /// `exploding_gradients`: a layer's gradient norm above this is exploding.
  public var explodingNorm = 1e3
  /// `exploding_gradients`: a layer's gradient norm more than this many times the output layer's.
  public var explodingDepthRatio = 1e3
  /// `exploding_gradients`: the largest gradient norm grew more than this many times across the window.
  public var explodingGrowth = 100.0
  /// `vanishing_gradients`: a layer's gradient norm below this fraction of the output layer's.
  public var vanishingRatio = 1e-3

  /// `symmetry`: a hidden layer whose relative row spread (see `RowSpread`) is at most this has identical
  /// units.
  public var symmetryTolerance = 1e-6
  /// `dead_relu`: a hidden ReLU layer with at least this fraction of dead units.
  public var deadFraction = 0.5
  /// `saturation`: a hidden sigmoid/tanh layer with at least this fraction of saturated activations
  /// (a well-trained tanh network often has half its activations beyond 0.99).
  public var saturatedFraction = 0.8

  /// `bad_init_loss`: the initial loss differs from ln(classes) by more than this fraction of ln(classes).
  public var initialLossTolerance = 0.5

  /// `lr_too_high`: the median mini-batch loss of the newest quarter of the window exceeds the oldest
  /// quarter's by more than this fraction, and the evaluated training loss rose across the window too when
  /// evaluations span it (or the training loss ends above its initial value).
  public var lossRise = 0.25
  /// `lr_too_high`: an evaluated training loss more than this many times the baseline's (the initial one,
  /// or the one at the newest change) fires at once, before the trend rules may speak.
  public var lossBlowUp = 3.0
  /// `lr_too_low`: the training loss fell by less than this fraction of its initial value...
  public var minimumProgress = 0.05
  /// `lr_too_low`: ...while every layer's update/weight ratio stayed below this (about 1e-3 is healthy).
  public var lowUpdateRatio = 1e-4

  /// `underfitting`: steps the plateau must last (the evaluations kept must span them; healthy runs such as
  /// the default spiral sit on a plateau for about a thousand steps before they learn).
  public var plateauSteps = 2000
  /// `underfitting`: the training loss changed by less than this fraction across the plateau...
  public var plateauChange = 0.02
  /// `underfitting`: ...while the training accuracy stays below this (classification).
  public var underfittingAccuracy = 0.9
  /// `underfitting`: ...or, for regression, the training loss stays above this fraction of its initial value.
  public var underfittingLossFraction = 0.5

  /// `overfitting`: the validation loss rose more than this fraction above its best while the training
  /// loss kept falling...
  public var overfittingRise = 0.1
  /// `overfitting`: ...and by more than this much in absolute terms (small losses fluctuate by more than
  /// 10% without any overfitting).
  public var overfittingMinimumRise = 0.05

  /// The defaults.
  public init() {}
}
