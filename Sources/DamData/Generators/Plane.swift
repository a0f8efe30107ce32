import DamEngine

extension PlanarDatasets {
  /// Playground's "plane" regression: points uniform in [-6, 6]^2 and target (x0 + x1) / 10, computed at
  /// the point displaced by uniform [-6, 6] * `noise` per coordinate (the data scale is 6). Targets lie
  /// in about [-1.2, 1.2] without noise.
  public static func plane(samples: Int, noise: Double, generator: inout SeededGenerator) -> Dataset {
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
      targets.append(Float((x + noiseX + y + noiseY) / 10))
    }
    return dataset(points: points, targets: targets, classLabels: [])
  }
}
