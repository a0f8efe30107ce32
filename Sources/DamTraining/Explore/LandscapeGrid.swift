/// Losses on a grid of points origin + alpha * first + beta * second in weight space: one row per beta,
/// one column per alpha. A line (1-D) is a grid with the single row beta = 0.
public struct LandscapeGrid: Sendable, Equatable {
  /// The alpha of each column, ascending.
  public var alphas: [Double]
  /// The beta of each row, ascending.
  public var betas: [Double]
  /// Mean data loss on the training split at each point [betas x alphas], row-major (NaN where the loss
  /// is not finite is kept as computed).
  public var trainingLoss: [Double]
  /// Mean data loss on the validation split at each point [betas x alphas]; NaN without a validation
  /// split or when it was not asked for.
  public var validationLoss: [Double]

  /// A grid of `alphas.count` columns and `betas.count` rows with the given losses.
  public init(alphas: [Double], betas: [Double], trainingLoss: [Double], validationLoss: [Double]) {
    self.alphas = alphas
    self.betas = betas
    self.trainingLoss = trainingLoss
    self.validationLoss = validationLoss
  }

  /// `count` evenly spaced values from `range.lowerBound` to `range.upperBound` inclusive (the midpoint
  /// for a count of 1).
  public static func evenlySpaced(_ range: ClosedRange<Double>, count: Int) -> [Double] {
    guard count > 1 else { return [(range.lowerBound + range.upperBound) / 2] }
    let width = range.upperBound - range.lowerBound
    return (0..<count).map { range.lowerBound + width * Double($0) / Double(count - 1) }
  }
}
