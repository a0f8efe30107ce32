import DamTraining

/// Work the reducer asks the main loop to do: the only way the pure UI model reaches the outside world.
///
/// Results come back as `InputEvent`s (`presetLoaded`, `presetSaveFailed`...).
public enum Effect: Sendable, Equatable {
  /// Send a command to the training session.
  case send(Command)
  /// Resolve the preset called `name` and start a new session on it; answer with `presetLoaded` or
  /// `presetLoadFailed`.
  case loadPreset(name: String)
  /// Write `preset` (its `name` is the one typed) as a new preset file; replace an existing file only
  /// when `overwrite` is true. Answer with `presetSaved` or `presetSaveFailed`.
  case savePreset(Preset, overwrite: Bool)
  /// Stop the session, restore the terminal and exit.
  case quit
}
