import DamTerminal
import DamTraining
import DamUI

/// The interactive program: one loop on the main thread owns the terminal.
///
/// Each turn reads one terminal event (waiting at most a frame, about 33 ms), reduces it into the UI state,
/// performs the effects the reducer asks for, takes the sessions' newest snapshots and the background
/// experiments' results, and draws a frame only when the state or a snapshot changed; while paused and
/// untouched nothing is drawn. Nothing relies on the main dispatch queue or the main actor: the loop
/// blocks the main thread and never drains them.
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
  private var fork: InteractiveFork?
  private var forkSnapshot: Snapshot?
  private let exploration = InteractiveExploration()
  private var state: AppState
  private var quitReason: QuitReason?

  /// Starts training `trainer` (made from `preset`) at once at `speed`; the terminal must be started.
  init(
    terminal: any Terminal, trainer: Trainer, preset: Preset, speed: TrainingSpeed, recorder: InteractiveRecorder?,
    presets: InteractivePresets, glyphs: GlyphSet
  ) {
    self.terminal = terminal
    self.presets = presets
    self.glyphs = glyphs
    session = InteractiveSession(trainer: trainer, speed: speed, recorder: recorder)
    snapshot = session.session.snapshot
    state = AppState(
      preset: preset, presets: presets.listings(), width: terminal.size.width, height: terminal.size.height,
      speed: speed)
  }

  /// Runs until the user quits or a signal asks to; stops the sessions and experiments before returning.
  /// - Returns: the signal or condition that ended the run, nil when the user quit (`q`).
  func run() -> QuitReason? {
    defer {
      exploration.cancel()
      session.stop()
      fork?.stop()
    }
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
      if followSessions(at: now) { needsFrame = true }
      for event in exploration.takeEvents() where apply(event) { needsFrame = true }
      if needsFrame && !state.isQuitting {
        terminal.present(view(state, snapshot: snapshot, forkSnapshot: forkSnapshot, glyphs: glyphs))
        needsFrame = false
      }
    }
    return quitReason
  }

  /// Takes the newest snapshots of the main session and of the fork (picking up a fork that just
  /// arrived); returns whether either changed.
  private func followSessions(at now: ContinuousClock.Instant) -> Bool {
    var changed = false
    let latest = session.session.snapshot
    if follower.isNew(latest) {
      snapshot = latest
      for event in follower.follow(latest, state: state, at: now) { _ = apply(event) }
      changed = true
    }
    if let fork {
      if let arrived = fork.takeArrival() {
        arrived.setSpeed(state.speed)
        _ = apply(.forked(step: arrived.snapshot.step))
      }
      if let latest = fork.session?.snapshot, latest.version != forkSnapshot?.version {
        forkSnapshot = latest
        changed = true
      }
    }
    return changed
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
    case .setSpeed(let speed):
      session.session.setSpeed(speed)
      fork?.session?.setSpeed(speed)
    case .sendFork(let command):
      fork?.send(command)
    case .fork:
      fork = InteractiveFork(of: session.session, paused: state.runState != .running)
    case .keepBetterBranch:
      keepBetterBranch()
    case .startRangeTest(let branch, let settings):
      exploration.startRangeTest(on: trainingSession(of: branch), settings: settings)
    case .startOverfitCheck(let branch, let settings):
      exploration.startOverfitCheck(on: trainingSession(of: branch), settings: settings)
    case .cancelExploration:
      exploration.cancel()
    case .captureGhost(let ghost):
      _ = apply(.ghostCaptured(ghost.capturing(snapshot.history, through: snapshot.step)))
    case .loadPreset(let name):
      load(name)
    case .savePreset(let preset, let overwrite):
      _ = apply(presets.save(preset, overwrite: overwrite))
    case .quit:
      break
    }
  }

  /// The session of `branch`: the fork's once it runs, the main one otherwise.
  private func trainingSession(of branch: Branch) -> TrainingSession {
    branch == .fork ? fork?.session ?? session.session : session.session
  }

  /// Keeps the branch with the lower validation loss and stops the other, whose curve stays as a ghost.
  /// Keeping the fork ends the recording, as loading a preset does: it describes the main run only.
  private func keepBetterBranch() {
    guard let fork, let forkSession = fork.session else { return }
    let forkLatest = forkSession.snapshot
    let choice = BranchChoice.better(main: snapshot, fork: forkLatest)
    let dropped = choice.kept == .fork ? snapshot : forkLatest
    let ghost = state.ghost(of: choice.kept.other).capturing(dropped.history, through: dropped.step)
    if choice.kept == .fork {
      session.stop()
      session = InteractiveSession(running: forkSession)
      snapshot = forkLatest
      follower = InteractiveSnapshotFollower()
    } else {
      fork.stop()
    }
    self.fork = nil
    forkSnapshot = nil
    _ = apply(.branchKept(choice, dropped: ghost))
  }

  /// Starts a session on preset `name` in place of the current one, keeping the current run as a ghost;
  /// when the preset or its data does not load, the current session goes on and the reducer shows why.
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
    let ghost = state.currentRunGhost.capturing(snapshot.history, through: snapshot.step)
    session.stop()
    session = InteractiveSession(trainer: trainer, speed: state.speed, recorder: nil)
    snapshot = session.session.snapshot
    follower = InteractiveSnapshotFollower()
    _ = apply(.ghostCaptured(ghost))
    _ = apply(.presetLoaded(preset))
  }
}
