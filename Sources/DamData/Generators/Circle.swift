import DamEngine
import Foundation

extension PlanarDatasets {
  /// Playground's "circle": half the points at radius 0...2.5 (uniform in r and angle), half at radius
  /// 3.5...5. The label is "positive" when the point, displaced by noise, lies within radius 2.5; the
  /// displacement is uniform in [-5, 5] * `noise` per coordinate (the data scale is the radius 5), so
  /// noise flips labels near the gap but does not move the points.
  public static func circle(samples: Int, noise: Double, generator: inout SeededGenerator) -> Dataset {
    let radius = 5.0
    var points: [Float] = []
    var targets: [Float] = []
    points.reserveCapacity(2 * samples)
    targets.reserveCapacity(samples)
    let (inside, outside) = halves(samples)
    func addPoint(radiusRange: ClosedRange<Double>) {
      let r = generator.nextUniform(radiusRange.lowerBound, radiusRange.upperBound)
      let angle = generator.nextUniform(0, 2 * Double.pi)
      let x = r * sin(angle)
      let y = r * cos(angle)
      let noiseX = generator.nextUniform(-radius, radius) * noise
      let noiseY = generator.nextUniform(-radius, radius) * noise
      let distance = ((x + noiseX) * (x + noiseX) + (y + noiseY) * (y + noiseY)).squareRoot()
      points.append(Float(x))
      points.append(Float(y))
      targets.append(distance < radius * 0.5 ? 1 : 0)
    }
    for _ in 0..<inside { addPoint(radiusRange: 0...(radius * 0.5)) }
    for _ in 0..<outside { addPoint(radiusRange: (radius * 0.7)...radius) }
    return dataset(points: points, targets: targets, classLabels: classLabels)
  }
}
