/// Keeps test runs from leaving run directories in the checkout: `train` keeps one in `runs/` of its
/// working directory by default, so a test that does not choose (`--log-dir`, `--no-log`) gets `--no-log`.
enum RunLogArguments {
  /// `arguments` with `--no-log` added to a `train` that names no run-log option.
  static func quiet(_ arguments: [String]) -> [String] {
    guard arguments.first == "train", !arguments.contains("--log-dir"), !arguments.contains("--no-log") else {
      return arguments
    }
    return arguments + ["--no-log"]
  }
}
