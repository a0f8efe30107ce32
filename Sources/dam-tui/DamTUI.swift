import ArgumentParser
import DamTraining

/// The `dam-tui` command: the terminal UI by default, and the subcommands that script it.
///
/// Every failure is written to standard error, its control characters escaped (messages quote text from
/// files and arguments), and ends the process with exit code 2, including usage errors; `--help` and
/// `--version` exit 0.
@main
struct DamTUI: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "dam-tui",
    abstract: "Watch a neural network learn in the terminal, and break it on purpose.",
    subcommands: [
      RunCommand.self, TrainCommand.self, ReplayCommand.self, PresetsCommand.self, CheckCommand.self, DataCommand.self,
      LRFindCommand.self, SweepCommand.self, RunsCommand.self, InitStatsCommand.self, LandscapeCommand.self,
      NeuronsCommand.self,
    ],
    defaultSubcommand: RunCommand.self
  )

  /// Parses the arguments, runs the chosen command, and maps every failure to exit code 2. A command that
  /// succeeded but could not write all of its standard output exits 2 too; one that already fails keeps
  /// its code and the problem is reported.
  static func main() {
    StandardOutput.ignoreWriteSignals()
    do {
      var command = try parseAsRoot()
      try command.run()
      if let lost = StandardOutput.finish() {
        StandardError.report(TerminalText.escaped(lost, keepingNewlines: true))
        exit(withError: ExitCode(CommandFailure.exitCode))
      }
    } catch let failure as CommandFailure {
      if let lost = StandardOutput.finish() { StandardError.report(TerminalText.escaped(lost, keepingNewlines: true)) }
      StandardError.report(TerminalText.escaped(failure.message, keepingNewlines: true))
      exit(withError: ExitCode(CommandFailure.exitCode))
    } catch let code as ExitCode {
      if let lost = StandardOutput.finish() { StandardError.report(TerminalText.escaped(lost, keepingNewlines: true)) }
      exit(withError: code)
    } catch {
      if exitCode(for: error) == .success { exit(withError: error) }
      StandardError.report(TerminalText.escaped(fullMessage(for: error), keepingNewlines: true))
      exit(withError: ExitCode(CommandFailure.exitCode))
    }
  }
}
