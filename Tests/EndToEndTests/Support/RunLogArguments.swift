/// Keeps test runs from leaving run directories in the checkout: `train` and each trial of `sweep` keep
/// one in `runs/` of the working directory by default, so a test that does not choose (`--log-dir`,
/// `--no-log`) gets `--no-log`.
enum RunLogArguments {
  /// `arguments` with `--no-log` added to a `train` or `sweep` that names no run-log option.
  static func quiet(_ arguments: [String]) -> [String] {
    guard ["train", "sweep"].contains(arguments.first), !arguments.contains("--log-dir"),
      !arguments.contains("--no-log")
    else {
      return arguments
    }
    return arguments + ["--no-log"]
  }
}
