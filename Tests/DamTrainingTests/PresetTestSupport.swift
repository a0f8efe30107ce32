import Foundation

@testable import DamTraining

/// Helpers shared by the preset tests.
enum PresetTestSupport {
  /// The repository's `presets/` folder.
  static let presetsDirectory: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.appendingPathComponent("presets").path
  }()

  /// The lesson names the issue asks for.
  static let lessonNames: Set<String> = [
    "default", "overfitting", "l2-cures-overfitting", "l1-sparsity", "dropout-cures-overfitting", "more-data",
    "augmentation", "unnormalized-inputs", "vanishing-gradients", "exploding-gradients", "zero-init-symmetry",
    "he-init-for-relu", "learning-rate-too-high", "learning-rate-too-low", "adam-vs-sgd", "digits", "batch-norm",
    "initialization", "minimum",
  ]

  /// A fresh empty folder, removed when `body` returns.
  static func withTemporaryDirectory<T>(_ body: (String) throws -> T) throws -> T {
    let path = NSTemporaryDirectory() + "dam-tui-preset-tests-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try body(path)
  }

  /// Writes `text` to `path`, creating folders as needed.
  static func write(_ text: String, to path: String) throws {
    try FileManager.default.createDirectory(
      atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
  }

  /// Parses `text` as a preset file named `file`.
  static func parse(_ text: String, file: String = "test.toml", overrides: [String] = []) throws(PresetError) -> Preset
  {
    var parsed: [PresetOverride] = []
    for argument in overrides { parsed.append(try PresetOverride(parsing: argument)) }
    return try Preset.parse(
      Array(text.utf8), name: "test", source: .file(path: file), file: file, baseDirectory: "/base",
      overrides: parsed, currentDirectory: "/cwd")
  }

  /// The diagnostics of parsing `text`, or an empty list when it is valid.
  static func diagnostics(_ text: String, overrides: [String] = []) -> [PresetDiagnostic] {
    do {
      _ = try parse(text, overrides: overrides)
      return []
    } catch {
      return error.diagnostics
    }
  }
}
