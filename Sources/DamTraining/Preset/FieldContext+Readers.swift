import DamEngine

/// Typed reads of a `PresetValue`, each failing with a message that names the key, the value and what is
/// allowed.
extension FieldContext {
  /// A number (an integer is accepted) within `range`; `openLow`/`openHigh` exclude the bounds.
  func number(
    _ value: PresetValue, in range: ClosedRange<Double>, openLow: Bool = false, openHigh: Bool = false
  ) throws(FieldProblem) -> Double {
    let allowed = "a finite number in \(RangeText.interval(range, openLow: openLow, openHigh: openHigh))"
    let number = try anyNumber(value, allowed: allowed)
    let aboveLow = openLow ? number > range.lowerBound : number >= range.lowerBound
    let belowHigh = openHigh ? number < range.upperBound : number <= range.upperBound
    guard number.isFinite, aboveLow, belowHigh else { throw outOfRange(value, allowed: allowed) }
    return number
  }

  /// An integer within `range`.
  func integer(_ value: PresetValue, in range: ClosedRange<Int>) throws(FieldProblem) -> Int {
    let allowed = "an integer in \(RangeText.integers(range))"
    guard case .integer(let integer) = value else { throw wrongType(value, allowed: allowed) }
    guard range.contains(integer) else { throw outOfRange(value, allowed: allowed) }
    return integer
  }

  /// `true` or `false`.
  func boolean(_ value: PresetValue) throws(FieldProblem) -> Bool {
    guard case .boolean(let flag) = value else { throw wrongType(value, allowed: "true or false") }
    return flag
  }

  /// A string; `nonEmpty` rejects "".
  func string(_ value: PresetValue, nonEmpty: Bool = false) throws(FieldProblem) -> String {
    let allowed = nonEmpty ? "a non-empty string" : "a string"
    guard case .string(let text) = value else { throw wrongType(value, allowed: allowed) }
    guard !nonEmpty || !text.isEmpty else { throw outOfRange(value, allowed: allowed) }
    return text
  }

  /// One of the names of `Name` (its raw values).
  func name<Name: RawRepresentable & CaseIterable>(_ value: PresetValue, of _: Name.Type) throws(FieldProblem)
    -> Name where Name.RawValue == String
  {
    let names = Name.allCases.map(\.rawValue)
    let allowed = "one of " + names.map { "\"\($0)\"" }.joined(separator: ", ")
    guard case .string(let text) = value else { throw wrongType(value, allowed: allowed) }
    guard let name = Name(rawValue: text) else {
      throw FieldProblem(
        message: "\(key) = \(value.tomlText) is not a known name: expected \(allowed)."
          + EditDistance.suggestion(for: text, among: names))
    }
    return name
  }

  /// An array whose every element passes `element`; `allowed` describes the whole array.
  func array<Element>(
    _ value: PresetValue, allowed: String, element: (PresetValue) throws(FieldProblem) -> Element
  ) throws(FieldProblem) -> [Element] {
    guard case .array(let elements) = value else { throw wrongType(value, allowed: allowed) }
    var result: [Element] = []
    for item in elements {
      do {
        result.append(try element(item))
      } catch {
        throw FieldProblem(message: "\(key) = \(value.tomlText) is not allowed: expected \(allowed)")
      }
    }
    return result
  }

  /// A training setting: `store` puts the value into default hyperparameters, whose own `validate()`
  /// then judges it, so the ranges live in one place.
  func hyperparameter(
    _ value: PresetValue, storing store: (inout Hyperparameters) -> Void
  ) throws(FieldProblem) {
    var probe = Hyperparameters()
    store(&probe)
    do {
      try probe.validate()
    } catch {
      throw outOfRange(value, allowed: error.allowed)
    }
  }

  /// Any number, for a training setting whose range `hyperparameter` checks.
  func anyNumber(_ value: PresetValue, allowed: String = "a finite number") throws(FieldProblem) -> Double {
    switch value {
    case .integer(let integer): return Double(integer)
    case .float(let number): return number
    default: throw wrongType(value, allowed: allowed)
    }
  }

  /// Any integer, for a training setting whose range `hyperparameter` checks.
  func anyInteger(_ value: PresetValue) throws(FieldProblem) -> Int {
    guard case .integer(let integer) = value else { throw wrongType(value, allowed: "an integer") }
    return integer
  }

  func wrongType(_ value: PresetValue, allowed: String) -> FieldProblem {
    FieldProblem(
      message: "\(key) = \(value.tomlText) has the wrong type: expected \(allowed), got \(value.typeDescription)")
  }

  func outOfRange(_ value: PresetValue, allowed: String) -> FieldProblem {
    FieldProblem(message: "\(key) = \(value.tomlText) is out of range: expected \(allowed)")
  }
}
