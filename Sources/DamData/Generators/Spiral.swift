import DamEngine
import Foundation

extension PlanarDatasets {
  /// Playground's "spiral": two interleaved arms of 1.75 turns each, radius growing from 0 to 5, the
  /// "negative" arm the "positive" one rotated by pi. Point i of an arm of n sits at r = 5 i / n,
  /// angle 3.5 pi i / n, then moves by uniform [-1, 1] * `noise` per coordinate, as in Playground
  /// (here the data scale is 1: neighbouring arms are about 1.4 apart, so `noise` 0.5 already blurs them).
  public static func spiral(samples: Int, noise: Double, generator: inout SeededGenerator) -> Dataset {
    var points: [Float] = []
    var targets: [Float] = []
    points.reserveCapacity(2 * samples)
    targets.reserveCapacity(samples)
    let (positive, negative) = halves(samples)
    func addArm(count: Int, deltaT: Double, label: Float) {
      let n = Double(count)
      for i in 0..<count {
        let r = Double(i) / n * 5
        let t = 1.75 * Double(i) / n * 2 * Double.pi + deltaT
        let x = r * sin(t) + generator.nextUniform(-1, 1) * noise
        let y = r * cos(t) + generator.nextUniform(-1, 1) * noise
        points.append(Float(x))
        points.append(Float(y))
        targets.append(label)
      }
    }
    addArm(count: positive, deltaT: 0, label: 1)
    addArm(count: negative, deltaT: Double.pi, label: 0)
    return dataset(points: points, targets: targets, classLabels: classLabels)
  }
}
