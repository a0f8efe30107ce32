/// The files of a run directory.
public enum RunFileNames {
  /// The settings at the start, as a preset file.
  public static let preset = "preset.toml"
  /// What `--record` writes: `dam-tui replay` reproduces the run from it.
  public static let recording = "recording.jsonl"
  /// What `train --jsonl` writes: one line per evaluation and the final record.
  public static let metrics = "metrics.jsonl"
  /// The weights at the end.
  public static let finalWeights = "final.safetensors"
  /// How the run went (`RunSummary`).
  public static let summary = "summary.json"
  /// The session journal of an interactive run.
  public static let journal = "journal.md"
  /// The start of the TensorBoard event file's name.
  public static let eventsPrefix = "events.out.tfevents."
}
