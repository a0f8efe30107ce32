import ArgumentParser
import DamTraining

/// `--threads N|auto`, shared by the commands that train: it overrides the preset's `run.threads`.
struct ThreadsOption: ParsableArguments {
  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      "Threads for the network's large products, 1...256 or auto (overrides run.threads; auto: the cores beside the screen, every core for train).",
      valueName: "n|auto"))
  var threads: String?

  /// `preset` with the thread count applied; a headless run resolves `auto` to every core.
  /// - Throws: `CommandFailure` naming `--threads` when the value is neither auto nor a count in 1...256.
  func apply(to preset: Preset, headless: Bool) throws(CommandFailure) -> Preset {
    var threaded = preset
    if let threads {
      guard let setting = ThreadSetting(parsing: threads) else {
        throw CommandFailure("--threads \(threads) is out of range: expected \(ThreadSetting.allowed)")
      }
      threaded.run.threads = setting
    }
    if headless { threaded.run.threads = .count(threaded.run.threads.count(headless: true)) }
    return threaded
  }
}
