import DamScreen
import DamTraining
import DamUI
import Dispatch

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `session-ui-neurons`: the training session's throughput while the main thread draws a 200x60 frame
/// 30 times a second with the neuron view open, its activations kept fresh by a `NeuronRefresher` as
/// the interactive app does, against the same loop with the view closed (`session-ui-30fps`'s). Rounds
/// of the two alternate and the best of each counts; prints the throughput ratio (target >= 97%) and
/// the refreshes a second the open view got (target >= 4).
struct NeuronThroughput {
  static let name = "session-ui-neurons"

  /// One round: steps per second and the neuron refreshes a second it got.
  struct Round {
    var stepsPerSecond = 0.0
    var refreshesPerSecond = 0.0
  }

  let preset: Preset
  /// How long each round trains, in seconds.
  let roundSeconds: Double

  /// Alternates `rounds` rounds of each kind; returns the best of each.
  func measure(rounds: Int) throws -> (closed: Round, open: Round) {
    var closed = Round()
    var open = Round()
    for _ in 0..<rounds {
      let without = try round(neurons: false)
      if without.stepsPerSecond > closed.stepsPerSecond { closed = without }
      let with = try round(neurons: true)
      if with.stepsPerSecond > open.stepsPerSecond { open = with }
    }
    return (closed, open)
  }

  /// Runs the `neurons` workload when `wanted` and adds it to `report`.
  static func run(preset: Preset, timer: Timer, report: Report, wanted: (String) -> Bool) throws {
    guard wanted(name) else { return }
    let throughput = NeuronThroughput(preset: preset, roundSeconds: max(1, timer.roundSeconds * 5))
    let (closed, open) = try throughput.measure(rounds: max(2, timer.rounds / 2))
    let batch = preset.training.batchSize
    report.add(
      Measurement(
        name: name, secondsPerIteration: 1 / open.stepsPerSecond, samplesPerIteration: batch, flopsPerIteration: 0))
    if !report.json {
      let ratio = open.stepsPerSecond / max(closed.stepsPerSecond, 1e-9)
      print(
        "neuron view open: \(String(format: "%.1f", ratio * 100))% of the throughput with it closed (target >= 97%), "
          + "\(String(format: "%.1f", open.refreshesPerSecond)) refreshes/s (target >= 4)")
    }
  }

  /// Trains a fresh session for `roundSeconds` while drawing frames at 30 fps, with the neuron view open
  /// and refreshed when `neurons`.
  private func round(neurons: Bool) throws -> Round {
    var state = AppState(
      preset: preset, presets: [], width: UIBenchmark.frameSize.width, height: UIBenchmark.frameSize.height)
    if neurons { _ = reduce(&state, .key(.character("N"))) }
    let refresher = NeuronRefresher()
    let session = TrainingSession(trainer: try Trainer(preset: preset))
    let start = DispatchTime.now().uptimeNanoseconds
    let end = start + UInt64(roundSeconds * 1e9)
    var nextFrame = start
    var refreshes = 0
    var now = start
    while now < end {
      if now >= nextFrame {
        let snapshot = session.snapshot
        if neurons {
          let weights = snapshot.weights.reduce(0) { $0 + $1.values.count }
          refresher.refresh(
            session, version: snapshot.version, grid: NeuronActivations.liveGridSize(weightCount: weights))
          if let computed = refresher.take() {
            _ = reduce(&state, .neuronsComputed(computed))
            refreshes += 1
          }
        }
        _ = view(state, snapshot: snapshot, glyphs: .braille)
        nextFrame += SessionThroughput.frameNanoseconds
      }
      now = DispatchTime.now().uptimeNanoseconds
      let wake = min(nextFrame, end)
      if wake > now { usleep(UInt32(min((wake - now) / 1000, 1_000_000))) }
      now = DispatchTime.now().uptimeNanoseconds
    }
    session.stopAndWait()
    let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    return Round(
      stepsPerSecond: Double(session.snapshot.step) / elapsed, refreshesPerSecond: Double(refreshes) / elapsed)
  }
}
