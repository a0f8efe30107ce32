import DamEngine
import Foundation

extension PlanarDatasets {
  /// scikit-learn's `make_moons`: the "upper" moon (class 0) is (cos t, sin t) and the "lower" moon
  /// (class 1) is (1 - cos t, 0.5 - sin t), for t evenly spaced over [0, pi] (both ends included); then
  /// every coordinate gets Gaussian noise with standard deviation `noise` (the data scale is the moon
  /// radius, 1).
  public static func moons(samples: Int, noise: Double, generator: inout SeededGenerator) -> Dataset {
    var points: [Float] = []
    var targets: [Float] = []
    points.reserveCapacity(2 * samples)
    targets.reserveCapacity(samples)
    let outer = samples / 2
    let inner = samples - outer
    func addMoon(count: Int, label: Float, point: (Double) -> (Double, Double)) {
      for i in 0..<count {
        let t = count > 1 ? Double.pi * Double(i) / Double(count - 1) : 0
        let (x, y) = point(t)
        points.append(Float(x + noise * generator.nextGaussian()))
        points.append(Float(y + noise * generator.nextGaussian()))
        targets.append(label)
      }
    }
    addMoon(count: outer, label: 0) { t in (cos(t), sin(t)) }
    addMoon(count: inner, label: 1) { t in (1 - cos(t), 1 - sin(t) - 0.5) }
    return dataset(points: points, targets: targets, classLabels: ["upper", "lower"])
  }
}
