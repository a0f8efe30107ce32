import ArgumentParser
import DamTraining

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `dam-tui sweep`: random search with successive halving, trials in parallel, each trial one
/// `dam-tui train` run.
///
/// Exit 0 when the sweep ran (diverged and failed trials are results), 2 for bad arguments, presets,
/// `--vary` ranges or output files (nothing is trained), 130 after SIGINT (finished trials' JSON lines are
/// on disk and the leaderboard so far is printed).
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

  @Option(help: ArgumentHelp("Trials to sample.", valueName: "n"))
  var trials = 16

  @Option(help: ArgumentHelp("Steps of the last rung (default: the preset's run.steps).", valueName: "steps"))
  var budget: Int?

  @Option(help: ArgumentHelp("Trials trained at once (default: every core).", valueName: "j"))
  var jobs: Int?

  @OptionGroup var seedOption: SeedOption

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

  @Flag(help: "Let --save-best replace an existing file.")
  var force = false

  @Flag(
    name: .customLong("print-commands"),
    help: "Print each sampled trial as a dam-tui train command for the full budget, and train nothing.")
  var printCommands = false

  func validate() throws {
    guard !axes.isEmpty else { throw ValidationError("Give at least one --vary axis.") }
    guard trials >= 1 else { throw ValidationError("--trials must be at least 1.") }
    if let budget, budget < 1 { throw ValidationError("--budget must be at least 1.") }
    if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
  }

  func run() throws {
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
      for settings in plan.trialSettings { print(plan.command(for: settings, steps: plan.budget)) }
      return
    }
    if let saveBest, !force, access(saveBest, F_OK) == 0 {
      throw CommandFailure("\(saveBest) exists: give --force to replace it, or another file.")
    }
    let output: LineFile?
    do {
      output = try jsonl.map { path throws(SessionError) in try LineFile(path: path) }
    } catch {
      throw CommandFailure(error.message)
    }
    try report(SweepExecution(plan: plan, jobs: jobs ?? Self.cores, output: output).run(), plan: plan)
  }

  /// Prints the table and the best trial, saves the preset; exit 130 after an interruption.
  private func report(_ execution: SweepExecution.Outcome, plan: SweepPlan) throws {
    let board = execution.board
    if !(execution.shownLive && isatty(1) == 1) {
      print(board.table().joined(separator: "\n"))
    }
    if execution.interrupted {
      print("interrupted: \(board.ranked.count) of \(plan.trials) trials have results")
      throw ExitCode(130)
    }
    guard let best = board.best else {
      print("no trial completed the budget with a finite validation loss")
      if saveBest != nil { throw CommandFailure("nothing to save: no trial completed the budget") }
      return
    }
    print("best: trial \(best.trial), val_loss \(SweepBoard.number(best.validationLoss)) after \(best.steps) steps")
    print("  " + plan.command(for: best.settings, steps: best.steps))
    guard let saveBest else { return }
    do {
      let name = String(saveBest.split(separator: "/").last ?? "best").replacingSuffix(".toml")
      try plan.bestPreset(for: best, name: name).save(to: saveBest, overwrite: force)
    } catch {
      throw CommandFailure(error.description)
    }
    print("saved \(saveBest)")
  }

  /// Online processors.
  private static var cores: Int { max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN))) }
}

extension String {
  fileprivate func replacingSuffix(_ suffix: String) -> String {
    hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
  }
}
