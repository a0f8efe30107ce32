import DamData
import Foundation

/// The runs under a log folder (`runs/`, or `--log-dir`): one directory per run, named
/// `<UTC yyyy-MM-dd_HH-mm-ss>_<preset>` (with `.2`, `.3`... when two started in the same second, and `-B`
/// for the second branch of a fork), holding `preset.toml`, `metrics.jsonl`, `summary.json` and more.
///
/// Reading never stops at a damaged run: each is listed with what is wrong.
public struct RunCatalog: Sendable {
  /// The folder the runs are in.
  public var root: String

  /// The largest `summary.json` or `preset.toml` read.
  static let smallFileLimit = 1 << 20
  /// The largest `metrics.jsonl` read.
  static let metricsLimit = 256 << 20

  /// The runs under `root`.
  public init(root: String) {
    self.root = root
  }

  /// Every run, newest first (by start time, then by name).
  /// - Throws: `RunCatalogError` when `root` is not a folder that can be read.
  public func entries() throws(RunCatalogError) -> [RunEntry] {
    try checkRoot()
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: root) else {
      throw RunCatalogError("the log folder \(root) cannot be read")
    }
    return names.filter { !$0.hasPrefix(".") && isDirectory(path(of: $0)) }.map { entry($0) }.sorted { first, second in
      let (a, b) = (first.started ?? "", second.started ?? "")
      return a != b ? a > b : first.name > second.name
    }
  }

  /// The run named `name` (a directory directly under `root`).
  /// - Throws: `RunCatalogError` when `root` or the run is missing, naming the path.
  public func entry(named name: String) throws(RunCatalogError) -> RunEntry {
    try checkRoot()
    guard !name.isEmpty, !name.contains("/"), name != ".", name != "..", isDirectory(path(of: name)) else {
      throw RunCatalogError("no run named \(name) in \(root) (`dam-tui runs` lists them)")
    }
    return entry(name)
  }

  /// The evaluations of `entry`'s `metrics.jsonl`.
  /// - Throws: `RunCatalogError` when the file cannot be read.
  public func metrics(of entry: RunEntry) throws(RunCatalogError) -> RunMetrics {
    RunMetrics(
      text: String(decoding: try contents(entry.path, "metrics.jsonl", limit: Self.metricsLimit), as: UTF8.self))
  }

  /// The settings `entry` started with, from its `preset.toml`, named after its preset.
  /// - Throws: `RunCatalogError` when the file is missing or is not a valid preset.
  public func preset(of entry: RunEntry) throws(RunCatalogError) -> Preset {
    let file = entry.path + "/preset.toml"
    let bytes = try contents(entry.path, "preset.toml", limit: Self.smallFileLimit)
    do {
      return try Preset.parse(
        bytes, name: entry.preset ?? entry.name, source: .file(path: file), file: file,
        baseDirectory: entry.path)
    } catch {
      throw RunCatalogError("\(file): not a valid preset: \(error)")
    }
  }

  private func entry(_ name: String) -> RunEntry {
    let directory = path(of: name)
    var entry = RunEntry(name: name, path: directory, status: RunEntry.damagedStatus)
    entry.started = Self.startTime(inName: name)
    entry.preset = Self.presetName(inName: name)
    var summaryProblem: String?
    do {
      let summary = try RunRecord(json: Data(try contents(directory, "summary.json", limit: Self.smallFileLimit)))
      entry.summary = summary
      entry.problems += summary.problems.map { "summary.json: \($0)" }
      entry.adopt(summary)
    } catch {
      summaryProblem = "summary.json: \(error)"
    }
    do {
      let metrics = try self.metrics(of: entry)
      if let summaryProblem {
        entry.problems.append(summaryProblem == "summary.json: missing" ? "partial (no summary.json)" : summaryProblem)
        entry.adopt(metrics)
      }
      entry.problems += metrics.problems
    } catch {
      if let summaryProblem { entry.problems.append(summaryProblem) }
      entry.problems.append("metrics.jsonl: \(error)")
    }
    if !isRegularFile(directory + "/preset.toml") { entry.problems.append("no preset.toml") }
    return entry
  }

  private func contents(_ directory: String, _ file: String, limit: Int) throws(RunCatalogError) -> [UInt8] {
    do {
      return try RegularFile.contents(atPath: directory + "/" + file, limit: limit)
    } catch .missing {
      throw RunCatalogError("missing")
    } catch {
      throw RunCatalogError("cannot read it: \(error)")
    }
  }

  private func checkRoot() throws(RunCatalogError) {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: root, isDirectory: &isFolder) else {
      throw RunCatalogError("no log folder at \(root) (runs are written there; --log-dir DIR reads another)")
    }
    guard isFolder.boolValue else { throw RunCatalogError("the log folder \(root) is not a folder") }
    guard FileManager.default.isReadableFile(atPath: root) else {
      throw RunCatalogError("the log folder \(root) cannot be read")
    }
  }

  private func path(of name: String) -> String {
    root.hasSuffix("/") ? root + name : root + "/" + name
  }

  private func isDirectory(_ path: String) -> Bool {
    var isFolder: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue
  }

  private func isRegularFile(_ path: String) -> Bool {
    (try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType) == .typeRegular
  }

  /// `2026-12-07T17:09:37Z` from a name starting `2026-12-07_17-09-37`, nil when it does not start so.
  static func startTime(inName name: String) -> String? {
    let characters = Array(name.prefix(19))
    guard characters.count == 19 else { return nil }
    let pattern = Array("dddd-dd-dd_dd-dd-dd")
    for (character, expected) in zip(characters, pattern) {
      if expected == "d" ? !character.isASCII || !character.isNumber : character != expected { return nil }
    }
    let text = String(characters)
    let date = text.prefix(10)
    let time = text.suffix(8).replacingOccurrences(of: "-", with: ":")
    return "\(date)T\(time)Z"
  }

  /// The preset named in a run's directory name: what follows the time stamp, without a `.N` suffix or
  /// the `-B` of a fork's second branch.
  static func presetName(inName name: String) -> String? {
    guard startTime(inName: name) != nil, name.count > 20 else { return nil }
    var preset = String(name.dropFirst(20))
    if let dot = preset.lastIndex(of: "."), !preset[preset.index(after: dot)...].isEmpty,
      preset[preset.index(after: dot)...].allSatisfy(\.isNumber)
    {
      preset = String(preset[..<dot])
    }
    if preset.hasSuffix("-B") { preset.removeLast(2) }
    return preset.isEmpty ? nil : preset
  }
}

extension RunEntry {
  /// Takes the fields of a readable summary.
  fileprivate mutating func adopt(_ summary: RunRecord) {
    preset = summary.preset ?? preset
    started = summary.started ?? started
    steps = summary.steps
    status = summary.status ?? "unknown"
    bestValidationLoss = summary.bestValidationLoss
    bestValidationStep = summary.bestValidationStep
    validationAccuracy = summary.final?.val_acc
    findings = summary.findings
    changes = summary.changes
  }

  /// Takes what the metrics of a run without a summary show.
  fileprivate mutating func adopt(_ metrics: RunMetrics) {
    status = RunEntry.partialStatus
    steps = metrics.evaluations.last?.step
    let best = metrics.best
    bestValidationLoss = best?.loss
    bestValidationStep = best?.step
    validationAccuracy = metrics.evaluations.last?.validationAccuracy
    findings = metrics.firedFindings
  }
}
