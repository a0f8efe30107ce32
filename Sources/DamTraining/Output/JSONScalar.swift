/// A string or boolean `JSONObjectWriter` writes as is, for optional fields written as `null` when nil.
protocol JSONScalar {
  /// Writes `"key": self` to `writer`.
  func write(_ key: String, to writer: inout JSONObjectWriter)
}

extension String: JSONScalar {
  func write(_ key: String, to writer: inout JSONObjectWriter) { writer.field(key, self) }
}

extension Bool: JSONScalar {
  func write(_ key: String, to writer: inout JSONObjectWriter) { writer.field(key, self) }
}
