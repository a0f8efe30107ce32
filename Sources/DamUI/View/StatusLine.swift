import DamTraining

/// The status bar: running / paused / diverged, the step, epoch, losses, accuracy, throughput and
/// preset on the first row; on the second the message of the last key (or the session's refusal),
/// else the most important finding, with the keys for all findings and help at its right end.
struct StatusLine: Widget {
  /// The UI state: run state, preset and status message.
  let state: AppState
  /// The session's latest snapshot, nil before the first.
  let snapshot: Snapshot?

  func render(in area: Rect, buffer: inout ScreenBuffer) {
    let area = area.intersection(buffer.area)
    guard !area.isEmpty else { return }
    let evaluation = snapshot?.evaluation
    let rate = snapshot?.samplesPerSecond ?? 0
    let bar = StatusBar(
      state: state.runState, step: snapshot?.step ?? 0, epoch: snapshot?.epoch,
      samplesPerSecond: rate > 0 ? rate : nil, trainingLoss: evaluation?.trainingLoss ?? snapshot?.batchLoss,
      validationLoss: evaluation?.validationLoss, accuracy: evaluation?.validationAccuracy, preset: state.preset.name,
      finding: secondLine)
    bar.render(in: area, buffer: &buffer)
    let hintX = area.maxX - hint.count
    if area.height >= 2, hintX >= area.x + (secondLine?.count ?? 0) + 2 {
      buffer.write(hint, x: hintX, y: area.y + 1, style: Style(dim: true), within: area)
    }
  }

  /// What the second row says: the last key's message, the session's refusal, or the top finding.
  var secondLine: String? {
    if let message = state.statusMessage { return message }
    if let message = snapshot?.message { return message }
    return snapshot?.findings.first?.message
  }

  /// The keys at the right end of the second row: findings (with their count) and help.
  var hint: String {
    let count = snapshot?.findings.count ?? 0
    return count > 1 ? "f: \(count) findings  ?: keys" : "?: keys  q: quit"
  }
}
