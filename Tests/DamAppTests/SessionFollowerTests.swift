import DamScreen
import DamTraining
import DamUI
import Testing

@testable import DamApp

/// The panel is the session's snapshot with only the unacknowledged edits laid over it.
@Suite("Following a session by sequence number")
struct SessionFollowerTests {
  /// The first snapshot of a paused session on the default preset.
  private func firstSnapshot() throws -> Snapshot {
    let session = TrainingSession(trainer: try Trainer(preset: try PresetLibrary().resolve("default")), paused: true)
    defer { session.stopAndWait() }
    return session.snapshot
  }

  private func set(_ text: String) throws -> Command {
    .set(try PresetOverride(parsing: text))
  }

  @Test("Unacknowledged edits are laid over the snapshot's settings, in order; acknowledged ones are not")
  func overlayUntilAcknowledged() throws {
    var snapshot = try firstSnapshot()
    var follower = SessionFollower()
    follower.sent(try set("training.learning_rate=0.1"), sequence: 1)
    follower.sent(try set("model.hidden=[4]"), sequence: 2)
    follower.follow(snapshot)
    var panel = follower.panelSettings(over: snapshot, original: snapshot.preset)
    #expect(panel.settings.training.learningRate == 0.1)
    #expect(panel.settings.model.hidden == [4])
    #expect(panel.appliedModel.hidden == [32, 32])
    // The session acknowledged the first edit: its snapshot is the word on it (here, refused: rate unchanged).
    snapshot.version += 1
    snapshot.lastAcknowledged = 1
    follower.follow(snapshot)
    panel = follower.panelSettings(over: snapshot, original: snapshot.preset)
    #expect(panel.settings.training.learningRate == 0.01)
    #expect(panel.settings.model.hidden == [4])
    #expect(follower.unacknowledged.map(\.sequence) == [2])
  }

  @Test("Re-initialization and reset laid over the snapshot change the model in force and the settings")
  func reinitializeAndReset() throws {
    let snapshot = try firstSnapshot()
    var follower = SessionFollower()
    follower.sent(try set("model.hidden=[4]"), sequence: 1)
    follower.sent(.reinitialize, sequence: 2)
    #expect(follower.panelSettings(over: snapshot, original: snapshot.preset).appliedModel.hidden == [4])
    follower.sent(.resetToPreset, sequence: 3)
    let panel = follower.panelSettings(over: snapshot, original: snapshot.preset)
    #expect(panel.settings == snapshot.preset)
    #expect(panel.appliedModel == snapshot.preset.model)
  }

  @Test("A rewind is not guessed: the panel keeps the snapshot's settings until the session answers")
  func rewindWaitsForTheSession() throws {
    var snapshot = try firstSnapshot()
    var follower = SessionFollower()
    follower.sent(.rewind, sequence: 1)
    follower.follow(snapshot)
    #expect(follower.panelSettings(over: snapshot, original: snapshot.preset).settings == snapshot.preset)
    snapshot.version += 1
    snapshot.lastAcknowledged = 1
    snapshot.preset.training.learningRate = 0.003
    follower.follow(snapshot)
    #expect(follower.unacknowledged.isEmpty)
    #expect(follower.panelSettings(over: snapshot, original: snapshot.preset).settings.training.learningRate == 0.003)
  }

  @Test("The run state is the snapshot's unless a pause, resume or step is unacknowledged")
  func runStateFollowsAcknowledgedStatus() throws {
    var snapshot = try firstSnapshot()
    let state = AppState(preset: snapshot.preset, presets: [], width: 120, height: 40)
    var follower = SessionFollower()
    follower.sent(.pause, sequence: 1)
    follower.follow(snapshot)
    #expect(!follower.events(following: snapshot, of: .main, in: state).contains(.runState(.paused)))
    snapshot.version += 1
    snapshot.lastAcknowledged = 1
    follower.follow(snapshot)
    #expect(follower.events(following: snapshot, of: .main, in: state).contains(.runState(.paused)))
  }
}
