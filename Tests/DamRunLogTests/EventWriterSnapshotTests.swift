import DamEngine
import DamTraining
import Testing

@testable import DamRunLog

/// The event queue builds an evaluation's histograms from a `NetworkSnapshot` copied on the training
/// thread: they must be exactly those of the network itself (same values, same summation order), also
/// when the snapshot is reused for a later evaluation.
@Suite("Event writer snapshots")
struct EventWriterSnapshotTests {
  @Test("A reused snapshot gives the histograms of the network's own weights and gradient, bit for bit")
  func snapshotHistograms() throws {
    var trainer = try Trainer(preset: try PresetLibrary().resolve("default", overrides: []))
    let snapshot = NetworkSnapshot()
    for _ in 0..<2 {
      trainer.trainStep(measuringLayers: true)
      snapshot.capture(trainer.network)
      var values = SummaryValues()
      TrainingSummaries.addHistograms(of: snapshot, to: &values)
      #expect(values.values.map(\.histo) == Self.histograms(of: trainer.network).map(\.histo))
    }
  }

  @Test("Before the first update there is no gradient histogram")
  func noGradientAtStepZero() throws {
    let trainer = try Trainer(preset: try PresetLibrary().resolve("default", overrides: []))
    var values = SummaryValues()
    TrainingSummaries.addHistograms(of: NetworkSnapshot(trainer.network), to: &values)
    #expect(values.values.map(\.tag) == (0..<trainer.network.layout.layerCount).map { TrainingTags.weights(layer: $0) })
  }

  /// The histograms read from `network` directly: each layer's weights in storage order, then each
  /// layer's gradient in PyTorch order (`Network.gradients`).
  static func histograms(of network: Network<Float>) -> [Tensorboard_Summary.Value] {
    let layout = network.layout
    var values = SummaryValues()
    let ranges = (0..<layout.layerCount).map {
      layout.weightOffset[$0]..<layout.weightOffset[$0] + layout.weightCount($0)
    }
    network.withStoredParameters { parameters in
      for (layer, range) in ranges.enumerated() {
        values.addHistogram(Histogram(Array(parameters[range])), tag: TrainingTags.weights(layer: layer))
      }
    }
    let gradients = network.gradients
    for (layer, range) in ranges.enumerated() {
      values.addHistogram(Histogram(Array(gradients[range])), tag: TrainingTags.gradients(layer: layer))
    }
    return values.values
  }
}
