/// The weights a run passed through since they were last set, for the loss landscape's path plane
/// (Li et al. 2018, section 7): the parameters at the start and at evaluations, at most `capacity` of
/// them spread over the whole run. When full, every other point is dropped and the stride between kept
/// evaluations doubles, so a long run keeps an even sample of its path.
public struct WeightTrajectory: Sendable {
  /// The most points kept.
  public let capacity: Int
  /// The kept parameter vectors [P] (`Network.parameters` order) with their session steps, oldest first.
  public private(set) var points: [(step: Int, parameters: [Float])] = []
  /// Evaluations between two kept points.
  private var stride = 1
  /// Evaluations offered since the last kept point.
  private var skipped = 0

  /// An empty trajectory that keeps at most `capacity` points (at least 2).
  public init(capacity: Int = 64) {
    self.capacity = max(2, capacity)
  }

  /// Offers the weights of `step`; kept when the stride says so (`parameters` is read only then, so an
  /// evaluation that keeps no point copies no weights).
  public mutating func offer(step: Int, parameters: @autoclosure () -> [Float]) {
    if let last = points.last, last.step == step { return }
    skipped += 1
    guard points.isEmpty || skipped >= stride else { return }
    skipped = 0
    points.append((step, parameters()))
    if points.count >= capacity {
      points = points.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
      stride *= 2
    }
  }
}
