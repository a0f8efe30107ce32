/// Whether training runs, waits, or has diverged.
public enum RunState: Sendable, Hashable {
  /// Training steps are being taken.
  case running
  /// Training waits for the user.
  case paused
  /// The loss became NaN or infinite; training stopped.
  case diverged

  /// The word shown in the status bar.
  public var label: String {
    switch self {
    case .running: "running"
    case .paused: "paused"
    case .diverged: "diverged"
    }
  }

  /// Green, yellow or red, bold.
  public var style: Style {
    switch self {
    case .running: Style(foreground: .green, bold: true)
    case .paused: Style(foreground: .yellow, bold: true)
    case .diverged: Style(foreground: .red, bold: true)
    }
  }
}

/// The status line: state, step, losses, accuracy, throughput, speed limit, preset and the current finding.
///
/// Segments are separated by ` | ` and dropped, least important first, when the width runs out (the
/// state and step always stay). The finding goes on a second row when the area has one, else after
/// the segments when at least 12 of its characters fit.
public struct StatusBar: Widget, Hashable {
  /// Running, paused or diverged.
  public var state: RunState
  /// The number of steps taken.
  public var step: Int
  /// The current epoch.
  public var epoch: Int?
  /// Throughput in training samples per second.
  public var samplesPerSecond: Double?
  /// The speed limit in words ("200 steps/s", "max speed").
  public var speed: String?
  /// The latest training loss.
  public var trainingLoss: Double?
  /// The latest validation loss.
  public var validationLoss: Double?
  /// The latest validation accuracy, as a fraction.
  public var accuracy: Double?
  /// The preset's name.
  public var preset: String?
  /// The most important finding in plain words, e.g. "vanishing gradients in layers 1-4: try relu".
  public var finding: String?
  /// While a fork runs, its segment ("B loss 0.29 val 0.3"); the main run's losses are then labelled `A`
  /// and kept as long as the fork's.
  public var fork: String?

  /// Creates a status bar.
  public init(
    state: RunState, step: Int, epoch: Int? = nil, samplesPerSecond: Double? = nil, speed: String? = nil,
    trainingLoss: Double? = nil, validationLoss: Double? = nil, accuracy: Double? = nil, preset: String? = nil,
    finding: String? = nil,
    fork: String? = nil
  ) {
    self.state = state
    self.step = step
    self.epoch = epoch
    self.samplesPerSecond = samplesPerSecond
    self.speed = speed
    self.trainingLoss = trainingLoss
    self.validationLoss = validationLoss
    self.accuracy = accuracy
    self.preset = preset
    self.finding = finding
    self.fork = fork
  }

  /// The segments in display order, each with its priority (lower is kept longer).
  func segments() -> [(text: String, style: Style, priority: Int)] {
    var result: [(String, Style, Int)] = [(state.label, state.style, 0), ("step \(step)", .plain, 0)]
    if let epoch { result.append(("epoch \(epoch)", .plain, 5)) }
    let branch = fork == nil ? "" : "A "
    if let trainingLoss { result.append(("\(branch)loss \(NumberFormat.compact(trainingLoss))", .plain, 1)) }
    if let validationLoss {
      result.append(("\(branch)val \(NumberFormat.compact(validationLoss))", .plain, fork == nil ? 2 : 1))
    }
    if let accuracy { result.append(("acc \(NumberFormat.percent(accuracy))", .plain, 3)) }
    if let samplesPerSecond { result.append(("\(NumberFormat.compact(samplesPerSecond))/s", .plain, 6)) }
    if let speed { result.append((speed, .plain, 7)) }
    if let fork { result.append((fork, Style(bold: true), 1)) }
    if let preset { result.append((preset, Style(bold: true), 4)) }
    return result
  }

  /// Draws the bar.
  public func render(in area: Rect, buffer: inout ScreenBuffer) {
    let area = area.intersection(buffer.area)
    guard !area.isEmpty else { return }
    let separator = " | "
    var kept = segments()
    func width(_ parts: [(text: String, style: Style, priority: Int)]) -> Int {
      parts.map(\.text.count).reduce(0, +) + separator.count * max(0, parts.count - 1)
    }
    while width(kept) > area.width,
      let drop = kept.indices.filter({ kept[$0].priority > 0 }).max(by: { kept[$0].priority < kept[$1].priority })
    {
      kept.remove(at: drop)
    }
    var x = area.x
    for (index, segment) in kept.enumerated() {
      if index > 0 { x = buffer.write(separator, x: x, y: area.y, style: Style(dim: true), within: area) }
      x = buffer.write(segment.text, x: x, y: area.y, style: segment.style, within: area)
    }
    guard let finding, !finding.isEmpty else { return }
    if area.height >= 2 {
      buffer.write(finding, x: area.x, y: area.y + 1, style: Style(foreground: .yellow), within: area)
    } else if area.maxX - x - separator.count >= min(finding.count, 12) {
      x = buffer.write(separator, x: x, y: area.y, style: Style(dim: true), within: area)
      buffer.write(finding, x: x, y: area.y, style: Style(foreground: .yellow), within: area)
    }
  }
}
