extension Preset {
  /// The files the preset was read from: its TOML file and its CSV data, when it has them. No output may
  /// be written over them (`OutputPlan`).
  public var inputFiles: [String] {
    var files: [String] = []
    if case .file(let path) = source { files.append(path) }
    if let path = data.path { files.append(path) }
    return files
  }
}
