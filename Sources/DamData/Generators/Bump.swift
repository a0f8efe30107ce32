import DamEngine

extension PlanarDatasets {
  /// The bump centres of Playground's "Gaussian" regression: (x0, x1, sign).
  private static let bumps: [(Double, Double, Double)] = [
    (-4, 2.5, 1), (0, 2.5, -1), (4, 2.5, 1), (-4, -2.5, -1), (0, -2.5, 1), (4, -2.5, -1),
  ]

  /// Playground's "Gaussian" regression, six signed bumps: around each centre of a 3 x 2 grid
  /// ((-4 | 0 | 4), (2.5 | -2.5)) the target falls linearly from +-1 at the centre to 0 at distance 2,
  /// signs alternating like a chessboard; where bumps meet the one largest in magnitude wins. Points are
  /// uniform in [-6, 6]^2; the target is computed at the point displaced by uniform [-6, 6] * `noise`
  /// per coordinate (the data scale is 6).
  public static func bump(samples: Int, noise: Double, generator: inout SeededGenerator) -> Dataset {
    regression(samples: samples, noise: noise, generator: &generator) { x, y in bumpHeight(x, y) }
  }

  /// The target at (x, y): the signed bump value largest in magnitude.
  static func bumpHeight(_ x: Double, _ y: Double) -> Double {
    var height = 0.0
    for (cx, cy, sign) in bumps {
      let distance = ((x - cx) * (x - cx) + (y - cy) * (y - cy)).squareRoot()
      let value = sign * min(max(1 - distance / 2, 0), 1)
      if abs(value) > abs(height) { height = value }
    }
    return height
  }
}
