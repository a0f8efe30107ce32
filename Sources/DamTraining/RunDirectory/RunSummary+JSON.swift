import Foundation

extension RunSummary {
  /// The summary as `summary.json` holds it: pretty-printed, keys sorted, a final newline.
  public func jsonBytes() -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    // Every value is finite or nil after `finiteOrNil`, so encoding cannot fail.
    let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
    return Array(data) + [UInt8(ascii: "\n")]
  }

  /// Reads `summary.json` bytes.
  /// - Throws: `DecodingError` when the bytes are not a schema-1 summary.
  public static func decode(_ bytes: [UInt8]) throws -> RunSummary {
    try JSONDecoder().decode(RunSummary.self, from: Data(bytes))
  }
}
