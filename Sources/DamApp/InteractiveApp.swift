import DamScreen
import DamTerminal
import DamTraining
import DamUI

/// The interactive program: one loop on the calling thread owns the terminal.
///
/// Each turn reads one terminal event (waiting at most a frame, about 33 ms), then feeds the loop's
/// event queue to the reducer: the terminal's event, a tick each frame, what changed in the sessions'
/// newest snapshots, and the background experiments' results. The effects the reducer asks for are
/// performed in order; the events they answer with (a ghost captured, a preset loaded or saved, a branch
/// kept) join the queue and are reduced in turn, so nothing re-enters the reducer from inside an effect
/// (Bubble Tea's commands). A frame is drawn only when the state or a snapshot changed; while paused and
/// untouched nothing is drawn. Nothing relies on the main dispatch queue or the main actor: the loop
/// blocks its thread and never drains them.
///
/// The sessions are the source of truth for the settings and run state: see `SessionFollower`.
public final class InteractiveApp {
  /// The longest wait for input, which is also the tick that expires status messages.
  public static let frameMilliseconds = 33

  private let terminal: any Terminal
  private let presets: InteractivePresets
  private let glyphs: GlyphSet
  private let sessions: SessionFactory
  private let runs: RunCatalog
  private let logDirectory: String?
  private let logWarnings = RunLogWarnings()
  private let clock = ContinuousClock()
  private var session: InteractiveSession
  private var snapshot: Snapshot
  private var fork: InteractiveFork?
  private var forkSnapshot: Snapshot?
  private let exploration = InteractiveExploration()
  private let survey = InteractiveSurvey()
  private let neurons = NeuronRefresher()
  private var state: AppState
  private var queue = EventQueue()
  private var quitReason: QuitReason?
  /// The `--record` of the first session, until a failure to write it has been shown.
  private var unreportedRecorder: InteractiveRecorder?
  /// The journal of each session run so far, oldest first: a session ends when another preset is loaded,
  /// when `F` keeps the fork, and when `run()` returns, which adds the last one. Each is also written as
  /// `journal.md` in its session's run directory (a dropped fork's too).
  public private(set) var journals: [SessionJournal] = []

  /// Starts training `trainer` (made from `preset`) at once at `speed`; the terminal must be started.
  /// - Parameters:
  ///   - terminal: where keys come from and frames go.
  ///   - recorder: where the first session's applied commands are recorded (`--record`), if anywhere.
  ///   - presets: what the picker offers and where `s` saves.
  ///   - glyphs: the glyph set the screen is drawn with.
  ///   - sessions: how sessions and forks are started.
  ///   - runs: the run log the run browser (`R`) lists.
  ///   - logDirectory: where each session writes its run directory (`RunDirectory`; a fork's branch B
  ///     as a sibling), or nil for none (`--no-log`).
  ///   - comparing: an earlier run to show as a ghost from the start (`--compare`).
  public init(
    terminal: any Terminal, trainer: Trainer, preset: Preset, speed: TrainingSpeed, recorder: InteractiveRecorder?,
    presets: InteractivePresets, glyphs: GlyphSet, sessions: SessionFactory = SessionFactory(),
    runs: RunCatalog = RunCatalog(root: RunDirectory.defaultParent), logDirectory: String? = nil,
    comparing: GhostRun? = nil
  ) {
    self.terminal = terminal
    self.presets = presets
    self.glyphs = glyphs
    self.sessions = sessions
    self.runs = runs
    self.logDirectory = logDirectory
    session = InteractiveSession(
      trainer: trainer, speed: speed, recorder: recorder,
      log: SessionLog(parent: logDirectory, preset: preset, warnings: logWarnings), sessions: sessions)
    unreportedRecorder = recorder
    snapshot = session.session.snapshot
    state = AppState(
      preset: preset, presets: presets.listings(), width: terminal.size.width, height: terminal.size.height,
      speed: speed, stopsAtEnd: sessions.stopsAtEnd)
    if let comparing { queue.add(.runGhostLoaded(comparing)) }
  }

