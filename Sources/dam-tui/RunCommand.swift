import ArgumentParser
import DamApp
import DamScreen
import DamTerminal
import DamTraining
import DamUI

/// `dam-tui run` (the default command): the interactive terminal UI. Training starts at once, at
/// `--speed` steps per second at most.
///
/// Each session keeps a run directory, `runs/<UTC date-time>_<preset>/` (`--log-dir`, `--no-log`: see
/// `SessionLog`), written as it trains; loading another preset starts a new one, a fork writes its branch
/// B as a sibling `<name>-B`. `R` and `--compare` read the runs of the same folder.
///
/// After `q` or Ctrl-C, once the terminal is restored, the session journal (`SessionJournal`: the changes
/// made and what each did, the findings, the best point) is printed as markdown.
///
/// Exit 0 after `q` or Ctrl-C (and when the terminal's input closes), 143 after SIGTERM, 129 after SIGHUP,
/// 2 when standard input or output is not a terminal, the terminal type is unusable, the preset does not
/// load, `--compare` names no readable run under runs/ (or `--log-dir`), or `--record` cannot be written (checked before the screen starts: `OutputPlan`). The terminal is restored on every one of these paths.
struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run", abstract: "Open the interactive terminal UI (the default command).")

  @OptionGroup var presetOptions: PresetOptions

  @OptionGroup var seedOption: SeedOption

  @OptionGroup var threadsOption: ThreadsOption

  @Option(help: ArgumentHelp("Record the session for `dam-tui replay`.", valueName: "file"))
  var record: String?

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      "The most training steps per second, or max (default: the preset's run.speed, else \(TrainingSpeed.interactiveDefault.stepsPerSecond ?? 0); < and > change it).",
      valueName: "n|max"))
  var speed: String?

  @Flag(help: "Draw with ASCII only, even in a UTF-8 locale.")
  var ascii = false

  @Flag(help: "Let --record replace an existing file.")
  var force = false

  @OptionGroup var runLog: RunLogOptions

  @Option(
    help: ArgumentHelp(
      "Show an earlier run (its folder name under runs/ or --log-dir, as `dam-tui runs` lists it) as a ghost on the loss chart.",
      valueName: "name"))
  var compare: String?

  @Flag(name: .customLong("no-stop"), help: "Train on past run.steps without pausing for the lesson's summary.")
  var noStop = false

  func run() throws {
    InteractiveBacktrace.makeCrashReportsNonInteractive()
    let preset = try threadsOption.apply(to: seedOption.apply(to: presetOptions.load()), headless: false)
    let speed: TrainingSpeed
    do throws(SessionError) {
      speed = TrainingSpeed.starting(
        preset, requested: try self.speed.map { text throws(SessionError) in try TrainingSpeed(parsing: text) })
    } catch {
      throw CommandFailure("--\(error.message)")
    }
    var plan = OutputPlan(force: force, inputs: preset.inputFiles)
    _ = plan.add("--record", record, allowsStandardOutput: false)
    try plan.requireWritable()
    let trainer: Trainer
    do {
      trainer = try Trainer(preset: preset)
    } catch {
      throw CommandFailure(error.message)
    }
    let runs = RunCatalog(root: runLog.logDirectory ?? RunDirectory.defaultParent)
    var comparing: GhostRun?
    if let compare {
      do {
        comparing = try runs.ghost(named: compare)
      } catch {
        throw CommandFailure("--compare: \(error.message)")
      }
    }
    // After the arguments, the preset and the outputs, which are checked (and reported) with or without a
    // terminal.
    guard CursesTerminal.standardStreamsAreTerminals else {
      throw CommandFailure("dam-tui needs a terminal; use `dam-tui train` for headless runs")
    }
    let recorder: InteractiveRecorder?
    do {
      recorder = try record.map { path throws(SessionError) in try InteractiveRecorder(path: path, preset: preset) }
    } catch {
      throw CommandFailure(error.message)
    }
    let (reason, journals) = try runScreen(
      trainer: trainer, preset: preset, speed: speed, recorder: recorder, runs: runs, comparing: comparing)
    if reason == nil || reason == .interrupt {
      print(
        TerminalText.escaped(journals.map(\.markdown).joined(separator: "\n"), keepingNewlines: true), terminator: "")
    }
    if let failure = recorder?.failure { throw CommandFailure("the recording is incomplete: \(failure)") }
    switch reason {
    case .terminate: throw ExitCode(143)
    case .hangup: throw ExitCode(129)
    case nil, .interrupt, .inputClosed: return
    }
  }

  /// Takes over the terminal, runs the loop, and gives the terminal back however the loop ends.
  /// - Returns: why the loop ended (nil after `q`) and the journal of each session it ran.
  private func runScreen(
    trainer: Trainer, preset: Preset, speed: TrainingSpeed, recorder: InteractiveRecorder?, runs: RunCatalog,
    comparing: GhostRun?
  ) throws -> (QuitReason?, [SessionJournal]) {
    let terminal = CursesTerminal()
    do {
      try terminal.start()
    } catch {
      throw CommandFailure("dam-tui: \(error)")
    }
    defer { terminal.stop() }
    let app = InteractiveApp(
      terminal: terminal, trainer: trainer, preset: preset, speed: speed, recorder: recorder,
      presets: InteractivePresets(library: PresetLibrary()),
      glyphs: GlyphSet(utf8: terminal.capabilities.unicode && !ascii), sessions: SessionFactory(stopsAtEnd: !noStop),
      runs: runs, logDirectory: runLog.parent, comparing: comparing)
    let reason = app.run()
    return (reason, app.journals)
  }
}
