/// Network weights in the `.safetensors` format (https://github.com/huggingface/safetensors):
/// an 8-byte little-endian header length N, N bytes of JSON header (space-padded to a multiple of 8),
/// then the raw tensor bytes.
///
/// Tensors are the dense layers numbered from the input side: `layers.{i}.weight` [out, in] and
/// `layers.{i}.bias` [out], F32 little-endian, stored in that order. With batch normalization every
/// hidden layer i also has `layers.{i}.bn.weight` (gamma) and `layers.{i}.bn.bias` (beta) [out] right
/// after its bias, and after all of those the running statistics `layers.{i}.bn.running_mean` and
/// `layers.{i}.bn.running_var` [out] (PyTorch `BatchNorm1d`'s names under the layer's prefix).
/// `__metadata__` holds the architecture as strings: `format` = "dam-tui/1", `inputs`, `hidden`
/// (comma-separated widths, empty for none), `activation` (its preset name), `head` (`binary`,
/// `multiclass`, `regression`), `outputs` and, only for a batch-normalized network, `batch_norm` =
/// "true" (absent means "false").
public enum Safetensors {
  /// The metadata `format` value this version writes and reads.
  public static let formatName = "dam-tui/1"

  /// Encodes `architecture`, `parameters` [P] in `ParameterLayout` order and, with batch normalization,
  /// the running statistics [S] (all rounded to F32).
  public static func encode<Scalar: EngineScalar>(
    architecture: NetworkArchitecture, parameters: [Scalar], runningStatistics: [Scalar] = []
  ) -> [UInt8] {
    let layout = ParameterLayout(architecture)
    precondition(parameters.count == layout.count, "parameters must fit the architecture")
    precondition(runningStatistics.count == layout.statisticsCount, "running statistics must fit the architecture")
    var members: [(String, JSONValue)] = [("__metadata__", .object(metadata(architecture).map { ($0, .string($1)) }))]
    for (name, shape, offset, count) in tensors(layout) {
      members.append(
        (
          name,
          .object([
            ("dtype", .string("F32")), ("shape", .array(shape.map { .number(Double($0)) })),
            ("data_offsets", .array([.number(Double(4 * offset)), .number(Double(4 * (offset + count)))])),
          ])
        ))
    }
    var header = Array(JSONValue.object(members).text.utf8)
    while (8 + header.count) % 8 != 0 { header.append(0x20) }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(8 + header.count + 4 * (parameters.count + runningStatistics.count))
    appendLittleEndian(UInt64(header.count), to: &bytes)
    bytes += header
    for value in parameters { appendLittleEndian(Float(value).bitPattern, to: &bytes) }
    for value in runningStatistics { appendLittleEndian(Float(value).bitPattern, to: &bytes) }
    return bytes
  }

  /// Decodes a weight file into its architecture, parameters [P] in `ParameterLayout` order and running
  /// statistics [S] (empty without batch normalization), checking every tensor's type, shape and byte
  /// range.
  public static func decode(_ bytes: [UInt8]) throws(WeightFileError) -> (
    architecture: NetworkArchitecture, parameters: [Float], runningStatistics: [Float]
  ) {
    guard bytes.count >= 8 else { throw .truncated }
    let headerLength = bytes[0..<8].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    guard headerLength <= UInt64(bytes.count - 8) else { throw .truncated }
    let dataStart = 8 + Int(headerLength)
    let header = try JSONValue.parse(bytes[8..<dataStart])
    guard case .object(let members) = header else { throw .invalidHeader("the header is not a JSON object") }
    let architecture = try architecture(from: header["__metadata__"])
    let layout = ParameterLayout(architecture)
    let expected = tensors(layout)
    let expectedNames = Set(expected.map(\.name))
    for (name, _) in members where name != "__metadata__" && !expectedNames.contains(name) {
      throw .unexpectedTensor(name)
    }
    var values = [Float](repeating: 0, count: layout.count + layout.statisticsCount)
    for (name, shape, offset, count) in expected {
      guard let tensor = header[name] else { throw .missingTensor(name) }
      guard case .string(let dtype)? = tensor["dtype"] else { throw .invalidHeader("\(name) has no dtype") }
      guard dtype == "F32" else { throw .unsupportedType(tensor: name, dtype: dtype) }
      guard case .array(let shapeValues)? = tensor["shape"], let actualShape = integers(shapeValues) else {
        throw .invalidHeader("\(name) has no valid shape")
      }
      guard actualShape == shape else { throw .shape(tensor: name, expected: shape, actual: actualShape) }
      guard case .array(let offsetValues)? = tensor["data_offsets"], let range = integers(offsetValues),
        range.count == 2, range[1] - range[0] == 4 * count, range[0] >= 0
      else { throw .offsets(tensor: name) }
      guard dataStart + range[1] <= bytes.count else { throw .truncated }
      for i in 0..<count {
        let at = dataStart + range[0] + 4 * i
        let bits = bytes[at..<(at + 4)].reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        values[offset + i] = Float(bitPattern: bits)
      }
    }
    return (architecture, Array(values[..<layout.count]), Array(values[layout.count...]))
  }

