import DamEngine

extension PlanarDatasets {
  /// Playground's regression sampling: points uniform in [-6, 6]^2, and `target` evaluated at the point
  /// displaced by uniform [-6, 6] * `noise` per coordinate (the data scale is 6). Draws x, y, then the two
  /// displacements, per sample.
  static func regression(
    samples: Int, noise: Double, generator: inout SeededGenerator, target: (Double, Double) -> Double
  ) -> Dataset {
    let radius = 6.0
    var points: [Float] = []
    var targets: [Float] = []
    points.reserveCapacity(2 * samples)
    targets.reserveCapacity(samples)
    for _ in 0..<samples {
      let x = generator.nextUniform(-radius, radius)
      let y = generator.nextUniform(-radius, radius)
      let noiseX = generator.nextUniform(-radius, radius) * noise
      let noiseY = generator.nextUniform(-radius, radius) * noise
      points.append(Float(x))
      points.append(Float(y))
      targets.append(Float(target(x + noiseX, y + noiseY)))
    }
    return dataset(points: points, targets: targets, classLabels: [])
  }
}
