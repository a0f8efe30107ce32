import DamEngine
import Testing

@testable import DamData

@Suite("2-D generators")
struct GeneratorTests {
  static let classifiers: [DataSpec.Source] = [.circle, .xor, .gauss, .spiral, .moons]
  static let regressors: [DataSpec.Source] = [.plane, .bump]

  static func make(_ source: DataSpec.Source, samples: Int = 1001, noise: Double = 0.2, seed: UInt64 = 7) -> Dataset {
    var generator = SeededGenerator(seed: seed)
    return PlanarDatasets.generate(source, samples: samples, noise: noise, generator: &generator)!
  }

  @Test("Classification sets have the requested size, two features and two classes", arguments: classifiers)
  func classificationShape(name: DataSpec.Source) {
    let data = Self.make(name)
    #expect(data.count == 1001, "\(name)")
    #expect(data.featureCount == 2 && data.featureNames == ["x0", "x1"])
    #expect(data.features.count == 2002 && data.targets.count == 1001)
    #expect(data.targets.allSatisfy { $0 == 0 || $0 == 1 }, "\(name)")
    #expect(data.outputHead == .binary)
    #expect(data.features.allSatisfy { $0.isFinite })
  }

  @Test("Classes are balanced: exactly halves without label noise, near halves for xor", arguments: classifiers)
  func balance(name: DataSpec.Source) {
    let counts = Self.make(name, noise: 0).classCounts
    if name == .xor {
      #expect(abs(counts[0] - counts[1]) < 120, "\(counts)")
    } else {
      #expect(Set(counts) == [500, 501], "\(name): \(counts)")
    }
  }

  @Test("The same seed gives the same data, another seed other data", arguments: classifiers + regressors)
  func determinism(name: DataSpec.Source) {
    #expect(Self.make(name, seed: 3) == Self.make(name, seed: 3))
    #expect(Self.make(name, seed: 3).features != Self.make(name, seed: 4).features)
  }

  @Test("Regression sets have one target per sample and a regression head", arguments: regressors)
  func regressionShape(name: DataSpec.Source) {
    let data = Self.make(name)
    #expect(data.count == 1001 && data.targetWidth == 1 && data.classLabels.isEmpty)
    #expect(data.outputHead == .regression(outputs: 1))
    #expect(data.targets.allSatisfy { abs($0) <= 2 })
    #expect(data.features.allSatisfy { abs($0) <= 6 })
  }

  @Test("Circle without noise: inner half positive within radius 2.5, outer half negative beyond 3.5")
  func circleGeometry() {
    let data = Self.make(.circle, samples: 400, noise: 0)
    for i in 0..<400 {
      let x = data.features[2 * i]
      let y = data.features[2 * i + 1]
      let radius = (x * x + y * y).squareRoot()
      if i < 200 {
        #expect(radius <= 2.5 + 1e-5 && data.targets[i] == 1)
      } else {
        #expect(radius >= 3.5 - 1e-5 && radius <= 5 + 1e-5 && data.targets[i] == 0)
      }
    }
  }

  @Test("Label noise: xor labels follow the quadrant at noise 0 and disagree more as noise grows")
  func xorLabelNoise() {
    func disagreement(_ noise: Double) -> Double {
      let data = Self.make(.xor, samples: 4000, noise: noise)
      let wrong = (0..<data.count).filter { i in
        let quadrant: Float = data.features[2 * i] * data.features[2 * i + 1] >= 0 ? 1 : 0
        return quadrant != data.targets[i]
      }
      return Double(wrong.count) / Double(data.count)
    }
    #expect(disagreement(0) == 0)
    let low = disagreement(0.1)
    let high = disagreement(0.5)
    #expect(low > 0.002 && low < high && high > 0.15, "\(low) \(high)")
  }

  @Test("Spiral noise moves each coordinate by at most noise, and by nearly that at the extreme")
  func spiralNoiseScale() {
    let clean = Self.make(.spiral, samples: 2000, noise: 0)
    let noisy = Self.make(.spiral, samples: 2000, noise: 0.3)
    let shifts = zip(clean.features, noisy.features).map { abs($0 - $1) }
    let largest = shifts.max() ?? 0
    #expect(largest <= 0.3 + 1e-5 && largest > 0.29)
    #expect(abs(meanAndDeviation(shifts).mean - 0.15) < 0.01)
  }

