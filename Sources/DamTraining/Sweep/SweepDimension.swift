import DamEngine

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// One axis of a sweep's search space, from `--vary section.key=SPEC`:
///
/// - `log:LOW..HIGH`: log-uniform, `exp(U(ln LOW, ln HIGH))` (LOW > 0), for rates and penalties;
/// - `lin:LOW..HIGH` or `LOW..HIGH`: uniform;
/// - `A,B,C`: a choice among values, each equally likely (arrays may hold commas: `[16, 16],[32]`).
///
/// Ranges on integer keys (`training.batch_size`) sample integers, every one of LOW...HIGH reachable;
/// a range on `model.hidden` samples one integer width and gives it to every hidden layer of the base
/// preset (`log:16..256` on `[64, 64]` gives `[W, W]`); ranges on other keys sample numbers rounded to four
/// significant digits. The key must be a preset key, and both bounds (or every choice) must be accepted by the
/// preset schema.
public struct SweepDimension: Sendable, Equatable {
  /// How values are drawn.
  public enum Distribution: Sendable, Equatable {
    /// `exp(U(ln low, ln high))`, rounded to four significant digits.
    case logUniform(ClosedRange<Double>)
    /// `U(low, high)`, rounded to four significant digits.
    case uniform(ClosedRange<Double>)
    /// `floor(exp(U(ln low, ln (high + 1))))`: integers, each decade equally likely.
    case logUniformInteger(ClosedRange<Int>)
    /// Each integer of the range equally likely.
    case uniformInteger(ClosedRange<Int>)
    /// One integer width drawn as `logUniformInteger` (`logarithmic`) or `uniformInteger`, given to each of
    /// `layers` hidden layers: `[W]`, `[W, W]`...
    case layerWidth(ClosedRange<Int>, logarithmic: Bool, layers: Int)
    /// Each value text equally likely.
    case choice([String])
  }

  /// `section.key`.
  public let key: String
  /// How values are drawn.
  public let distribution: Distribution

  /// Keys that the sweep itself sets, with the option to use instead.
  static let reservedKeys = ["run.seed": "--seed", "run.steps": "--budget"]

  /// Parses `section.key=SPEC` and checks the key and its bounds against the schema, on top of `base`.
  /// - Throws: `SweepError` naming the argument, the key and what is allowed.
  public init(parsing argument: String, base: Preset) throws(SweepError) {
    guard let equals = argument.firstIndex(of: "=") else {
      throw SweepError("--vary \(argument): expected section.key=SPEC (for example training.l2=log:1e-6..1e-1)")
    }
    let key = String(argument[..<equals])
    let spec = String(argument[argument.index(after: equals)...])
    guard let field = PresetSchema.fields.first(where: { $0.path == key }) else {
      let known = PresetSchema.fields.map(\.path)
      throw SweepError(
        "--vary \(argument): \"\(key)\" is not a preset key." + EditDistance.suggestion(for: key, among: known))
    }
    if let option = Self.reservedKeys[field.path] {
      throw SweepError("--vary \(argument): the sweep sets \(key) itself; use \(option)")
    }
    guard !spec.isEmpty else {
      throw SweepError("--vary \(argument): the values are missing (\(Self.forms))")
    }
    self.key = key
    let probe = Probe(argument: argument, key: key, base: base)
    if let range = Self.range(spec) {
      distribution = try probe.rangeDistribution(range.low, range.high, logarithmic: range.logarithmic)
    } else {
      let values = Self.splitChoices(spec)
      for value in values { try probe.check(value) }
      distribution = .choice(values)
    }
  }

  /// The value of one trial, drawn from `generator`.
  func sample(using generator: inout SeededGenerator) -> String {
    switch distribution {
    case .logUniform(let range):
      let drawn = exp(generator.nextUniform(log(range.lowerBound), log(range.upperBound)))
      return TOMLText.float(min(max(SignificantDigits.round(drawn), range.lowerBound), range.upperBound))
    case .uniform(let range):
      let drawn = generator.nextUniform(range.lowerBound, range.upperBound)
      return TOMLText.float(min(max(SignificantDigits.round(drawn), range.lowerBound), range.upperBound))
    case .logUniformInteger(let range):
      return String(Self.logUniformInteger(range, using: &generator))
    case .uniformInteger(let range):
      return String(range.lowerBound + generator.nextInt(below: range.count))
    case .layerWidth(let range, let logarithmic, let layers):
      let width =
        logarithmic
        ? Self.logUniformInteger(range, using: &generator) : range.lowerBound + generator.nextInt(below: range.count)
      return Self.widths(width, layers: layers)
    case .choice(let values):
      return values[generator.nextInt(below: values.count)]
    }
  }

  /// `floor(exp(U(ln low, ln (high + 1))))`, clamped to the range.
  private static func logUniformInteger(_ range: ClosedRange<Int>, using generator: inout SeededGenerator) -> Int {
    let drawn = exp(generator.nextUniform(log(Double(range.lowerBound)), log(Double(range.upperBound) + 1)))
    return min(max(Int(drawn), range.lowerBound), range.upperBound)
  }

