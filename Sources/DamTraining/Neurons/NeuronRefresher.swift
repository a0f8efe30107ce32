import Dispatch

/// Keeps the neuron view's activations fresh while a session trains, off its training queue: at most
/// once per `interval`, and only when a newer snapshot was published, it copies the session's trainer
/// between two steps and computes `NeuronActivations` on the copy on a background queue; a slow
/// computation stretches the wait to 33 times its own time. One
/// computation is in flight at a time; `take` hands over the newest result once.
///
/// The training queue only pays for handing over the network (a value: its next step copies the
/// parameters it shares with the copy); the forward passes run on the refresher's queue.
public final class NeuronRefresher: Sendable {
  /// The default shortest time between two refreshes: 0.2 s, five refreshes a second.
  public static let defaultInterval = 0.2

  private struct State: Sendable {
    var inFlight = false
    var lastRequest: UInt64 = 0
    var lastVersion: Int?
    var lastCost: UInt64 = 0
    var generation = 0
    var result: NeuronActivations?
    var completed = 0
  }

  /// A refresh waits at least this many times the last computation's time, so computing takes at most
  /// about 3% of the time (as the session's data-panel views do).
  static let costShare: UInt64 = 33

  private let queue = DispatchQueue(label: "dam-tui.neurons", qos: .utility)
  private let state = Locked(State())
  private let intervalNanoseconds: UInt64

  /// A refresher that computes at most once per `interval` seconds.
  public init(interval: Double = NeuronRefresher.defaultInterval) {
    intervalNanoseconds = UInt64(max(interval, 0) * 1e9)
  }

  /// The number of computations finished since the refresher was made.
  public var completedCount: Int { state.withLock { $0.completed } }

  /// Starts a computation on a copy of `session`'s trainer with a `grid` x `grid` plane when none is in
  /// flight, the last one started `interval` ago or more, and `version` (the newest snapshot's) differs
  /// from the one of the last computation; otherwise does nothing.
  public func refresh(_ session: TrainingSession, version: Int, grid: Int) {
    let now = DispatchTime.now().uptimeNanoseconds
    let generation: Int? = state.withLock { state in
      let wait = max(intervalNanoseconds, Self.costShare * state.lastCost)
      guard !state.inFlight, state.lastVersion != version, now - state.lastRequest >= wait else { return nil }
      state.inFlight = true
      state.lastRequest = now
      state.lastVersion = version
      return state.generation
    }
    guard let generation else { return }
    let (queue, state) = (queue, state)
    session.copyTrainer { trainer in
      // Only the network and data leave the training queue: the trainer's history and findings, which
      // the next step appends to, stay unshared, so the step copies none of them.
      let (network, data, step) = (trainer.network, trainer.data, trainer.step)
      queue.async {
        let started = DispatchTime.now().uptimeNanoseconds
        let computed = NeuronActivations.compute(network: network, data: data, step: step, grid: grid)
        let cost = DispatchTime.now().uptimeNanoseconds - started
        state.withLock { state in
          guard state.generation == generation else { return }
          state.inFlight = false
          state.lastCost = cost
          state.result = computed
          state.completed += 1
        }
      }
    }
  }

  /// The newest result not taken yet, if any.
  public func take() -> NeuronActivations? {
    state.withLock { state in
      defer { state.result = nil }
      return state.result
    }
  }

  /// Forgets the computation in flight and any result not taken (the view closed, or the session
  /// changed): the next `refresh` starts at once.
  public func reset() {
    state.withLock { state in
      state = State(generation: state.generation + 1, completed: state.completed)
    }
  }
}
