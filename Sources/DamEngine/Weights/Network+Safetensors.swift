#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

extension Network {
  /// The weights and architecture as `.safetensors` bytes (see `Safetensors`).
  public func safetensors() -> [UInt8] {
    Safetensors.encode(architecture: architecture, parameters: parameters, runningStatistics: runningStatistics)
  }

  /// Replaces the weights (and running statistics) with those of a `.safetensors` file of the same shape
  /// (inputs, hidden widths, head, batch normalization or not); the file's activation is adopted. The
  /// optimizer state is reset; step and hyperparameters are kept.
  /// - Throws: `WeightFileError` for a malformed file or another shape; the network is then unchanged.
  public mutating func loadSafetensors(_ bytes: [UInt8]) throws(WeightFileError) {
    let file = try Safetensors.decode(bytes)
    var expected = architecture
    expected.activation = file.architecture.activation
    guard file.architecture == expected else {
      throw .architectureMismatch(expected: Self.summary(architecture), found: Self.summary(file.architecture))
    }
    let s = uniqueStorage()
    s.layout.storageOrder(file.parameters.map { Scalar($0) }, into: s.parameters)
    for i in 0..<file.runningStatistics.count { s.runningStatistics[i] = Scalar(file.runningStatistics[i]) }
    architecture.activation = file.architecture.activation
    resetOptimizerState()
  }

  /// Creates a network from a `.safetensors` file: its architecture and weights, fresh optimizer state.
  /// - Throws: `WeightFileError` for a malformed file, or `.invalidArchitecture` for invalid hyperparameters.
  public init(safetensors bytes: [UInt8], hyperparameters: Hyperparameters = Hyperparameters(), seed: UInt64)
    throws(WeightFileError)
  {
    let file = try Safetensors.decode(bytes)
    do {
      try self.init(
        architecture: file.architecture, initializer: Initializer(kind: .zeros), hyperparameters: hyperparameters,
        seed: seed)
    } catch {
      throw .invalidArchitecture(error.description)
    }
    try loadSafetensors(bytes)
  }

  /// Writes `safetensors()` to the file at `path` (replacing it).
  public func saveWeights(to path: String) throws(WeightFileError) {
    try WeightFileIO.write(safetensors(), to: path)
  }

  /// `loadSafetensors` from the file at `path`.
  public mutating func loadWeights(from path: String) throws(WeightFileError) {
    try loadSafetensors(WeightFileIO.read(path))
  }

  /// "2-16-1 tanh binary", "2-16-1 tanh batch-norm binary".
  static func summary(_ architecture: NetworkArchitecture) -> String {
    architecture.widths.map(String.init).joined(separator: "-") + " \(architecture.activation.rawValue) "
      + (architecture.batchNorm ? "batch-norm " : "")
      + (Safetensors.metadata(architecture).first { $0.0 == "head" }?.1 ?? "")
  }
}

/// Whole-file reads and writes with the C library (DamEngine stays free of Foundation).
enum WeightFileIO {
  static func write(_ bytes: [UInt8], to path: String) throws(WeightFileError) {
    guard let file = fopen(path, "wb") else { throw .io(path: path, reason: lastError()) }
    let written = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
    let closed = fclose(file)
    guard written == bytes.count, closed == 0 else { throw .io(path: path, reason: lastError()) }
  }

  static func read(_ path: String) throws(WeightFileError) -> [UInt8] {
    guard let file = fopen(path, "rb") else { throw .io(path: path, reason: lastError()) }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = chunk.withUnsafeMutableBufferPointer { fread($0.baseAddress, 1, $0.count, file) }
      bytes += chunk[0..<count]
      if count < chunk.count { break }
    }
    guard ferror(file) == 0 else { throw .io(path: path, reason: lastError()) }
    return bytes
  }

  private static func lastError() -> String {
    String(cString: strerror(errno))
  }
}
