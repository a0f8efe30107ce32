import DamScreen
import DamTraining
import DamUI

/// Keeps the UI state in step with one session, the source of truth for its settings and run state.
///
/// The follower notes every command sent with its sequence number. A snapshot says the last number the
/// session acknowledged, so the commands after it are exactly the ones it does not show yet. The panel
/// shows the snapshot's settings with only those unacknowledged edits laid over them; the run state is
/// the snapshot's once no pause, resume or step is unacknowledged. Nothing is guessed and nothing times
/// out: a rewind's settings appear with the first snapshot that acknowledges it.
struct SessionFollower {
  /// The version of the last snapshot followed; nil before the first.
  private(set) var followedVersion: Int?
  /// Commands sent and not acknowledged yet, oldest first.
  private(set) var unacknowledged: [(sequence: Int, command: Command)] = []

  /// Whether `snapshot` has not been followed yet.
  func isNew(_ snapshot: Snapshot) -> Bool {
    snapshot.version != followedVersion
  }

  /// Notes that `command` was sent with `sequence`.
  mutating func sent(_ command: Command, sequence: Int) {
    unacknowledged.append((sequence, command))
  }

  /// Follows `snapshot`: the commands it acknowledges are no longer pending.
  mutating func follow(_ snapshot: Snapshot) {
    followedVersion = snapshot.version
    unacknowledged.removeAll { $0.sequence <= snapshot.lastAcknowledged }
  }

  /// The settings the panel shows for the session: `snapshot`'s, with the unacknowledged edits applied
  /// in order. `original` is the preset a reset returns to. A rewind is not an edit: what it restores is
  /// the session's to say, and shows with the snapshot that acknowledges it.
  func panelSettings(over snapshot: Snapshot, original: Preset) -> (settings: Preset, appliedModel: ModelSpec) {
    var settings = snapshot.preset
    var appliedModel = snapshot.modelInForce
    for (_, command) in unacknowledged {
      switch command {
      case .set(let override):
        if let changed = try? settings.applying([override]) { settings = changed }
      case .reinitialize:
        appliedModel = settings.model
      case .resetToPreset:
        settings = original
        appliedModel = original.model
      case .rewind, .pause, .resume, .step, .stop:
        break
      }
    }
    appliedModel.activation = settings.model.activation
    return (settings, appliedModel)
  }

  /// The events that bring `state`'s view of `branch` up to date with `snapshot`, the newest one
  /// followed: the settings shown for the branch and, for the main branch, its run state, findings and
  /// whether the data panel is in use.
  func events(following snapshot: Snapshot, of branch: Branch, in state: AppState) -> [InputEvent] {
    var events: [InputEvent] = []
    let shown =
      branch == .fork ? state.fork.map { ($0.settings, $0.appliedModel) } : (state.settings, state.appliedModel)
    let panel = panelSettings(over: snapshot, original: state.preset)
    if let shown, shown.0 != panel.settings || shown.1 != panel.appliedModel {
      events.append(.sessionSettings(branch, settings: panel.settings, appliedModel: panel.appliedModel))
    }
    guard branch == .main else { return events }
    events += state.events(following: snapshot)
    if !awaitsRunState, let runState = Self.runState(of: snapshot.status), runState != state.runState {
      events.append(.runState(runState))
    }
    return events
  }

  /// Whether a command that changes the run state (pause, resume, step) waits for the session.
  var awaitsRunState: Bool {
    unacknowledged.contains { entry in
      switch entry.command {
      case .pause, .resume, .step: true
      default: false
      }
    }
  }

  /// The UI's run state for a session status; nil for `stopped`, which the UI never shows.
  static func runState(of status: Snapshot.Status) -> RunState? {
    switch status {
    case .running: .running
    case .paused: .paused
    case .diverged: .diverged
    case .stopped: nil
    }
  }
}
