import Foundation

/// Locates the release build of `dam-tui` that the end-to-end and lesson tests drive.
///
/// Numeric code runs 10-50x slower in a debug build, so these tests use `.build/release/dam-tui`
/// (`.ci/run` builds it before `swift test`). `DAM_TUI_BINARY` overrides the path. When the binary is
/// missing it is built once, here, with `swift build -c release --product dam-tui`.
enum ReleaseBinary {
  /// The package root, found from this file's location.
  static let packageRoot: URL = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<4 { url.deleteLastPathComponent() }
    return url
  }()

  /// The path of the binary, building it first if needed.
  static let path: String = {
    if let override = ProcessInfo.processInfo.environment["DAM_TUI_BINARY"], !override.isEmpty {
      return override
    }
    let candidate = packageRoot.appendingPathComponent(".build/release/dam-tui").path
    if !FileManager.default.isExecutableFile(atPath: candidate) {
      let build = Process()
      build.executableURL = URL(fileURLWithPath: "/usr/bin/env")
      build.arguments = ["swift", "build", "-c", "release", "--product", "dam-tui"]
      build.currentDirectoryURL = packageRoot
      try? build.run()
      build.waitUntilExit()
    }
    return candidate
  }()
}
