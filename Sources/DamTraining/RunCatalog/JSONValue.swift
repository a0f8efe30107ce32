import Foundation

/// Any JSON value, for reading files whose fields are checked one by one (`JSONFields`).
enum JSONValue: Decodable, Sendable, Equatable {
  case null
  case boolean(Bool)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])

  init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .null
    } else if let value = try? container.decode(Bool.self) {
      self = .boolean(value)
    } else if let value = try? container.decode(Double.self) {
      self = .number(value)
    } else if let value = try? container.decode(String.self) {
      self = .string(value)
    } else if let value = try? container.decode([JSONValue].self) {
      self = .array(value)
    } else {
      self = .object(try container.decode([String: JSONValue].self))
    }
  }

  /// The string, if this is one.
  var string: String? {
    guard case .string(let value) = self else { return nil }
    return value
  }

  /// The boolean, if this is one.
  var boolean: Bool? {
    guard case .boolean(let value) = self else { return nil }
    return value
  }

  /// The number, if this is one.
  var number: Double? {
    guard case .number(let value) = self else { return nil }
    return value
  }

  /// The elements, if this is an array.
  var array: [JSONValue]? {
    guard case .array(let value) = self else { return nil }
    return value
  }

  /// The fields, if this is an object.
  var object: [String: JSONValue]? {
    guard case .object(let value) = self else { return nil }
    return value
  }

  /// `bytes` parsed as JSON; nil when they are not valid JSON.
  static func parse(_ bytes: Data) -> JSONValue? {
    try? JSONDecoder().decode(JSONValue.self, from: bytes)
  }
}
