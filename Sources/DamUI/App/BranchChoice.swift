import DamScreen
import DamTraining

/// Which branch `F` keeps and why: the one with the lower validation loss in its latest evaluation. A
/// branch that diverged, or has no finite validation loss, loses; a tie keeps the main branch.
public struct BranchChoice: Sendable, Hashable {
  /// The branch kept.
  public var kept: Branch
  /// Why, in words for the status line: "kept B: validation loss 0.21 at step 5.12k < A's 0.25 at 5.1k".
  public var reason: String

  /// Creates a choice.
  public init(kept: Branch, reason: String) {
    self.kept = kept
    self.reason = reason
  }

  /// The better of the main branch's and the fork's latest snapshots.
  public static func better(main: Snapshot, fork: Snapshot) -> BranchChoice {
    let scores = [Branch.main: validationLoss(of: main), .fork: validationLoss(of: fork)]
    switch (scores[.main] ?? nil, scores[.fork] ?? nil) {
    case (nil, nil):
      return BranchChoice(kept: .main, reason: "kept A: neither branch has a finite validation loss yet")
    case (.some, nil):
      return BranchChoice(kept: .main, reason: "kept A: B has no finite validation loss" + diverged(fork))
    case (nil, .some):
      return BranchChoice(kept: .fork, reason: "kept B: A has no finite validation loss" + diverged(main))
    case (.some(let a), .some(let b)):
      let kept: Branch = b.loss < a.loss ? .fork : .main
      let (winner, loser) = kept == .main ? (a, b) : (b, a)
      let relation = winner.loss < loser.loss ? "<" : "="
      return BranchChoice(
        kept: kept,
        reason: "kept \(kept.letter): validation loss \(NumberFormat.compact(winner.loss)) at step "
          + "\(NumberFormat.count(Double(winner.step))) \(relation) \(kept.other.letter)'s "
          + "\(NumberFormat.compact(loser.loss)) at \(NumberFormat.count(Double(loser.step)))")
    }
  }

  /// The latest finite validation loss of a branch that has not diverged, with its step.
  private static func validationLoss(of snapshot: Snapshot) -> (loss: Double, step: Int)? {
    guard snapshot.status != .diverged, let evaluation = snapshot.evaluation, evaluation.validationLoss.isFinite
    else { return nil }
    return (evaluation.validationLoss, evaluation.step)
  }

  private static func diverged(_ snapshot: Snapshot) -> String {
    snapshot.status == .diverged ? " (it diverged)" : ""
  }
}
