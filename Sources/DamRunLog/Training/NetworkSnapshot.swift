import DamEngine

/// What an evaluation's histograms need of a network (`TrainingSummaries.addHistograms`), copied so that
/// another thread can build them: its layout, its step, and its parameters and gradient in storage order.
///
/// A snapshot is reused from one evaluation to the next (`BackgroundEventWriter` keeps the spare ones):
/// once its buffers have the network's size, `capture` copies into them without allocating. One thread
/// uses it at a time: the training thread captures, then hands it to the event queue, which reads it and
/// gives it back.
final class NetworkSnapshot: @unchecked Sendable {
  /// The captured network's layout (nil before the first capture).
  private(set) var layout: ParameterLayout?
  /// The captured network's step.
  private(set) var step = 0
  /// The parameters [P], storage order.
  private(set) var parameters: [Float] = []
  /// The gradient [P], storage order; only captured when `step` > 0.
  private var storedGradients: [Float] = []
  /// The gradient in PyTorch order, filled by `withGradients`.
  private var orderedGradients: [Float] = []

  /// An empty snapshot.
  init() {}

  /// A snapshot of `network`.
  convenience init(_ network: Network<Float>) {
    self.init()
    capture(network)
  }

  /// Copies `network`'s layout, step, parameters and (after its first update) gradient.
  func capture(_ network: Network<Float>) {
    layout = network.layout
    step = network.step
    network.withStoredParameters { Self.copy($0, into: &parameters) }
    if step > 0 { network.withStoredGradients { Self.copy($0, into: &storedGradients) } }
  }

  /// Calls `body` with the captured gradient in PyTorch order (each weight [out x in] row-major, as
  /// `Network.gradients`).
  /// - Precondition: `step` > 0.
  func withGradients<Result>(_ body: (UnsafeBufferPointer<Float>) -> Result) -> Result {
    precondition(step > 0, "no gradient before the first update")
    if orderedGradients.count != storedGradients.count {
      orderedGradients = [Float](repeating: 0, count: storedGradients.count)
    }
    storedGradients.withUnsafeBufferPointer { stored in
      orderedGradients.withUnsafeMutableBufferPointer { ordered in
        layout!.pytorchOrder(stored.baseAddress!, into: ordered.baseAddress!)
      }
    }
    return orderedGradients.withUnsafeBufferPointer(body)
  }

  /// Overwrites `target` with `source`, reallocating only when the sizes differ.
  private static func copy(_ source: UnsafeBufferPointer<Float>, into target: inout [Float]) {
    guard target.count == source.count else {
      target = Array(source)
      return
    }
    target.withUnsafeMutableBufferPointer { target in
      guard let base = target.baseAddress, let from = source.baseAddress else { return }
      base.update(from: from, count: source.count)
    }
  }
}
