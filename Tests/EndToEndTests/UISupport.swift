import Foundation
import Testing

/// The interactive UI of the release binary running in a private tmux server, in an empty working folder
/// with an empty user preset folder (so only the built-in presets, plus any written into `folder`, exist).
final class UIRun {
  /// The working folder; `presets/` inside it is searched first.
  let folder: TemporaryFolder
  /// `XDG_CONFIG_HOME`: saved presets go to `dam-tui/presets` inside it.
  let config: TemporaryFolder
  /// The terminal.
  let tmux: UITmux

  /// Starts `dam-tui arguments` in a `width` x `height` terminal with a UTF-8 locale (`environment` is
  /// added). After the program exits, the shell prints the terminal's `icanon` and `echo` modes (restored:
  /// without a leading `-`) and then `[exit N]`.
  init(
    _ arguments: [String] = [], width: Int = 120, height: Int = 40, environment: [String: String] = [:],
    setUp: (TemporaryFolder) throws -> Void = { _ in }
  ) throws {
    folder = try TemporaryFolder()
    config = try TemporaryFolder()
    try setUp(folder)
    let command = ([try ReleaseBinary.path] + arguments).map(Self.quote).joined(separator: " ")
    let modes = "stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' '"
    var variables = ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "XDG_CONFIG_HOME": config.url.path]
    for (key, value) in environment { variables[key] = value }
    let exports = variables.sorted { $0.key < $1.key }.map { "export \($0.key)=\(Self.quote($0.value)); " }.joined()
    // The shell survives Ctrl-C (as an interactive shell would) and still reports the program's status.
    tmux = try UITmux(
      command:
        "trap : INT; \(exports)cd \(Self.quote(folder.url.path)) && \(command); status=$?; echo; \(modes); (exit $status)",
      width: width, height: height)
  }

  /// The step number on the status bar (`step N`), if shown.
  static func step(in screen: String) -> Int? {
    guard let range = screen.range(of: #"step [0-9,]+"#, options: .regularExpression) else { return nil }
    return Int(screen[range].dropFirst(5).filter(\.isNumber))
  }

  /// Waits until the status bar shows a step number, and returns it.
  @discardableResult
  func currentStep(timeout: Double = 60) throws -> Int {
    let (screen, matched) = try tmux.waitFor(timeout: timeout) { Self.step(in: $0) != nil }
    return try #require(matched ? Self.step(in: screen) : nil, "no step number on screen:\n\(screen)")
  }

  /// Waits until the status bar shows a step number above `step`, and returns the screen.
  @discardableResult
  func waitForStep(above step: Int, timeout: Double = 60) throws -> String {
    let (screen, matched) = try tmux.waitFor(timeout: timeout) { (Self.step(in: $0) ?? Int.min) > step }
    #expect(matched, "the step number stayed at or below \(step):\n\(screen)")
    return screen
  }

  /// Waits for `text` on screen, failing the test (with the screen) when it does not appear.
  @discardableResult
  func expectScreen(_ text: String, timeout: Double = 60) throws -> String {
    let (screen, matched) = try tmux.waitFor(text, timeout: timeout)
    #expect(matched, "\"\(text)\" never appeared:\n\(screen)")
    return screen
  }

  /// Waits for the program to exit; returns its status and the screen after it (the restored terminal).
  func exit(timeout: Double = 60) throws -> (status: Int?, screen: String) {
    let status = try tmux.exitStatus(timeout: timeout)
    return (status, try tmux.screen())
  }

  /// Sends `signal` (such as SIGTERM) to the program, found as the only child of the window's shell.
  func signal(_ signal: Int32) throws {
    let shell = try #require(try tmux.shellProcess())
    let children = try UIProcess.output(["pgrep", "-P", String(shell)])
    let pid = try #require(Int32(children.trimmingCharacters(in: .whitespacesAndNewlines)), "no program: \(children)")
    #expect(kill(pid, signal) == 0)
  }

  private static func quote(_ value: String) -> String {
    "'" + value.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}
