import DamScreen
import DamTraining
import Foundation

/// The status bar: running / paused / diverged, the step, epoch, losses, accuracy, throughput, speed limit
/// and preset on the first row; on the second the message of the last key (or the session's refusal),
/// else the most important finding, cut to leave room for the keys of all findings and help at its
/// right end. The action `a` applies stays whole: the explanation before it is cut instead.
struct StatusLine: Widget {
  /// The UI state: run state, preset and status message.
  let state: AppState
  /// The session's latest snapshot, nil before the first.
  let snapshot: Snapshot?
  /// The fork's latest snapshot while a fork runs.
  let forkSnapshot: Snapshot?

  /// The fewest characters of the second line kept before the key hint is dropped instead.
  static let minimumLineWidth = 20
  /// The fewest characters of a finding's explanation kept before the offered action; with less room the
  /// whole line is cut at its end instead.
  static let minimumExplanationWidth = 12

  func render(in area: Rect, buffer: inout ScreenBuffer) {
    let area = area.intersection(buffer.area)
    guard !area.isEmpty else { return }
    let hint = hint
    let room = area.width - hint.count - 2
    let showsHint = area.height >= 2 && room >= Self.minimumLineWidth
    let line = secondLine.map { showsHint ? $0.fitted(to: room) : $0.whole }
    let evaluation = snapshot?.evaluation
    let rate = snapshot?.samplesPerSecond ?? 0
    let bar = StatusBar(
      state: state.runState, step: snapshot?.step ?? 0, epoch: snapshot?.epoch,
      samplesPerSecond: rate > 0 ? rate : nil, speed: state.speed.description,
      trainingLoss: evaluation?.trainingLoss ?? snapshot?.batchLoss,
      validationLoss: evaluation?.validationLoss, accuracy: evaluation?.validationAccuracy, preset: state.preset.name,
      finding: line, fork: forkSegment)
    bar.render(in: area, buffer: &buffer)
    if showsHint {
      buffer.write(hint, x: area.maxX - hint.count, y: area.y + 1, style: Style(dim: true), within: area)
    }
  }

  /// The fork's losses while it runs: "B loss 0.29 val 0.3", or "B forking" before its session runs.
  var forkSegment: String? {
    guard state.fork != nil else { return nil }
    guard let fork = forkSnapshot, state.fork?.startStep != nil else { return "B forking" }
    var text = "B"
    if let loss = fork.evaluation?.trainingLoss ?? fork.batchLoss { text += " loss \(NumberFormat.compact(loss))" }
    if let validation = fork.evaluation?.validationLoss { text += " val \(NumberFormat.compact(validation))" }
    if fork.status == .diverged { text += " diverged" }
    return text
  }

  /// What the second row says: the last key's message, the session's refusal, or the top finding with the
  /// action `a` applies in place of its advice ("...: a: lower the learning rate 3x (10 -> 3.33)").
  var secondLine: SecondLine? {
    if let message = state.statusMessage { return SecondLine(explanation: message) }
    if let message = snapshot?.message { return SecondLine(explanation: message) }
    guard let leading = snapshot?.findings.first else { return nil }
    guard let offer = state.offeredAction else { return SecondLine(explanation: leading.message) }
    return offer.finding.id == leading.id
      ? SecondLine(explanation: leading.evidence, action: ": a: \(offer.action.summary)")
      : SecondLine(explanation: leading.message, action: " | a: \(offer.action.summary)")
  }

  /// The second row's text: an explanation, and the offered action (with its separator) that follows it.
  struct SecondLine: Equatable {
    /// A message, or the finding's evidence or message.
    var explanation: String
    /// ": a: ACTION" or " | a: ACTION" when `a` offers an action.
    var action = ""

    /// The whole line.
    var whole: String { explanation + action }

    /// Punctuation that would dangle before the "..." of a cut explanation ("ln(2) =...").
    static let danglingPunctuation = CharacterSet(charactersIn: " =,:;")

    /// The line in at most `room` characters: whole when it fits; else the explanation cut with "..."
    /// (after a word when one ends late enough, without dangling punctuation) before the whole action while `minimumExplanationWidth`
    /// characters of it fit; else cut at its end.
    func fitted(to room: Int) -> String {
      guard whole.count > room else { return whole }
      let kept = room - action.count - 3
      guard !action.isEmpty, kept >= StatusLine.minimumExplanationWidth else {
        return String(whole.prefix(max(0, room - 3))) + "..."
      }
      var cut = explanation.prefix(kept)
      if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) >= kept / 2 {
        cut = cut[..<space]
      }
      return String(cut).trimmingCharacters(in: Self.danglingPunctuation) + "..." + action
    }
  }

  /// The keys at the right end of the second row: findings (with their count) and help.
  var hint: String {
    let count = snapshot?.findings.count ?? 0
    return count > 1 ? "d: \(count) findings  ?: keys" : "?: keys  q: quit"
  }
}
