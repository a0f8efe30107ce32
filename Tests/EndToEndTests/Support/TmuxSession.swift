import Foundation

/// A real terminal for end-to-end tests: one private tmux server (`tmux -L name`) with a single
/// window of a fixed size, driven as a person would, with keys in and screen text out.
///
/// Tests poll the screen for text (`waitFor`) rather than sleeping.
final class TmuxSession {
  /// The private server's socket name.
  let server: String

  /// Starts `command` (a shell command line) in a new detached window of `width` x `height`.
  init(command: String, width: Int = 120, height: Int = 40, environment: [String: String] = [:]) throws {
    server = "dam-e2e-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    let exports = environment.map { "\($0.key)=\(Self.quote($0.value))" }.joined(separator: " ")
    let line = exports.isEmpty ? command : "env \(exports) \(command)"
    try tmux(["new-session", "-d", "-x", String(width), "-y", String(height), "sh", "-c", line + "; echo \"[exit $?]\"; sleep 600"])
  }

  deinit { _ = try? tmux(["kill-server"]) }

  /// Sends tmux key names or literal text (`send-keys`), e.g. `["+"]`, `["Space"]`, `["C-c"]`.
  func send(_ keys: String...) throws {
    try tmux(["send-keys", "-t", "0"] + keys)
  }

  /// Sends `text` literally, character by character.
  func type(_ text: String) throws {
    try tmux(["send-keys", "-t", "0", "-l", text])
  }

  /// The visible screen as text, one line per row.
  func screen() throws -> String {
    try tmux(["capture-pane", "-p", "-t", "0"])
  }

  /// Resizes the window.
  func resize(width: Int, height: Int) throws {
    try tmux(["resize-window", "-t", "0", "-x", String(width), "-y", String(height)])
  }

  /// Polls the screen until `predicate` holds or `timeout` seconds pass; returns the last screen and
  /// whether the predicate held.
  @discardableResult
  func waitFor(timeout: Double = 10, _ predicate: (String) -> Bool) throws -> (screen: String, matched: Bool) {
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
  func waitFor(_ text: String, timeout: Double = 10) throws -> (screen: String, matched: Bool) {
    try waitFor(timeout: timeout) { $0.contains(text) }
  }

  /// The exit status printed after the command ended (`[exit N]`), waiting up to `timeout` seconds.
  func exitStatus(timeout: Double = 10) throws -> Int? {
    let (screen, matched) = try waitFor(timeout: timeout) { $0.contains("[exit ") }
    guard matched, let range = screen.range(of: #"\[exit (\d+)\]"#, options: .regularExpression) else { return nil }
    return Int(screen[range].dropFirst(6).dropLast())
  }

  @discardableResult
  private func tmux(_ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["tmux", "-L", server, "-f", "/dev/null"] + arguments
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }

  private static func quote(_ value: String) -> String {
    "'" + value.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}
