import ArgumentParser
import DamTraining

/// `dam-tui runs`: the runs under `runs/` (or `--log-dir`), newest first, and `runs show NAME` for one.
struct RunsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "runs",
    abstract: "List the runs kept under runs/ (or --log-dir), newest first; `runs show NAME` for one run.",
    subcommands: [RunsListCommand.self, RunsShowCommand.self],
    defaultSubcommand: RunsListCommand.self
  )
}

/// The options both `runs` commands take.
struct RunsOptions: ParsableArguments {
  @Option(name: .customLong("log-dir"), help: ArgumentHelp("The folder the runs are in.", valueName: "dir"))
  var logDirectory = "runs"

  @Flag(help: "One JSON object per run, for scripts.")
  var json = false

  /// The catalog of `logDirectory`.
  var catalog: RunCatalog { RunCatalog(root: logDirectory) }
}

/// `dam-tui runs [list]`: one line per run, in aligned columns, or one JSON object per run.
struct RunsListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract:
      "One line per run: name, preset, steps, status, best validation loss and its step, final validation accuracy, findings, then what is wrong with the run's folder."
  )

  @OptionGroup var options: RunsOptions

  func run() throws {
    let entries: [RunEntry]
    do {
      entries = try options.catalog.entries()
    } catch {
      throw CommandFailure("runs: \(error.message)")
    }
    let lines = options.json ? entries.map(RunListing.jsonLine) : RunListing.lines(entries)
    for line in lines { print(TerminalText.escaped(line)) }
  }
}

/// `dam-tui runs show NAME`: one run's summary, findings and changes, each with its step.
struct RunsShowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show", abstract: "One run's summary, the findings that fired and the changes made, with their steps.")

  @OptionGroup var options: RunsOptions

  @Argument(help: ArgumentHelp("The run's folder name, as `dam-tui runs` lists it.", valueName: "name"))
  var name: String

  func run() throws {
    let entry: RunEntry
    do {
      entry = try options.catalog.entry(named: name)
    } catch {
      throw CommandFailure("runs show: \(error.message)")
    }
    let lines = options.json ? [RunListing.jsonLine(entry)] : RunDetails.lines(entry)
    for line in lines { print(TerminalText.escaped(line)) }
  }
}