  /// `[width, width, ...]` with `layers` elements, as `--set model.hidden=` takes it.
  static func widths(_ width: Int, layers: Int) -> String {
    "[" + Array(repeating: String(width), count: layers).joined(separator: ", ") + "]"
  }

  static let forms = "expected log:LOW..HIGH, lin:LOW..HIGH, LOW..HIGH or a comma-separated list of values"

  /// `log:a..b`, `lin:a..b` or `a..b` with numeric bounds, else nil (a list of choices).
  private static func range(_ spec: String) -> (low: String, high: String, logarithmic: Bool)? {
    var body = Substring(spec)
    var logarithmic = false
    var explicit = false
    if body.hasPrefix("log:") {
      logarithmic = true
      explicit = true
      body = body.dropFirst(4)
    } else if body.hasPrefix("lin:") {
      explicit = true
      body = body.dropFirst(4)
    }
    guard let dots = body.range(of: "..") else {
      return explicit ? ("", String(body), logarithmic) : nil
    }
    let low = String(body[..<dots.lowerBound])
    let high = String(body[dots.upperBound...])
    guard explicit || (Double(low) != nil && Double(high) != nil) else { return nil }
    return (low, high, logarithmic)
  }

  /// `spec` split at the commas outside brackets, braces and quotes, each part trimmed of spaces.
  static func splitChoices(_ spec: String) -> [String] {
    var parts: [String] = []
    var current = ""
    var depth = 0
    var quote: Character?
    for character in spec {
      if let open = quote {
        if character == open { quote = nil }
      } else if character == "\"" || character == "'" {
        quote = character
      } else if character == "[" || character == "{" {
        depth += 1
      } else if character == "]" || character == "}" {
        depth -= 1
      } else if character == "," && depth == 0 {
        parts.append(current)
        current = ""
        continue
      }
      current.append(character)
    }
    parts.append(current)
    return parts.map { String($0.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()) }
  }
}

/// Checks values of one `--vary` key by applying them to the base preset, as `--set` would.
private struct Probe {
  let argument: String
  let key: String
  let base: Preset

  /// Fails with the schema's message when `key=text` is not accepted.
  func check(_ text: String) throws(SweepError) {
    if let problem = problem(text) { throw SweepError("--vary \(argument): \(problem)") }
  }

  /// The schema's complaint about `key=text`, or nil when it is accepted.
  func problem(_ text: String) -> String? {
    guard !text.isEmpty else { return "an empty value in the list (\(SweepDimension.forms))" }
    do {
      _ = try base.applying([try PresetOverride(parsing: "\(key)=\(text)")])
      return nil
    } catch {
      return error.diagnostics.map(\.message).joined(separator: "; ")
    }
  }

  /// The distribution of a numeric range, integer when the key takes only integers.
  func rangeDistribution(_ lowText: String, _ highText: String, logarithmic: Bool) throws(SweepError)
    -> SweepDimension.Distribution
  {
    guard let low = Double(lowText), let high = Double(highText), low.isFinite, high.isFinite else {
      throw SweepError("--vary \(argument): the bounds must be numbers (\(SweepDimension.forms))")
    }
    guard low < high else {
      throw SweepError("--vary \(argument): the lower bound must be below the upper bound")
    }
    if logarithmic && low <= 0 {
      throw SweepError("--vary \(argument): a log range needs bounds above 0")
    }
    if key == "model.hidden" { return try layerWidth(low, high, logarithmic: logarithmic) }
    guard let floatProblem = problem(TOMLText.float(low)) else {
      try check(TOMLText.float(high))
      return logarithmic ? .logUniform(low...high) : .uniform(low...high)
    }
    guard low == low.rounded(), abs(low) < 1e15, problem(String(Int(low))) == nil else {
      throw SweepError("--vary \(argument): \(floatProblem)")
    }
    guard high == high.rounded(), abs(high) < 1e15 else {
      throw SweepError("--vary \(argument): \(key) takes integers; the bounds must be whole numbers")
    }
    try check(String(Int(high)))
    let range = Int(low)...Int(high)
    return logarithmic ? .logUniformInteger(range) : .uniformInteger(range)
  }

  /// A width range on `model.hidden`: whole bounds, every hidden layer of the base gets the drawn width.
  private func layerWidth(_ low: Double, _ high: Double, logarithmic: Bool) throws(SweepError)
    -> SweepDimension.Distribution
  {
    let layers = base.model.hidden.count
    guard layers > 0 else {
      throw SweepError(
        "--vary \(argument): the base preset has no hidden layer; a width range needs one (or list choices: [16],[32])"
      )
    }
    guard low == low.rounded(), high == high.rounded(), abs(low) < 1e15, abs(high) < 1e15 else {
      throw SweepError("--vary \(argument): a width range takes whole numbers")
    }
    try check(SweepDimension.widths(Int(low), layers: layers))
    try check(SweepDimension.widths(Int(high), layers: layers))
    return .layerWidth(Int(low)...Int(high), logarithmic: logarithmic, layers: layers)
  }
}
