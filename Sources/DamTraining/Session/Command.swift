/// Something a person or a script asks of a running session. Commands are applied only between two
/// training steps, in the order they were sent, and each applied command is recorded with its step so the
/// run can be replayed exactly.
public enum Command: Sendable, Equatable {
  /// Sets any preset key (`training.learning_rate=0.01`, `model.init=he-normal`), validated exactly as in
  /// a preset file. Training keys apply at once; `model` keys other than `activation` wait for
  /// `reinitialize`.
  case set(PresetOverride)
  /// Stops stepping until `resume`.
  case pause
  /// Continues stepping after `pause` (or after a divergence pause).
  case resume
  /// Trains exactly `count` more steps, then pauses.
  case step(count: Int)
  /// Draws fresh weights with the current initializer and resets the optimizer state.
  case reinitialize
  /// Returns every setting to the preset's and re-initializes.
  case resetToPreset
  /// Restores the newest finite checkpoint after a divergence, otherwise undoes the last change.
  case rewind
  /// Ends the run.
  case stop
}
