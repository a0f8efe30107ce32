import Foundation

/// Locates the release build of `dam-tui` that the end-to-end and lesson tests drive, and makes sure it is
/// current.
///
/// Numeric code runs 10-50x slower in a debug build, so these tests use `.build/release/dam-tui`
/// (`.ci/run` builds it before `swift test`). When the binary is missing or older than any file under
/// `Sources/` or `Package.swift`, it is rebuilt once, here, with `swift build -c release --product dam-tui`;
/// when that fails or leaves it stale, every test that needs it fails with a message saying so, so an edit is
/// never tested against old code. `DAM_TUI_BINARY` names another binary, used as it is.
enum ReleaseBinary {
  /// The package root, found from this file's location.
  static let packageRoot: URL = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<4 { url.deleteLastPathComponent() }
    return url
  }()

  /// The path of a current release binary.
  /// - Throws: `Stale` when it is missing or older than the sources and could not be rebuilt.
  static var path: String {
    get throws { try current.get() }
  }

  /// Why the binary cannot be used.
  struct Stale: Error, CustomStringConvertible {
    let description: String
  }

  private static let current: Result<String, Stale> = {
    if let override = ProcessInfo.processInfo.environment["DAM_TUI_BINARY"], !override.isEmpty {
      return .success(override)
    }
    let binary = packageRoot.appendingPathComponent(".build/release/dam-tui").path
    guard let newer = newerSource(than: binary) else { return .success(binary) }
    let build = Process()
    build.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    // `swift test` holds the package lock while the tests run; this build is of another configuration.
    build.arguments = ["swift", "build", "--ignore-lock", "-c", "release", "--product", "dam-tui"]
    build.currentDirectoryURL = packageRoot
    do {
      try build.run()
      build.waitUntilExit()
    } catch {
      return .failure(Stale(description: "cannot run swift build to rebuild \(binary): \(error)"))
    }
    if build.terminationStatus == 0, newerSource(than: binary) == nil { return .success(binary) }
    return .failure(
      Stale(
        description: "\(binary) is missing or older than \(newer), and `swift build -c release --product dam-tui` "
          + "did not bring it up to date (exit \(build.terminationStatus)); build it, then run the tests again"))
  }()

  /// A source file (under `Sources/`, or `Package.swift`) modified after `binary`, or the binary itself when
  /// it does not exist; nil when the binary is current.
  static func newerSource(than binary: String) -> String? {
    let files = FileManager.default
    guard let built = (try? files.attributesOfItem(atPath: binary))?[.modificationDate] as? Date else {
      return binary
    }
    let sources = packageRoot.appendingPathComponent("Sources")
    var candidates = [packageRoot.appendingPathComponent("Package.swift")]
    if let walk = files.enumerator(at: sources, includingPropertiesForKeys: [.contentModificationDateKey]) {
      candidates += walk.compactMap { $0 as? URL }
    }
    return candidates.first { url in
      let modified = (try? url.resourceValues(forKeys: [.contentModificationDateKey]))?.contentModificationDate
      return modified.map { $0 > built } ?? false
    }?.path
  }
}
