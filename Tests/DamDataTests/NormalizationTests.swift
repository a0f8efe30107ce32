import DamEngine
import Testing

@testable import DamData

@Suite("Normalization and feature scale")
struct NormalizationTests {
  func prepared(_ normalize: DataSpec.Normalization, featureScale: Double = 1, source: DataSpec.Source = .gauss)
    throws(DataError) -> PreparedData
  {
    var spec = DataSpec()
    spec.dataset = source
    spec.samples = 1000
    spec.normalize = normalize
    spec.featureScale = featureScale
    return try spec.prepare(seed: 21)
  }

  @Test("Standard: statistics come from the training split only; training features get mean 0 and std 1")
  func standard() throws {
    let raw = try prepared(.none)
    let normalized = try prepared(.standard)
    for j in 0..<2 {
      let trainStats = meanAndDeviation(column(raw.train, j))
      let allStats = meanAndDeviation(column(raw.train, j) + column(raw.validation, j))
      #expect(abs(Double(normalized.normalization.mean[j]) - trainStats.mean) < 1e-5)
      #expect(abs(Double(normalized.normalization.standardDeviation[j]) - trainStats.deviation) < 1e-5)
      #expect(abs(trainStats.mean - allStats.mean) > 1e-4, "the test needs splits with different means")
      let result = meanAndDeviation(column(normalized.train, j))
      #expect(abs(result.mean) < 1e-5 && abs(result.deviation - 1) < 1e-5)
      let validation = column(normalized.validation, j)
      let expected = column(raw.validation, j).map { ($0 - Float(trainStats.mean)) / Float(trainStats.deviation) }
      #expect(zip(validation, expected).allSatisfy { abs($0 - $1) < 1e-4 })
    }
  }

  @Test("Min-max maps the training split onto [0, 1] exactly at its extremes")
  func minmax() throws {
    let data = try prepared(.minmax)
    for j in 0..<2 {
      let values = column(data.train, j)
      #expect(abs(values.min()!) < 1e-6 && abs(values.max()! - 1) < 1e-6)
    }
  }

  @Test("A constant feature is only centred by standard and maps to 0 under min-max")
  func constantFeature() throws {
    let training = Dataset(
      features: [1, 5, 2, 5, 3, 5], targets: [0, 1, 0], featureNames: ["a", "b"], classLabels: ["n", "p"])
    let standard = NormalizationStatistics(fitting: training, method: .standard)
    #expect(standard.multiplier[1] == 1 && standard.apply(to: training).features[1] == 0)
    #expect(abs(standard.multiplier[0] - 1 / (2.0 / 3).squareRoot()) < 1e-6)
    let minmax = NormalizationStatistics(fitting: training, method: .minmax)
    #expect(minmax.apply(to: training).features == [0, 0, 0.5, 0, 1, 0])
  }

  @Test("feature_scale scales raw feature j by feature_scale^j: none keeps it, standard and minmax undo it")
  func featureScale() throws {
    let raw = try prepared(.none)
    let scaledRaw = try prepared(.none, featureScale: 1000)
    #expect(column(scaledRaw.train, 0) == column(raw.train, 0))
    #expect(column(scaledRaw.train, 1) == column(raw.train, 1).map { $0 * 1000 })
    for method in [DataSpec.Normalization.standard, .minmax] {
      let plain = try prepared(method)
      let scaled = try prepared(method, featureScale: 1000)
      for j in 0..<2 {
        let same = zip(column(scaled.train, j), column(plain.train, j)).allSatisfy { abs($0 - $1) <= 1e-4 }
        #expect(same, "\(method) undoes the scale of feature \(j)")
      }
    }
  }

  @Test("A feature_scale whose power overflows Float for the feature count is an error")
  func featureScaleOverflow() {
    let error = dataError { () throws(DataError) in _ = try prepared(.none, featureScale: 1e6, source: .digits) }
    #expect(error?.description.hasPrefix("data.feature_scale = 1000000.0 is out of range") == true)
  }

  @Test("denormalize undoes normalize")
  func roundTrip() throws {
    let stats = try prepared(.standard, featureScale: 10).normalization
    for value: Float in [-3, 0, 0.25, 7] {
      #expect(abs(stats.denormalize(stats.normalize(value, feature: 1), feature: 1) - value) < 1e-5)
    }
  }
}
