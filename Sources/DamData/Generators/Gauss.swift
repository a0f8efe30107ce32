import DamEngine

extension PlanarDatasets {
  /// Playground's "gauss": two isotropic Gaussian blobs, "positive" centred at (2, 2) and "negative" at
  /// (-2, -2). The variance grows linearly with noise, from 0.5 at `noise` 0 to 4 at `noise` 0.5
  /// (continuing the line above 0.5), so at high noise the blobs overlap.
  public static func gauss(samples: Int, noise: Double, generator: inout SeededGenerator) -> Dataset {
    let variance = 0.5 + noise / 0.5 * 3.5
    let sd = variance.squareRoot()
    var points: [Float] = []
    var targets: [Float] = []
    points.reserveCapacity(2 * samples)
    targets.reserveCapacity(samples)
    let (positive, negative) = halves(samples)
    func addBlob(count: Int, centre: Double, label: Float) {
      for _ in 0..<count {
        points.append(Float(centre + sd * generator.nextGaussian()))
        points.append(Float(centre + sd * generator.nextGaussian()))
        targets.append(label)
      }
    }
    addBlob(count: positive, centre: 2, label: 1)
    addBlob(count: negative, centre: -2, label: 0)
    return dataset(points: points, targets: targets, classLabels: classLabels)
  }
}