  @Test("Spiral arms are point reflections of each other")
  func spiralArms() {
    let data = Self.make(.spiral, samples: 200, noise: 0)
    for i in 0..<100 {
      #expect(abs(data.features[2 * i] + data.features[2 * (100 + i)]) < 1e-5)
      #expect(abs(data.features[2 * i + 1] + data.features[2 * (100 + i) + 1]) < 1e-5)
    }
    #expect(data.targets[0] == 1 && data.targets[199] == 0)
  }

  @Test("Moons noise is Gaussian with standard deviation noise around the noiseless moons")
  func moonsNoiseScale() {
    let clean = Self.make(.moons, samples: 4000, noise: 0)
    let noisy = Self.make(.moons, samples: 4000, noise: 0.2)
    let stats = meanAndDeviation(zip(clean.features, noisy.features).map { $1 - $0 })
    #expect(abs(stats.mean) < 0.01 && abs(stats.deviation - 0.2) < 0.01, "\(stats)")
    // sklearn's make_moons(n_samples=4, shuffle=False, noise=0): outer (1, 0), (-1, 0); inner (0, 0.5), (2, 0.5).
    let four = Self.make(.moons, samples: 4, noise: 0)
    let expected: [Float] = [1, 0, -1, 0, 0, 0.5, 2, 0.5]
    #expect(zip(four.features, expected).allSatisfy { abs($0 - $1) < 1e-6 }, "\(four.features)")
    #expect(four.targets == [0, 0, 1, 1])
  }

  @Test("Gauss blob spread grows with noise: variance 0.5 at noise 0, 4 at noise 0.5")
  func gaussVariance() {
    for (noise, variance) in [(0.0, 0.5), (0.5, 4.0)] {
      let data = Self.make(.gauss, samples: 20000, noise: noise)
      let positive = data.features[0..<20000]
      let stats = meanAndDeviation(positive)
      #expect(
        abs(stats.mean - 2) < 0.1 && abs(stats.deviation * stats.deviation - variance) < 0.05 * variance, "\(stats)")
    }
  }

  @Test("Plane targets are (x0 + x1) / 10, with uniform noise of standard deviation sqrt(24) * noise / 10")
  func planeTargets() {
    let clean = Self.make(.plane, samples: 4000, noise: 0)
    for i in 0..<clean.count {
      #expect(abs(clean.targets[i] - (clean.features[2 * i] + clean.features[2 * i + 1]) / 10) < 1e-5)
    }
    let noisy = Self.make(.plane, samples: 4000, noise: 0.2)
    let residuals = (0..<noisy.count).map { i -> Float in
      let sum = noisy.features[2 * i] + noisy.features[2 * i + 1]
      return noisy.targets[i] - sum / 10
    }
    let expected = 24.0.squareRoot() * 0.2 / 10
    #expect(abs(meanAndDeviation(residuals).deviation - expected) < 0.05 * expected)
  }

  @Test("Bump heights by hand: +-1 at the centres, 0 between, 0.5 at distance 1, largest magnitude wins")
  func bumpHeights() {
    #expect(PlanarDatasets.bumpHeight(-4, 2.5) == 1)
    #expect(PlanarDatasets.bumpHeight(0, 2.5) == -1)
    #expect(PlanarDatasets.bumpHeight(4, -2.5) == -1)
    #expect(PlanarDatasets.bumpHeight(0, 0) == 0)
    #expect(abs(PlanarDatasets.bumpHeight(-4, 1.5) - 0.5) < 1e-12)
    #expect(abs(PlanarDatasets.bumpHeight(-2.5, 2.5) - 0.25) < 1e-12)
    let clean = Self.make(.bump, samples: 500, noise: 0)
    for i in 0..<clean.count {
      let expected = PlanarDatasets.bumpHeight(Double(clean.features[2 * i]), Double(clean.features[2 * i + 1]))
      #expect(abs(Double(clean.targets[i]) - expected) < 1e-5)
    }
  }
}