  /// The metadata strings of `architecture`.
  static func metadata(_ architecture: NetworkArchitecture) -> [(String, String)] {
    let head: String
    switch architecture.head {
    case .binary: head = "binary"
    case .multiclass: head = "multiclass"
    case .regression: head = "regression"
    }
    let common = [
      ("format", formatName), ("inputs", String(architecture.inputs)),
      ("hidden", architecture.hidden.map(String.init).joined(separator: ",")),
      ("activation", architecture.activation.rawValue), ("head", head),
      ("outputs", String(architecture.head.outputWidth)),
    ]
    return architecture.batchNorm ? common + [("batch_norm", "true")] : common
  }

  private static func architecture(from metadata: JSONValue?) throws(WeightFileError) -> NetworkArchitecture {
    guard let metadata else { throw .invalidArchitecture("no __metadata__") }
    func text(_ key: String) throws(WeightFileError) -> String {
      guard case .string(let value)? = metadata[key] else { throw .invalidArchitecture("no \(key)") }
      return value
    }
    guard try text("format") == formatName else {
      throw .invalidArchitecture("format \(try text("format")), expected \(formatName)")
    }
    let hiddenText = try text("hidden")
    let hidden =
      hiddenText.isEmpty ? [] : hiddenText.split(separator: ",", omittingEmptySubsequences: false).map { Int($0) }
    guard let inputs = Int(try text("inputs")), let outputs = Int(try text("outputs")), !hidden.contains(nil) else {
      throw .invalidArchitecture("inputs, hidden and outputs must be integers")
    }
    guard let activation = Activation(rawValue: try text("activation")) else {
      throw .invalidArchitecture("unknown activation \(try text("activation"))")
    }
    let head: OutputHead
    switch try text("head") {
    case "binary" where outputs == 1: head = .binary
    case "multiclass": head = .multiclass(classes: outputs)
    case "regression": head = .regression(outputs: outputs)
    default: throw .invalidArchitecture("head \(try text("head")) with \(outputs) outputs")
    }
    let batchNorm: Bool
    switch metadata["batch_norm"] {
    case nil, .string("false")?: batchNorm = false
    case .string("true")?: batchNorm = true
    default: throw .invalidArchitecture("batch_norm must be \"true\" or \"false\"")
    }
    let architecture = NetworkArchitecture(
      inputs: inputs, hidden: hidden.compactMap { $0 }, activation: activation, head: head, batchNorm: batchNorm)
    do {
      try architecture.validate()
    } catch {
      throw .invalidArchitecture(error.description)
    }
    return architecture
  }

  /// Every tensor: name, shape, offset in the parameter vector followed by the running statistics
  /// ([P + S], file order) and element count.
  private static func tensors(_ layout: ParameterLayout) -> [(name: String, shape: [Int], offset: Int, count: Int)] {
    var result: [(name: String, shape: [Int], offset: Int, count: Int)] = []
    for layer in 0..<layout.layerCount {
      let width = layout.fanOut[layer]
      let weightShape = [width, layout.fanIn[layer]]
      result.append(("layers.\(layer).weight", weightShape, layout.weightOffset[layer], layout.weightCount(layer)))
      result.append(("layers.\(layer).bias", [width], layout.biasOffset[layer], width))
      if layout.isNormalized(layer) {
        result.append(("layers.\(layer).bn.weight", [width], layout.scaleOffset[layer], width))
        result.append(("layers.\(layer).bn.bias", [width], layout.scaleOffset[layer] + width, width))
      }
    }
    for layer in 0..<layout.runningMeanOffset.count {
      let width = layout.fanOut[layer]
      let offset = layout.count + layout.runningMeanOffset[layer]
      result.append(("layers.\(layer).bn.running_mean", [width], offset, width))
      result.append(("layers.\(layer).bn.running_var", [width], offset + width, width))
    }
    return result
  }

  private static func integers(_ values: [JSONValue]) -> [Int]? {
    var result: [Int] = []
    for value in values {
      guard case .number(let number) = value, number == number.rounded(), abs(number) < 1e15 else { return nil }
      result.append(Int(number))
    }
    return result
  }

  private static func appendLittleEndian<T: FixedWidthInteger>(_ value: T, to bytes: inout [UInt8]) {
    for shift in stride(from: 0, to: T.bitWidth, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> shift)) }
  }
}
