import DamTerminal
import DamTraining
import DamUI

/// The interactive program: one loop on the main thread owns the terminal.
///
/// Each turn reads one terminal event (waiting at most a frame, about 33 ms), reduces it into the UI state,
/// performs the effects the reducer asks for, takes the session's newest snapshot, and draws a frame only
/// when the state or the snapshot changed; while paused and untouched nothing is drawn. Nothing relies on
/// the main dispatch queue or the main actor: the loop blocks the main thread and never drains them.
final class InteractiveApp {
  /// The longest wait for input, which is also the tick that expires status messages.
  static let frameMilliseconds = 33

  private let terminal: any Terminal
  private let presets: InteractivePresets
  private let glyphs: GlyphSet
  private let clock = ContinuousClock()
  private var session: InteractiveSession
  private var snapshot: Snapshot
  private var follower = InteractiveSnapshotFollower()
  private var state: AppState
  private var quitReason: QuitReason?

  /// Starts training `trainer` (made from `preset`) at once; the terminal must be started.
  init(
    terminal: any Terminal, trainer: Trainer, preset: Preset, recorder: InteractiveRecorder?,
    presets: InteractivePresets, glyphs: GlyphSet
  ) {
    self.terminal = terminal
    self.presets = presets
    self.glyphs = glyphs
    session = InteractiveSession(trainer: trainer, recorder: recorder)
    snapshot = session.session.snapshot
    state = AppState(
      preset: preset, presets: presets.listings(), width: terminal.size.width, height: terminal.size.height)
  }

  /// Runs until the user quits or a signal asks to; stops the session before returning.
  /// - Returns: the signal or condition that ended the run, nil when the user quit (`q`).
  func run() -> QuitReason? {
    defer { session.stop() }
    var lastTick = clock.now
    var needsFrame = true
    while !state.isQuitting {
      if let event = terminal.readEvent(timeoutMilliseconds: Self.frameMilliseconds) {
        if case .quit(let reason) = event { quitReason = reason }
        if let input = InteractiveInput.inputEvent(for: event), apply(input) { needsFrame = true }
      }
      let now = clock.now
      if now - lastTick >= .milliseconds(Self.frameMilliseconds) {
        lastTick = now
        if apply(.tick) { needsFrame = true }
      }
      let latest = session.session.snapshot
      if follower.isNew(latest) {
        snapshot = latest
        for event in follower.follow(latest, state: state, at: now) { _ = apply(event) }
        needsFrame = true
      }
      if needsFrame && !state.isQuitting {
        terminal.present(view(state, snapshot: snapshot, glyphs: glyphs))
        needsFrame = false
      }
    }
    return quitReason
  }

  /// Reduces `event` and performs its effects; returns whether the state changed.
  private func apply(_ event: InputEvent) -> Bool {
    let before = state
    for effect in reduce(&state, event) { perform(effect) }
    return state != before
  }

  private func perform(_ effect: Effect) {
    switch effect {
    case .send(let command):
      if command == .rewind { follower.rewindSent(after: session.session.snapshot, at: clock.now) }
      session.session.send(command)
    case .loadPreset(let name):
      load(name)
    case .savePreset(let preset, let overwrite):
      _ = apply(presets.save(preset, overwrite: overwrite))
    case .quit:
      break
    }
  }

  /// Starts a session on preset `name` in place of the current one; when the preset or its data does not
  /// load, the current session goes on and the reducer shows why.
  private func load(_ name: String) {
    let preset: Preset
    let trainer: Trainer
    do {
      preset = try presets.library.resolve(name)
      trainer = try Trainer(preset: preset)
    } catch {
      _ = apply(.presetLoadFailed(name: name, message: "\(error)"))
      return
    }
    session.stop()
    session = InteractiveSession(trainer: trainer, recorder: nil)
    snapshot = session.session.snapshot
    follower = InteractiveSnapshotFollower()
    _ = apply(.presetLoaded(preset))
  }
}
