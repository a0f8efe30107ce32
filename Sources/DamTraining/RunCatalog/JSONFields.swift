import Foundation

/// Typed, lenient reads of a JSON object's fields: a missing key or `null` reads as nil; a value of the
/// wrong type reads as nil too and is noted in `problems` (`steps (expected an integer)`).
struct JSONFields {
  private let object: [String: JSONValue]
  /// The keys that held a value of the wrong type, with the type expected.
  private(set) var problems: [String] = []

  init(_ object: [String: JSONValue]) {
    self.object = object
  }

  /// `bytes` parsed as a JSON object; nil when they are not one.
  init?(json bytes: Data) {
    guard let object = JSONValue.parse(bytes)?.object else { return nil }
    self.init(object)
  }

  mutating func string(_ key: String) -> String? {
    read(key, "a string") { $0.string }
  }

  mutating func boolean(_ key: String) -> Bool? {
    read(key, "true or false") { $0.boolean }
  }

  mutating func number(_ key: String) -> Double? {
    read(key, "a number") { $0.number }
  }

  mutating func integer(_ key: String) -> Int? {
    read(key, "an integer") { value in
      guard let number = value.number, number.rounded() == number, abs(number) < 9e15 else { return nil }
      return Int(number)
    }
  }

  mutating func object(_ key: String) -> JSONFields? {
    read(key, "an object") { $0.object.map(JSONFields.init) }
  }

  /// The array at `key`, its objects only (any other element is a problem).
  mutating func objects(_ key: String) -> [JSONFields] {
    guard let array = read(key, "an array", { $0.array }) else { return [] }
    var result: [JSONFields] = []
    for element in array {
      if let object = element.object {
        result.append(JSONFields(object))
      } else if !problems.contains("\(key) (expected objects)") {
        problems.append("\(key) (expected objects)")
      }
    }
    return result
  }

  /// Takes over the problems of `nested`, read from the value at `key`.
  mutating func adopt(_ nested: JSONFields, under key: String) {
    for problem in nested.problems where !problems.contains("\(key).\(problem)") {
      problems.append("\(key).\(problem)")
    }
  }

  private mutating func read<Value>(_ key: String, _ expected: String, _ cast: (JSONValue) -> Value?) -> Value? {
    guard let value = object[key], value != .null else { return nil }
    guard let typed = cast(value) else {
      problems.append("\(key) (expected \(expected))")
      return nil
    }
    return typed
  }
}

extension JSONFields {
  // Reads keyed by a `Codable` type's coding keys, so that a lenient reader names the fields its type's
  // encoder writes (`RunRecord` reads `RunSummary`'s).

  mutating func string(_ key: some CodingKey) -> String? { string(key.stringValue) }

  mutating func boolean(_ key: some CodingKey) -> Bool? { boolean(key.stringValue) }

  mutating func number(_ key: some CodingKey) -> Double? { number(key.stringValue) }

  mutating func integer(_ key: some CodingKey) -> Int? { integer(key.stringValue) }

  mutating func object(_ key: some CodingKey) -> JSONFields? { object(key.stringValue) }

  mutating func objects(_ key: some CodingKey) -> [JSONFields] { objects(key.stringValue) }

  mutating func adopt(_ nested: JSONFields, under key: some CodingKey) { adopt(nested, under: key.stringValue) }
}
