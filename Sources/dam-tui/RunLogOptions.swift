import ArgumentParser
import DamRunLog
import DamTraining

/// `--log-dir DIR` and `--no-log`, shared by the commands that keep a run directory (`RunDirectory`):
/// by default each run writes `runs/<UTC date-time>_<preset>/` in the working directory.
struct RunLogOptions: ParsableArguments {
  @Option(
    name: .customLong("log-dir"),
    help: ArgumentHelp("Keep the run directory in DIR instead of runs/.", valueName: "DIR"))
  var logDirectory: String?

  @Flag(name: .customLong("no-log"), help: "Keep no run directory.")
  var noLog = false

  func validate() throws {
    if noLog && logDirectory != nil { throw ValidationError("Give --log-dir or --no-log, not both.") }
    if logDirectory?.isEmpty == true { throw ValidationError("--log-dir needs a folder name.") }
  }

  /// The folder the run directories go in, or nil with `--no-log`.
  var parent: String? { noLog ? nil : logDirectory ?? RunDirectory.defaultParent }

  /// Starts a run directory, or nil with `--no-log` or when the folder cannot be made (after `warn`
  /// says why: training goes on without it).
  func start(
    preset: Preset, command: RunSummary.Command, recordingHeader: String, warn: @escaping (String) -> Void
  ) -> RunLogger? {
    guard let parent else { return nil }
    do {
      return try RunLogger(
        parent: parent, preset: preset, command: command, recordingHeader: recordingHeader, warn: warn)
    } catch {
      warn("run log: \(error.description); training goes on without a run directory")
      return nil
    }
  }
}
