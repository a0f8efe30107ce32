import DamEngine
import Testing

@testable import DamTraining

@Suite("Sweep axes: parsing and validation against the preset schema")
struct SweepDimensionTests {
  private func distribution(_ argument: String) throws -> SweepDimension.Distribution {
    try SweepDimension(parsing: argument, base: try SweepTestSupport.preset()).distribution
  }

  @Test("log:, lin: and bare ranges parse to their distributions")
  func rangeForms() throws {
    #expect(try distribution("training.learning_rate=log:1e-4..1") == .logUniform(1e-4...1))
    #expect(try distribution("training.l2=lin:0..0.1") == .uniform(0...0.1))
    #expect(try distribution("model.dropout=0..0.5") == .uniform(0...0.5))
  }

  @Test("Ranges on integer keys sample integers")
  func integerKeys() throws {
    #expect(try distribution("training.batch_size=8..64") == .uniformInteger(8...64))
    #expect(try distribution("training.batch_size=log:8..256") == .logUniformInteger(8...256))
  }

  @Test("A range on model.hidden is one integer width for every hidden layer of the base")
  func layerWidthRanges() throws {
    // The defaults have two hidden layers.
    #expect(try distribution("model.hidden=log:16..256") == .layerWidth(16...256, logarithmic: true, layers: 2))
    #expect(try distribution("model.hidden=lin:4..8") == .layerWidth(4...8, logarithmic: false, layers: 2))
    let deep = try SweepTestSupport.preset(["model.hidden=[8, 8, 8]"])
    let dimension = try SweepDimension(parsing: "model.hidden=2..5", base: deep)
    #expect(dimension.distribution == .layerWidth(2...5, logarithmic: false, layers: 3))
    var generator = SeededGenerator(seed: 3)
    let drawn = Set((0..<200).map { _ in dimension.sample(using: &generator) })
    #expect(drawn == ["[2, 2, 2]", "[3, 3, 3]", "[4, 4, 4]", "[5, 5, 5]"])
  }

  @Test("Width ranges are checked: whole numbers, the schema's bounds, a base with a hidden layer")
  func layerWidthProblems() throws {
    #expect(try SweepTestSupport.problem("model.hidden=1.5..8")?.contains("takes whole numbers") == true)
    #expect(
      try SweepTestSupport.problem("model.hidden=0..8")?.contains("model.hidden = [0, 0] is not allowed") == true)
    #expect(try SweepTestSupport.problem("model.hidden=log:0..8")?.contains("needs bounds above 0") == true)
    let flat = try SweepTestSupport.preset(["model.hidden=[]"])
    let error = #expect(throws: SweepError.self) { try SweepDimension(parsing: "model.hidden=4..8", base: flat) }
    #expect(error?.message.contains("has no hidden layer") == true)
  }

  @Test("Comma lists are choices; commas inside arrays do not split")
  func choices() throws {
    #expect(try distribution("model.init=he-normal, xavier-uniform") == .choice(["he-normal", "xavier-uniform"]))
    #expect(try distribution("model.hidden=[16, 16],[32]") == .choice(["[16, 16]", "[32]"]))
    #expect(try distribution("training.learning_rate=0.1") == .choice(["0.1"]))
  }

  @Test("An unknown key is rejected with the closest key suggested")
  func unknownKey() throws {
    let message = try SweepTestSupport.problem("training.lerning_rate=log:1e-4..1")
    #expect(message?.contains("\"training.lerning_rate\" is not a preset key") == true)
    #expect(message?.contains("Did you mean \"training.learning_rate\"?") == true)
  }

  @Test("A bound outside the schema's range names the key and the allowed range")
  func outOfRange() throws {
    let message = try SweepTestSupport.problem("training.learning_rate=log:1e-4..100")
    #expect(
      message?.contains("training.learning_rate = 100.0 is out of range: expected a finite number in (0, 10]") == true)
    let low = try SweepTestSupport.problem("model.dropout=-0.5..0.5")
    #expect(low?.contains("model.dropout = -0.5 is out of range") == true)
    let integer = try SweepTestSupport.problem("training.batch_size=1..2000000")
    #expect(integer?.contains("expected an integer in 1...1000000") == true)
  }

  @Test("Malformed ranges are rejected with what is allowed")
  func malformedRanges() throws {
    #expect(try SweepTestSupport.problem("training.learning_rate=log:0..1")?.contains("needs bounds above 0") == true)
    #expect(try SweepTestSupport.problem("training.l2=0.1..0.01")?.contains("lower bound must be below") == true)
    #expect(try SweepTestSupport.problem("training.l2=log:a..b")?.contains("bounds must be numbers") == true)
    #expect(try SweepTestSupport.problem("training.batch_size=8.5..16")?.contains("expected an integer") == true)
    #expect(try SweepTestSupport.problem("training.l2")?.contains("expected section.key=SPEC") == true)
    #expect(try SweepTestSupport.problem("training.l2=")?.contains("values are missing") == true)
  }

  @Test("Every choice is validated, and the keys the sweep sets itself are refused")
  func choicesAndReservedKeys() throws {
    #expect(
      try SweepTestSupport.problem("model.init=he-normal,bogus")?.contains("\"bogus\" is not a known name") == true)
    #expect(try SweepTestSupport.problem("model.init=he-normal,")?.contains("an empty value") == true)
    #expect(try SweepTestSupport.problem("run.seed=1..9")?.contains("use --seed") == true)
    #expect(try SweepTestSupport.problem("run.steps=10..90")?.contains("use --budget") == true)
  }

  @Test("A search space reports every bad axis and a key varied twice")
  func spaceCollectsProblems() throws {
    let arguments = ["training.l2=log:0..1", "model.init=he-normal", "model.init=zeros", "data.noise=0..0.4"]
    let base = try SweepTestSupport.preset()
    let error = #expect(throws: SweepError.self) { try SearchSpace(parsing: arguments, base: base) }
    let lines = error?.message.split(separator: "\n") ?? []
    #expect(lines.count == 2)
    #expect(lines.last?.contains("model.init is varied twice") == true)
  }
}
