import Foundation

/// The virtualenv with the pinned test tools (`Tests/requirements.txt`) that
/// `scripts/prepare-test-tools.sh` makes; `.ci/run` runs that script before `swift test`. Tests never
/// install anything themselves. Shared by the test targets that drive those tools.
public enum TestTools {
  /// The virtualenv's folder: `$DAM_TEST_CACHE/test-venv`, or `~/.cache/dam-tui/test-venv`.
  public static var folder: String {
    let environment = ProcessInfo.processInfo.environment
    let cache = environment["DAM_TEST_CACHE"] ?? (environment["HOME"] ?? NSTemporaryDirectory()) + "/.cache/dam-tui"
    return cache + "/test-venv"
  }

  /// What to run when a tool is missing.
  public static let remedy =
    "run `bash scripts/prepare-test-tools.sh` (it installs Tests/requirements.txt into \(folder))"

  /// Whether the virtualenv has `tool` in its `bin`.
  public static func has(_ tool: String) -> Bool {
    FileManager.default.isExecutableFile(atPath: folder + "/bin/" + tool)
  }

  /// Whether a test needing `tool` runs: always under CI (`CI` set), where a missing tool fails the test,
  /// otherwise only when the tool is installed, so a plain `swift test` skips it with `remedy` as the reason.
  public static func runs(needing tool: String) -> Bool {
    has(tool) || ProcessInfo.processInfo.environment["CI"] != nil
  }

  /// The virtualenv's `bin` folder.
  /// - Throws: `Missing`, naming the tool and the remedy, when `tool` is not installed.
  public static func bin(providing tool: String) throws -> String {
    guard has(tool) else { throw Missing(description: "\(tool) is not installed: \(remedy)") }
    return folder + "/bin"
  }

  /// A tool the test needs is not installed.
  public struct Missing: Error, CustomStringConvertible {
    public let description: String
  }
}
