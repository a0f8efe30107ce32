import ArgumentParser
import DamTraining

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `dam-tui sweep`: random search with successive halving, trials in parallel, each trial one
/// `dam-tui train` run. Each trial keeps a run directory, `runs/<UTC date-time>_<preset>_trial-007/`
/// (`--log-dir`, `--no-log`: `SweepTrialLogs`).
///
/// Exit 0 when the sweep ran (diverged and failed trials are results), 2 for bad arguments, presets,
/// `--vary` ranges or outputs (nothing is trained) and when `--jsonl` cannot be written (the sweep stops);
/// 130, 143 or 129 after SIGINT, SIGTERM or SIGHUP (finished trials' JSON lines are on disk and the
/// leaderboard so far is printed).
struct SweepCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sweep", abstract: "Search hyperparameters: random search with successive halving, in parallel.",
    discussion: """
      Trials are sampled from the --vary axes with the seed. Successive halving (eta = 3): every trial trains \
      budget / 3^K steps, the best third by validation loss go on to three times the steps, and so on; the last \
      rung trains at least two survivors to the full budget. Each finished trial prints the dam-tui train \
      command that reproduces it. See docs/distributed-sweeps.md.
      """)

  @OptionGroup var presetOptions: PresetOptions

  @Option(
    name: .customLong("vary"),
    help: ArgumentHelp(
      "An axis: section.key=log:LOW..HIGH, lin:LOW..HIGH, LOW..HIGH or A,B,C. Repeatable.",
      valueName: "section.key=spec"))
  var axes: [String] = []

  @Option(parsing: .unconditional, help: ArgumentHelp("Trials to sample (1...10000).", valueName: "n"))
  var trials = "16"

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp("Steps of the last rung, 1...1000000000 (default: the preset's run.steps).", valueName: "steps"))
  var budget: String?

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp("Trials trained at once, 1...1024 (default: every core).", valueName: "j"))
  var jobs: String?

  @OptionGroup var seedOption: SeedOption

  @OptionGroup var runLog: RunLogOptions

  @Option(
    name: .customLong("sample-seed"),
    help: ArgumentHelp(
      "Seed of the trial sampling only (default: the seed): other trials, the same split and runs.", valueName: "s"))
  var sampleSeed: UInt64?

  @Option(
    help: ArgumentHelp("Write one JSON line per finished trial to FILE, or - for standard output.", valueName: "file|-")
  )
  var jsonl: String?

  @Option(
    name: .customLong("save-best"),
    help: ArgumentHelp("Save the best trial's settings as a preset (refuses an existing file).", valueName: "file"))
  var saveBest: String?

  @Flag(help: "Let --jsonl and --save-best replace existing files.")
  var force = false

  @Flag(
    name: .customLong("print-commands"),
    help: "Print each sampled trial as a dam-tui train command for the full budget, and train nothing.")
  var printCommands = false

  func validate() throws {
    guard !axes.isEmpty else { throw ValidationError("Give at least one --vary axis.") }
  }

  func run() throws {
    let trials = try NumericOption.integer(self.trials, option: "--trials", in: 1...10_000)
    let budget = try self.budget.map { text throws(CommandFailure) in
      try NumericOption.integer(text, option: "--budget", in: RunSpec.stepsRange)
    }
    let jobs = try self.jobs.map { text throws(CommandFailure) in
      try NumericOption.integer(text, option: "--jobs", in: 1...1024)
    }
    let base = try presetOptions.load()
    let seed = try seedOption.apply(to: base).run.seed
    let space: SearchSpace
    do {
      space = try SearchSpace(parsing: axes, base: base)
    } catch {
      throw CommandFailure(error.message)
    }
    let plan = SweepPlan(
      base: base, presetReference: presetOptions.preset, baseOverrides: presetOptions.overrides, space: space,
      trials: trials, budget: budget ?? base.run.steps, seed: seed, samplingSeed: sampleSeed)
    if printCommands {
      for settings in plan.trialSettings {
        print(TerminalText.escaped(plan.command(for: settings, steps: plan.budget)))
      }
      return
    }
    var outputs = OutputPlan(force: force, inputs: base.inputFiles)
    let target = outputs.add("--jsonl", jsonl)
    _ = outputs.add("--save-best", saveBest, allowsStandardOutput: false)
    try outputs.requireWritable()
    let output: LineFile?
    do {
      output = try target.map { target throws(OutputError) in try LineFile(target: target, overwrite: force) }
    } catch {
      throw CommandFailure(error.description)
    }
    let logs = runLog.parent.map { SweepTrialLogs(parent: $0, count: plan.trials) }
    try report(SweepExecution(plan: plan, jobs: jobs ?? Self.cores, output: output, logs: logs).run(), plan: plan)
  }

  /// Prints the table and the best trial, saves the preset; exit 130, 143 or 129 after SIGINT, SIGTERM or
  /// SIGHUP.
  private func report(_ execution: SweepExecution.Outcome, plan: SweepPlan) throws {
    let board = execution.board
    if !(execution.shownLive && isatty(1) == 1) {
      print(TerminalText.escaped(board.table().joined(separator: "\n"), keepingNewlines: true))
    }
    if let code = ShutdownSignals.exitCode {
      print("interrupted: \(board.ranked.count) of \(plan.trials) trials have results")
      throw ExitCode(code)
    }
    guard let best = board.best else {
      print("no trial completed the budget with a finite validation loss")
      if saveBest != nil { throw CommandFailure("nothing to save: no trial completed the budget") }
      return
    }
    print("best: trial \(best.trial), val_loss \(SweepBoard.number(best.validationLoss)) after \(best.steps) steps")
    print("  " + TerminalText.escaped(plan.command(for: best.settings, steps: best.steps)))
    guard let saveBest else { return }
    do {
      let name = String(saveBest.split(separator: "/").last ?? "best").replacingSuffix(".toml")
      try plan.bestPreset(for: best, name: name).save(to: saveBest, overwrite: force)
    } catch {
      throw CommandFailure(error.description)
    }
    print("saved \(TerminalText.escaped(saveBest))")
  }

  /// Online processors.
  private static var cores: Int { max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN))) }
}

extension String {
  fileprivate func replacingSuffix(_ suffix: String) -> String {
    hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
  }
}
