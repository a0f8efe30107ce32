import DamTraining
import DamUI

/// Keeps the UI state in step with the session: turns what changed between two snapshots into the
/// `InputEvent`s the reducer understands.
///
/// The UI changes its own copy of the settings and run state as soon as a key is pressed, before the
/// session applies the command, so a snapshot is not simply copied into the state (it may predate the
/// command). Only changes the session makes on its own are passed on: a new status (paused after `n`,
/// diverged), the settings after a rewind (which only the session knows), the current findings and
/// whether the data panel is in use.
struct InteractiveSnapshotFollower {
  /// How long to wait for a rewind's change marker before giving up (a refused rewind leaves none).
  static let rewindWait = Duration.seconds(2)

  /// The version of the last snapshot followed; nil before the first.
  private(set) var followedVersion: Int?
  private var followedStatus: Snapshot.Status?
  private var awaitedRewind: (lastMarker: ChangeMarker?, deadline: ContinuousClock.Instant)?

  /// Whether `snapshot` has not been followed yet.
  func isNew(_ snapshot: Snapshot) -> Bool {
    snapshot.version != followedVersion
  }

  /// Notes that a rewind was sent when `snapshot` was the newest: the settings of the first snapshot with a
  /// change marker newer than its last one are passed on.
  mutating func rewindSent(after snapshot: Snapshot, at now: ContinuousClock.Instant) {
    awaitedRewind = (snapshot.history.markers.last, now + Self.rewindWait)
  }

  /// The events that bring `state` up to date with `snapshot`, which is newer than the last one followed.
  mutating func follow(
    _ snapshot: Snapshot, state: AppState, at now: ContinuousClock.Instant
  ) -> [InputEvent] {
    followedVersion = snapshot.version
    // Findings and whether the data panel is in use come from the UI model's own comparison.
    var events = state.events(following: snapshot)
    if snapshot.status != followedStatus {
      followedStatus = snapshot.status
      if let runState = Self.runState(of: snapshot.status), runState != state.runState {
        events.append(.runState(runState))
      }
    }
    if let awaited = awaitedRewind {
      if snapshot.history.markers.last != awaited.lastMarker {
        awaitedRewind = nil
        var model = state.appliedModel
        model.activation = snapshot.preset.model.activation
        events.append(.sessionSettings(training: snapshot.preset.training, model: model))
      } else if now >= awaited.deadline {
        awaitedRewind = nil
      }
    }
    return events
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
