import DamEngine

extension PlanarDatasets {
  /// Playground's "xor": points uniform in [-5, 5]^2, each coordinate pushed 0.3 away from the axes.
  /// The label is "positive" when x0 * x1 >= 0 for the point displaced by noise, uniform in
  /// [-5, 5] * `noise` per coordinate (the data scale is 5).
  public static func xor(samples: Int, noise: Double, generator: inout SeededGenerator) -> Dataset {
    let padding = 0.3
    var points: [Float] = []
    var targets: [Float] = []
    points.reserveCapacity(2 * samples)
    targets.reserveCapacity(samples)
    for _ in 0..<samples {
      var x = generator.nextUniform(-5, 5)
      x += x > 0 ? padding : -padding
      var y = generator.nextUniform(-5, 5)
      y += y > 0 ? padding : -padding
      let noiseX = generator.nextUniform(-5, 5) * noise
      let noiseY = generator.nextUniform(-5, 5) * noise
      points.append(Float(x))
      points.append(Float(y))
      targets.append((x + noiseX) * (y + noiseY) >= 0 ? 1 : 0)
    }
    return dataset(points: points, targets: targets, classLabels: classLabels)
  }
}