  /// Runs until the user quits or a signal asks to; stops the sessions and experiments before returning.
  /// - Returns: the signal or condition that ended the run, nil when the user quit (`q`).
  public func run() -> QuitReason? {
    defer {
      exploration.cancel()
      session.stop()
      stopFork()
      keepJournal()
    }
    var lastTick = clock.now
    var needsFrame = true
    while !state.isQuitting {
      if let event = terminal.readEvent(timeoutMilliseconds: Self.frameMilliseconds) {
        if case .quit(let reason) = event { quitReason = reason }
        if let input = InteractiveInput.inputEvent(for: event) { queue.add(input) }
      }
      let now = clock.now
      if now - lastTick >= .milliseconds(Self.frameMilliseconds) {
        lastTick = now
        queue.add(.tick)
      }
      if reduceQueue() { needsFrame = true }
      if let failure = unreportedRecorder?.failure {
        unreportedRecorder = nil
        queue.add(.recordingFailed(failure))
      }
      if let warning = logWarnings.take() { queue.add(.runLogFailed(warning)) }
      if followSessions() { needsFrame = true }
      queue.add(contentsOf: exploration.takeEvents())
      queue.add(contentsOf: survey.takeEvents())
      followNeurons()
      if reduceQueue() { needsFrame = true }
      if needsFrame && !state.isQuitting {
        terminal.present(
          view(
            state, snapshot: snapshot, forkSnapshot: forkSnapshot, glyphs: glyphs,
            colors: terminal.capabilities.colors))
        needsFrame = false
      }
    }
    return quitReason
  }

  /// Reduces the queued events in order, performing each one's effects and queueing the events those
  /// answer with, until the queue is empty; returns whether the state changed.
  private func reduceQueue() -> Bool {
    let before = state
    while let event = queue.next() {
      for effect in reduce(&state, event) { queue.add(contentsOf: perform(effect)) }
    }
    return state != before
  }

  /// Takes the newest snapshots of the main session and of the fork (picking up a fork that just
  /// arrived), queueing the events that bring the state up to date; returns whether either changed.
  private func followSessions() -> Bool {
    var changed = false
    let latest = session.session.snapshot
    if session.follower.isNew(latest) {
      snapshot = latest
      session.follower.follow(latest)
      queue.add(contentsOf: session.follower.events(following: latest, of: .main, in: state))
      changed = true
    }
    if let fork {
      if let arrived = fork.takeArrival() {
        arrived.setSpeed(state.speed)
        queue.add(.forked(step: arrived.snapshot.step))
      }
      if let latest = fork.session?.snapshot, fork.follower.isNew(latest) {
        forkSnapshot = latest
        fork.follower.follow(latest)
        queue.add(contentsOf: fork.follower.events(following: latest, of: .fork, in: state))
        changed = true
      }
    }
    return changed
  }

  /// While the neuron view is open, asks for fresh activations of the edited branch (the refresher
  /// limits how often) and queues the newest that arrived; forgets them while it is closed.
  private func followNeurons() {
    guard state.neurons != nil else { return neurons.reset() }
    let edited = state.editedBranch == .fork ? forkSnapshot ?? snapshot : snapshot
    let weightCount = edited.weights.reduce(0) { $0 + $1.values.count }
    neurons.refresh(
      trainingSession(of: state.editedBranch), version: edited.version,
      grid: NeuronActivations.liveGridSize(weightCount: weightCount))
    if let computed = neurons.take() { queue.add(.neuronsComputed(computed)) }
  }

