import Foundation

/// A private tmux server (`tmux -L name`) with one window of a fixed size running a shell command, driven
/// as a person would: keys in, screen text out. `TmuxSession`'s interface, run through `UIProcess` (see
/// there why not Foundation's `Process`).
final class UITmux {
  /// The private server's socket name.
  let server: String
  /// The server's socket file, removed with the server.
  private var socketPath = ""

  /// Starts `command` (a shell command line) in a new detached window of `width` x `height`; after it ends
  /// the window shows `[exit N]`.
  init(command: String, width: Int, height: Int) throws {
    server = "dam-ui-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    try tmux([
      "new-session", "-d", "-x", String(width), "-y", String(height), "sh", "-c",
      command + "; echo \"[exit $?]\"; sleep 600",
    ])
    socketPath = try tmux(["display-message", "-p", "#{socket_path}"]).trimmingCharacters(in: .whitespacesAndNewlines)
  }

  deinit {
    _ = try? tmux(["kill-server"])
    if !socketPath.isEmpty { unlink(socketPath) }
  }

  /// Sends tmux key names or literal text (`send-keys`), e.g. `"+"`, `"Space"`, `"C-c"`.
  func send(_ keys: String...) throws {
    try tmux(["send-keys", "-t", "0"] + keys)
  }

  /// The visible screen as text, one line per row.
  func screen() throws -> String {
    try tmux(["capture-pane", "-p", "-t", "0"])
  }

  /// The visible screen with its colours and attributes as escape sequences (`capture-pane -e`).
  func styledScreen() throws -> String {
    try tmux(["capture-pane", "-p", "-e", "-t", "0"])
  }

  /// Resizes the window.
  func resize(width: Int, height: Int) throws {
    try tmux(["resize-window", "-t", "0", "-x", String(width), "-y", String(height)])
  }

  /// The process id of the window's shell.
  func shellProcess() throws -> Int32? {
    Int32(
      try tmux(["display-message", "-p", "-t", "0", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines))
  }

  /// Polls the screen until `predicate` holds or `timeout` seconds pass; returns the last screen and
  /// whether the predicate held.
  @discardableResult
  func waitFor(timeout: Double = 60, _ predicate: (String) -> Bool) throws -> (screen: String, matched: Bool) {
    let deadline = Date().addingTimeInterval(timeout)
    var last = ""
    repeat {
      last = try screen()
      if predicate(last) { return (last, true) }
      usleep(20_000)
    } while Date() < deadline
    return (last, false)
  }

  /// Polls until `text` appears on screen.
  @discardableResult
  func waitFor(_ text: String, timeout: Double = 60) throws -> (screen: String, matched: Bool) {
    try waitFor(timeout: timeout) { $0.contains(text) }
  }

  /// The exit status printed after the command ended (`[exit N]`), waiting up to `timeout` seconds.
  func exitStatus(timeout: Double = 60) throws -> Int? {
    let (screen, matched) = try waitFor(timeout: timeout) { $0.contains("[exit ") }
    guard matched, let range = screen.range(of: #"\[exit (\d+)\]"#, options: .regularExpression) else { return nil }
    return Int(screen[range].dropFirst(6).dropLast())
  }

  @discardableResult
  private func tmux(_ arguments: [String]) throws -> String {
    try UIProcess.output(["tmux", "-L", server, "-f", "/dev/null"] + arguments)
  }
}
