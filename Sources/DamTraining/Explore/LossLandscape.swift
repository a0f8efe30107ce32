import DamData
import DamEngine
import Dispatch
import Synchronization

/// Evaluates the loss at points of weight space around a copy of a trainer's network: the loss landscape
/// (Goodfellow et al. 2015 for lines, Li et al. 2018 for planes). Every point is the engine's own
/// evaluation-mode pass (`Network.evaluate`: no dropout, batch normalization with the copy's running
/// statistics) over a whole split, so at the trainer's own weights the losses equal its evaluation's
/// `trainingLoss` and `validationLoss`. The trainer is never touched.
public struct LossLandscape: Sendable {
  /// The network whose architecture, running statistics and weights the points start from.
  public let network: Network<Float>
  /// The splits the losses are measured on.
  public let data: PreparedData

  /// A landscape around `trainer`'s current network and data.
  public init(trainer: Trainer) {
    network = trainer.network
    data = trainer.data
  }

  /// A landscape around `network` on `data`.
  public init(network: Network<Float>, data: PreparedData) {
    self.network = network
    self.data = data
  }

  /// The losses at origin + alpha * first + beta * second for every alpha and beta.
  /// - Parameters:
  ///   - origin: the weights at (0, 0), [P] in `Network.parameters` order.
  ///   - first: the alpha direction [P].
  ///   - second: the beta direction [P]; nil for a line (betas should then be [0]).
  ///   - validation: whether to measure the validation loss as well (otherwise NaN).
  ///   - threads: workers evaluating points in parallel (at least 1).
  ///   - cancellation: checked before every point; when set the result is nil.
  ///   - progress: called with (points done, points in all) after each point, from the workers.
  /// - Returns: the grid, or nil when cancelled.
  /// - Complexity: alphas x betas forward passes over the training split (and the validation split).
  public func grid(
    origin: [Float], first: [Float], second: [Float]? = nil, alphas: [Double], betas: [Double] = [0],
    validation: Bool = true, threads: Int = 1, cancellation: LandscapeCancellation = LandscapeCancellation(),
    progress: @Sendable (Int, Int) -> Void = { _, _ in }
  ) -> LandscapeGrid? {
    let total = alphas.count * betas.count
    let training = Locked([Double](repeating: .nan, count: total))
    let held = Locked([Double](repeating: .nan, count: total))
    let next = Atomic<Int>(0)
    let done = Atomic<Int>(0)
    let workers = max(1, min(threads, total))
    let evaluateValidation = validation && data.validation.count > 0
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
      var network = self.network
      var point = origin
      while !cancellation.isCancelled {
        let index = next.add(1, ordering: .relaxed).oldValue
        guard index < total else { break }
        let alpha = Float(alphas[index % alphas.count])
        let beta = Float(betas[index / alphas.count])
        for entry in point.indices {
          var value = origin[entry] + alpha * first[entry]
          if let second { value += beta * second[entry] }
          point[entry] = value
        }
        try! network.setParameters(point)
        let trainingLoss = Self.loss(of: &network, on: data.train)
        let validationLoss = evaluateValidation ? Self.loss(of: &network, on: data.validation) : .nan
        training.withLock { $0[index] = trainingLoss }
        held.withLock { $0[index] = validationLoss }
        progress(done.add(1, ordering: .relaxed).newValue, total)
      }
    }
    guard !cancellation.isCancelled else { return nil }
    return LandscapeGrid(
      alphas: alphas, betas: betas, trainingLoss: training.withLock { $0 }, validationLoss: held.withLock { $0 })
  }

  /// The mean data loss of `network` over `split` in evaluation mode (NaN for an empty split).
  private static func loss(of network: inout Network<Float>, on split: Dataset) -> Double {
    guard split.count > 0 else { return .nan }
    return try! network.evaluate(inputs: split.features, targets: split.targets, count: split.count).loss
  }
}