  /// Does what `effect` asks; returns the events that report the outcome, for the queue.
  private func perform(_ effect: Effect) -> [InputEvent] {
    switch effect {
    case .send(let command):
      session.send(command)
    case .setSpeed(let speed):
      session.session.setSpeed(speed)
      fork?.session?.setSpeed(speed)
    case .sendFork(let command):
      fork?.send(command)
    case .fork:
      fork = InteractiveFork(of: session, paused: state.runState != .running, sessions: sessions)
    case .keepBetterBranch:
      return keepBetterBranch()
    case .startRangeTest(let branch, let settings):
      exploration.startRangeTest(on: trainingSession(of: branch), settings: settings)
    case .startOverfitCheck(let branch, let settings):
      exploration.startOverfitCheck(on: trainingSession(of: branch), settings: settings)
    case .surveyInitialization(let branch):
      survey.start(on: trainingSession(of: branch))
    case .startLandscape(let branch, let kind):
      let branches = fork?.session.map { (a: session.session, b: $0) }
      exploration.startLandscape(kind, on: trainingSession(of: branch), branches: branches)
    case .cancelExploration:
      exploration.cancel()
    case .captureGhost(let ghost):
      return [.ghostCaptured(ghost.capturing(snapshot.history, through: snapshot.step))]
    case .loadPreset(let name):
      return load(name)
    case .savePreset(let preset, let overwrite):
      return [presets.save(preset, overwrite: overwrite)]
    case .listRuns:
      do throws(RunCatalogError) {
        return [.runsListed(try runs.entries(), problem: nil)]
      } catch {
        return [.runsListed([], problem: error.message)]
      }
    case .loadRunGhost(let name):
      do throws(RunCatalogError) {
        return [.runGhostLoaded(try runs.ghost(named: name))]
      } catch {
        return [.runGhostFailed(name: name, message: error.message)]
      }
    case .quit:
      break
    }
    return []
  }

  /// Adds the journal of the current session, stopped, to `journals` and writes it to its run directory.
  private func keepJournal() {
    journals.append(Self.journal(of: session.session, log: session.log))
  }

  /// Stops the fork, if any, and writes its journal to its run directory.
  private func stopFork() {
    guard let fork else { return }
    fork.stop()
    if let forkSession = fork.session, let log = fork.log { _ = Self.journal(of: forkSession, log: log) }
  }

  /// The journal of `session`, stopped, written to the run directory of `log`.
  private static func journal(of session: TrainingSession, log: SessionLog) -> SessionJournal {
    let journal = SessionJournal(snapshot: session.snapshot, changes: log.changes, fired: log.findings)
    log.write(journal)
    return journal
  }

  /// The session of `branch`: the fork's once it runs, the main one otherwise.
  private func trainingSession(of branch: Branch) -> TrainingSession {
    branch == .fork ? fork?.session ?? session.session : session.session
  }

  /// Keeps the branch with the lower validation loss and stops the other, whose curve stays as a ghost.
  /// Keeping the fork ends the recording, as loading a preset does: it describes the main run only.
  private func keepBetterBranch() -> [InputEvent] {
    guard let fork, let forkSession = fork.session else { return [] }
    let forkLatest = forkSession.snapshot
    let choice = BranchChoice.better(main: snapshot, fork: forkLatest)
    let dropped = choice.kept == .fork ? snapshot : forkLatest
    let ghost = state.ghost(of: choice.kept.other).capturing(dropped.history, through: dropped.step)
    if choice.kept == .fork, let forkLog = fork.log {
      session.stop()
      keepJournal()
      session = InteractiveSession(running: forkSession, follower: fork.follower, log: forkLog)
      snapshot = forkLatest
    } else {
      stopFork()
    }
    self.fork = nil
    forkSnapshot = nil
    return [.branchKept(choice, dropped: ghost)]
  }

  /// Starts a session on preset `name` in place of the current one, keeping the current run as a ghost;
  /// when the preset or its data does not load, the current session goes on and the reducer shows why.
  private func load(_ name: String) -> [InputEvent] {
    let preset: Preset
    let trainer: Trainer
    do {
      preset = try presets.library.resolve(name)
      trainer = try Trainer(preset: preset)
    } catch {
      return [.presetLoadFailed(name: name, message: "\(error)")]
    }
    let ghost = state.currentRunGhost.capturing(snapshot.history, through: snapshot.step)
    session.stop()
    keepJournal()
    let speed = state.speed(opening: preset)
    session = InteractiveSession(
      trainer: trainer, speed: speed, recorder: nil,
      log: SessionLog(parent: logDirectory, preset: preset, warnings: logWarnings), sessions: sessions)
    fork?.session?.setSpeed(speed)
    snapshot = session.session.snapshot
    return [.ghostCaptured(ghost), .presetLoaded(preset)]
  }
}
