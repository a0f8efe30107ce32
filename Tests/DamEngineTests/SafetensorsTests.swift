import DamEngine
import Testing

/// Weight files in the safetensors format.
struct SafetensorsTests {
  private let architecture = NetworkArchitecture(
    inputs: 2, hidden: [3], activation: .tanh, head: .multiclass(classes: 2))

  @Test("A weight file round-trips the weights and the architecture")
  func roundTrip() throws {
    let network = try Network<Float>(architecture: architecture, seed: 5)
    let bytes = network.safetensors()
    let decoded = try Safetensors.decode(bytes)
    #expect(decoded.architecture == architecture)
    #expect(decoded.parameters == network.parameters)
    let restored = try Network<Float>(safetensors: bytes, seed: 0)
    #expect(restored.parameters == network.parameters)
    #expect(restored.architecture == architecture)
  }

  @Test("The header is the documented JSON, padded to 8 bytes, and the data is F32 little-endian")
  func handCheckedHeader() throws {
    var network = try Network<Float>(architecture: architecture, seed: 5)
    let parameters: [Float] = (0..<17).map { Float($0) * 0.5 - 1 }
    try network.setParameters(parameters)
    let bytes = network.safetensors()
    let expectedHeader =
      #"{"__metadata__":{"format":"dam-tui/1","inputs":"2","hidden":"3","activation":"tanh","#
      + #""head":"multiclass","outputs":"2"},"#
      + #""layers.0.weight":{"dtype":"F32","shape":[3,2],"data_offsets":[0,24]},"#
      + #""layers.0.bias":{"dtype":"F32","shape":[3],"data_offsets":[24,36]},"#
      + #""layers.1.weight":{"dtype":"F32","shape":[2,3],"data_offsets":[36,60]},"#
      + #""layers.1.bias":{"dtype":"F32","shape":[2],"data_offsets":[60,68]}}"#
    let length = Int(bytes[0]) | Int(bytes[1]) << 8 | Int(bytes[2]) << 16 | Int(bytes[3]) << 24
    #expect(bytes[4..<8].allSatisfy { $0 == 0 })
    #expect((8 + length) % 8 == 0)
    let header = String(decoding: bytes[8..<(8 + length)], as: UTF8.self)
    #expect(header.hasPrefix(expectedHeader))
    #expect(header.dropFirst(expectedHeader.utf8.count).allSatisfy { $0 == " " })
    #expect(bytes.count == 8 + length + 68)
    // -1.0f = 0xBF800000, little-endian: 00 00 80 BF; the last parameter 7.0f = 0x40E00000.
    #expect(Array(bytes[(8 + length)..<(8 + length + 4)]) == [0x00, 0x00, 0x80, 0xBF])
    #expect(Array(bytes.suffix(4)) == [0x00, 0x00, 0xE0, 0x40])
  }

  @Test("Loading reports wrong shapes, missing tensors, other types and truncation")
  func clearErrors() throws {
    let network = try Network<Float>(architecture: architecture, seed: 5)
    let bytes = network.safetensors()
    var other = try Network<Float>(
      architecture: NetworkArchitecture(inputs: 2, hidden: [4], activation: .tanh, head: .multiclass(classes: 2)),
      seed: 1)
    #expect(
      throws: WeightFileError.architectureMismatch(expected: "2-4-2 tanh multiclass", found: "2-3-2 tanh multiclass")
    ) {
      try other.loadSafetensors(bytes)
    }
    #expect(throws: WeightFileError.truncated) { try Safetensors.decode(Array(bytes.dropLast(4))) }
    #expect(throws: WeightFileError.truncated) { try Safetensors.decode([1, 2, 3]) }
    let edits: [(String, String, WeightFileError)] = [
      (#""shape":[3,2]"#, #""shape":[2,3]"#, .shape(tensor: "layers.0.weight", expected: [3, 2], actual: [2, 3])),
      (#""layers.1.bias""#, #""layers.9.bias""#, .unexpectedTensor("layers.9.bias")),
      (
        #""dtype":"F32","shape":[3]"#, #""dtype":"F16","shape":[3]"#,
        .unsupportedType(tensor: "layers.0.bias", dtype: "F16")
      ),
      (#""data_offsets":[24,36]"#, #""data_offsets":[24,40]"#, .offsets(tensor: "layers.0.bias")),
      (#""activation":"tanh""#, #""activation":"gelu""#, .invalidArchitecture("unknown activation gelu")),
    ]
    for (from, to, error) in edits {
      #expect(throws: error) { try Safetensors.decode(replacingInHeader(bytes, from, to)) }
    }
  }

  @Test("Weights survive a file round trip")
  func fileRoundTrip() throws {
    let network = try Network<Float>(architecture: architecture, seed: 5)
    let path = "/tmp/dam-engine-test-\(UInt64.random(in: 0..<UInt64.max)).safetensors"
    try network.saveWeights(to: path)
    var loaded = try Network<Float>(architecture: architecture, seed: 6)
    try loaded.loadWeights(from: path)
    #expect(loaded.parameters == network.parameters)
    #expect(throws: WeightFileError.self) { try loaded.loadWeights(from: "/nonexistent/dir/w.safetensors") }
  }

  /// `bytes` with `from` replaced by `to` in the header (equal lengths keep offsets valid; otherwise
  /// the header length is rewritten).
  private func replacingInHeader(_ bytes: [UInt8], _ from: String, _ to: String) -> [UInt8] {
    let length = Int(bytes[0]) | Int(bytes[1]) << 8 | Int(bytes[2]) << 16 | Int(bytes[3]) << 24
    let header = String(decoding: bytes[8..<(8 + length)], as: UTF8.self)
    let edited = Array(header.replacing(from, with: to).utf8)
    var result: [UInt8] = (0..<8).map { UInt8(truncatingIfNeeded: edited.count >> (8 * $0)) }
    result += edited
    result += bytes[(8 + length)...]
    return result
  }
}
