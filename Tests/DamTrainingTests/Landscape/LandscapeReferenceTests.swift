import DamData
import DamEngine
import Foundation
import Testing

@testable import DamTraining

/// One network of `Tests/Fixtures/landscape_reference.json`, written by
/// `Tests/Fixtures/make_landscape_reference.py` (numpy, float64).
private struct LandscapeReference: Decodable, CustomStringConvertible {
  var name: String
  var inputs: Int
  var hidden: [Int]
  var activation: String
  var head: String
  var classes: Int
  var weights: [Double]
  var trainInputs: [Double]
  var trainTargets: [Double]
  var validationInputs: [Double]
  var validationTargets: [Double]
  var rawDirections: [[Double]]
  var directions: [[Double]]
  var axis: [Double]
  var trainLoss: [Double]
  var validationLoss: [Double]

  var description: String { name }

  static func load() throws -> [LandscapeReference] {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Fixtures/landscape_reference.json")
    return try JSONDecoder().decode([LandscapeReference].self, from: Data(contentsOf: url))
  }

  func landscape() throws -> LossLandscape {
    let head: OutputHead = head == "binary" ? .binary : .multiclass(classes: classes)
    let architecture = NetworkArchitecture(
      inputs: inputs, hidden: hidden, activation: activation == "tanh" ? .tanh : .relu, head: head)
    var network = try Network<Float>(architecture: architecture, seed: 1)
    try network.setParameters(weights.map { Float($0) })
    let names = (0..<inputs).map { "x\($0)" }
    let labels = (0..<classes).map { String($0) }
    let train = Dataset(
      features: trainInputs.map { Float($0) }, targets: trainTargets.map { Float($0) }, featureNames: names,
      classLabels: labels)
    let validation = Dataset(
      features: validationInputs.map { Float($0) }, targets: validationTargets.map { Float($0) }, featureNames: names,
      classLabels: labels)
    let data = PreparedData(
      train: train, validation: validation, normalization: NormalizationStatistics(fitting: train, method: .none),
      augmentation: Augmentation(kind: .none))
    return LossLandscape(network: network, data: data)
  }
}

@Suite("Loss landscape against numpy")
struct LandscapeReferenceTests {
  @Test("Filter normalization rescales each weight row to W's row norm and zeroes biases, as numpy does")
  func filterNormalization() throws {
    for reference in try LandscapeReference.load() {
      let landscape = try reference.landscape()
      let weights = reference.weights.map { Float($0) }
      for (raw, expected) in zip(reference.rawDirections, reference.directions) {
        let normalized = LandscapeDirections.filterNormalized(
          raw.map { Float($0) }, to: weights, layout: landscape.network.layout)
        let error = zip(normalized, expected).map { abs(Double($0) - $1) }.max() ?? .infinity
        #expect(error < 1e-5, "\(reference): max abs error \(error)")
      }
    }
  }

  @Test("The 5 x 5 grid of training and validation losses matches numpy's to float tolerance")
  func gridMatchesNumpy() throws {
    var worstAbsolute = 0.0
    var worstRelative = 0.0
    for reference in try LandscapeReference.load() {
      let landscape = try reference.landscape()
      let directions = reference.directions.map { $0.map { Float($0) } }
      for threads in [1, 3] {
        let grid = try #require(
          landscape.grid(
            origin: reference.weights.map { Float($0) }, first: directions[0], second: directions[1],
            alphas: reference.axis, betas: reference.axis, threads: threads))
        let expected = reference.trainLoss + reference.validationLoss
        for (actual, wanted) in zip(grid.trainingLoss + grid.validationLoss, expected) {
          let absolute = abs(actual - wanted)
          worstAbsolute = max(worstAbsolute, absolute)
          worstRelative = max(worstRelative, absolute / abs(wanted))
          #expect(absolute <= 1e-5 + 1e-5 * abs(wanted), "\(reference), \(threads) threads: \(actual) vs \(wanted)")
        }
      }
    }
    print("landscape vs numpy: max abs error \(worstAbsolute), max rel error \(worstRelative)")
  }
}
