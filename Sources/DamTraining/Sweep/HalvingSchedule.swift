/// Successive halving (Jamieson and Talwalkar, 2016): all trials train a short budget, the best third
/// carry on (continuing from their weights) to three times the steps, and so on; the last rung trains the
/// survivors to the full budget.
///
/// With `n` trials, reduction `eta` (3) and budget `B` steps: rung 0 holds `n` trials, rung `k + 1` the best
/// `floor(n_k / eta)` of rung `k` by validation loss. Halving stops before a rung would hold fewer than two
/// trials, so the winner is always chosen among at least two trials trained for the full budget (and the
/// last rung keeps two threads busy), and before rung 0 would get less than one step. With `K` halvings,
/// rung `k` trains to `floor(B / eta^(K - k))` steps; the last rung to `B`. Fewer than `2 * eta` trials
/// make a single rung: plain random search.
///
/// Example: 16 trials, budget 900: 16 trials to 300 steps, then the best 5 to 900.
public struct HalvingSchedule: Sendable, Equatable {
  /// One round of training.
  public struct Rung: Sendable, Equatable {
    /// Trials that train in this rung.
    public let trials: Int
    /// The step every trial of the rung trains to (counted from its start, not from the previous rung).
    public let steps: Int

    /// A rung of `trials` trials trained to `steps` steps.
    public init(trials: Int, steps: Int) {
      self.trials = trials
      self.steps = steps
    }
  }

  /// The reduction factor of `dam-tui sweep`.
  public static let standardReduction = 3

  /// The rungs, first to last; the last trains to the full budget.
  public let rungs: [Rung]

  /// The schedule of `trials` trials (at least 1) with a budget of `budget` steps (at least 1).
  public init(trials: Int, budget: Int, reduction: Int = standardReduction) {
    precondition(trials >= 1 && budget >= 1 && reduction >= 2, "a schedule needs trials, steps and eta >= 2")
    var counts = [trials]
    while counts[counts.count - 1] / reduction >= 2 { counts.append(counts[counts.count - 1] / reduction) }
    var halvings = 0
    var shortest = budget
    while halvings < counts.count - 1 && shortest / reduction >= 1 {
      halvings += 1
      shortest /= reduction
    }
    var steps = budget
    var rungs: [Rung] = []
    for rung in stride(from: halvings, through: 0, by: -1) {
      rungs.append(Rung(trials: counts[rung], steps: steps))
      steps /= reduction
    }
    self.rungs = rungs.reversed()
  }
}
