import DamScreen
import DamTraining
import DamUI
import Dispatch

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The interactive UI's costs, on the built-in `default` preset:
///
/// - `ui-frame-200x60`: one frame of the main loop without the terminal: `view` of a 200x60 screen
///   (braille) for a session snapshot, then the cell diff against the previous frame that `present` writes
///   out. Consecutive frames alternate between two snapshots 200 steps apart, so every frame has changes.
///   Target: under 4 ms (4000 us/step).
/// - `session-headless` and `session-ui-30fps`: the training session's throughput on its queue while the
///   main thread sleeps, and while it builds and diffs a frame 30 times a second as the UI does. Rounds of
///   the two alternate and the best of each counts; target: the second at least 90% of the first.
/// - `session-ui-neurons`: the same with the neuron view open and refreshed (`NeuronThroughput`).
enum UIBenchmark {
  /// The screen size of the frame workload.
  static let frameSize = (width: 200, height: 60)

  /// Runs the UI workloads whose names `wanted` accepts and adds them to `report`.
  static func run(timer: Timer, report: Report, wanted: (String) -> Bool) throws {
    let preset = try PresetLibrary().resolve("default")
    if wanted(FrameBenchmark.name) {
      var frame = try FrameBenchmark(preset: preset)
      report.add(timer.measure(&frame))
    }
    try NeuronThroughput.run(preset: preset, timer: timer, report: report, wanted: wanted)
    if wanted(SessionThroughput.headlessName) || wanted(SessionThroughput.withUIName) {
      let throughput = SessionThroughput(preset: preset, roundSeconds: max(1, timer.roundSeconds * 5))
      let (headless, withUI, drawing) = try throughput.measure(rounds: max(2, timer.rounds / 2))
      report.add(headless)
      report.add(withUI)
      if !report.json {
        let ratio = (withUI.samplesPerSecond ?? 0) / max(headless.samplesPerSecond ?? 1, 1e-9)
        let cells = drawing.changedCells / max(1, drawing.frames)
        print(
          "session with the UI (\(drawing.frames) frames, \(cells) changed cells each): "
            + "\(Int((ratio * 100).rounded()))% of headless throughput (target >= 90%)")
      }
    }
  }

  /// The number of cells that differ between two frames of the same size (every cell when sizes differ):
  /// the work `present` does to find what to write.
  static func changedCells(from old: ScreenBuffer?, to new: ScreenBuffer) -> Int {
    guard let old, old.width == new.width, old.height == new.height else { return new.cells.count }
    var changed = 0
    for index in new.cells.indices where old.cells[index] != new.cells[index] { changed += 1 }
    return changed
  }
}

/// Building and diffing one 200x60 frame; see `UIBenchmark`.
struct FrameBenchmark: Benchmark {
  static let name = "ui-frame-200x60"
  var name: String { Self.name }
  var samplesPerIteration: Int? { nil }
  var flopsPerIteration: Double { 0 }

  private let state: AppState
  private let snapshots: [Snapshot]
  private var previous: ScreenBuffer?
  private var frame = 0
  /// Cells that changed over all frames drawn (kept so the diff cannot be optimized away).
  private(set) var changedCells = 0

  /// Trains `preset` for 400 steps and keeps snapshots at steps 200 and 400.
  init(preset: Preset) throws {
    let session = TrainingSession(trainer: try Trainer(preset: preset), paused: true)
    var snapshots: [Snapshot] = []
    for target in [200, 400] {
      session.send(.step(count: 200))
      snapshots.append(Self.waitForPause(of: session, atStep: target))
    }
    session.stopAndWait()
    self.snapshots = snapshots
    state = AppState(
      preset: preset, presets: [PresetListing(preset)], width: UIBenchmark.frameSize.width,
      height: UIBenchmark.frameSize.height)
  }

  mutating func run(iterations: Int) {
    for _ in 0..<iterations {
      let buffer = view(state, snapshot: snapshots[frame % snapshots.count], glyphs: .braille)
      changedCells &+= UIBenchmark.changedCells(from: previous, to: buffer)
      previous = buffer
      frame += 1
    }
  }

  /// Polls until the session has paused at `step` after a `step` command.
  private static func waitForPause(of session: TrainingSession, atStep step: Int) -> Snapshot {
    while true {
      let snapshot = session.snapshot
      if snapshot.step >= step && snapshot.status == .paused { return snapshot }
      usleep(1000)
    }
  }
}

/// The training session's samples per second with and without a 30 fps UI; see `UIBenchmark`.
struct SessionThroughput {
  static let headlessName = "session-headless"
  static let withUIName = "session-ui-30fps"
  /// The UI's frame interval.
  static let frameNanoseconds: UInt64 = 1_000_000_000 / 30

  /// One round: steps per second, and the frames the main thread drew meanwhile.
  struct Round {
    var stepsPerSecond: Double
    var frames: Int
    var changedCells: Int
  }

  let preset: Preset
  /// How long each round trains, in seconds.
  let roundSeconds: Double

  /// Alternates `rounds` rounds of each kind; returns the best of each as measurements of one step, and
  /// the best round with the UI.
  func measure(rounds: Int) throws -> (headless: Measurement, withUI: Measurement, drawing: Round) {
    var headless = 0.0
    var drawing = Round(stepsPerSecond: 0, frames: 0, changedCells: 0)
    for _ in 0..<rounds {
      headless = max(headless, try round(drawing: false).stepsPerSecond)
      let withUI = try round(drawing: true)
      if withUI.stepsPerSecond > drawing.stepsPerSecond { drawing = withUI }
    }
    let batch = preset.training.batchSize
    return (
      Measurement(
        name: Self.headlessName, secondsPerIteration: 1 / headless, samplesPerIteration: batch, flopsPerIteration: 0),
      Measurement(
        name: Self.withUIName, secondsPerIteration: 1 / drawing.stepsPerSecond, samplesPerIteration: batch,
        flopsPerIteration: 0),
      drawing
    )
  }

  /// Trains a fresh session for `roundSeconds` and returns its steps per second (from its start until `stop`
  /// took effect), with the main thread drawing frames at 30 fps when `drawing`, else sleeping.
  private func round(drawing: Bool) throws -> Round {
    let trainer = try Trainer(preset: preset)
    let state = AppState(
      preset: preset, presets: [], width: UIBenchmark.frameSize.width, height: UIBenchmark.frameSize.height)
    let start = DispatchTime.now().uptimeNanoseconds
    let end = start + UInt64(roundSeconds * 1e9)
    let session = TrainingSession(trainer: trainer)
    var result = Round(stepsPerSecond: 0, frames: 0, changedCells: 0)
    var previous: ScreenBuffer?
    var nextFrame = start
    var now = start
    while now < end {
      if drawing && now >= nextFrame {
        let buffer = view(state, snapshot: session.snapshot, glyphs: .braille)
        result.changedCells += UIBenchmark.changedCells(from: previous, to: buffer)
        result.frames += 1
        previous = buffer
        nextFrame += Self.frameNanoseconds
        now = DispatchTime.now().uptimeNanoseconds
      }
      let wake = drawing ? min(nextFrame, end) : end
      if wake > now { usleep(UInt32(min((wake - now) / 1000, 1_000_000))) }
      now = DispatchTime.now().uptimeNanoseconds
    }
    session.stopAndWait()
    let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    result.stepsPerSecond = Double(session.snapshot.step) / elapsed
    return result
  }
}
