import Foundation
import Testing

@testable import DamTraining

@Suite("Sweep sampling: reproducible, in bounds, log-uniform where asked")
struct SweepSamplingTests {
  private func space(_ arguments: [String]) throws -> SearchSpace {
    try SearchSpace(parsing: arguments, base: try SweepTestSupport.preset())
  }

  private func numbers(_ arguments: [String], trials: Int, seed: UInt64 = 1) throws -> [Double] {
    try space(arguments).sample(trials: trials, seed: seed).map { Double($0[0].text)! }
  }

  @Test("The same seed gives the same trials, another seed other trials")
  func reproducibleFromSeed() throws {
    let axes = [
      "training.learning_rate=log:1e-4..1", "training.l2=log:1e-6..1e-1", "model.init=he-normal,xavier-uniform",
    ]
    let first = try space(axes).sample(trials: 20, seed: 42).map { $0.map(\.argument) }
    let again = try space(axes).sample(trials: 20, seed: 42).map { $0.map(\.argument) }
    let other = try space(axes).sample(trials: 20, seed: 43).map { $0.map(\.argument) }
    #expect(first == again)
    #expect(first != other)
    #expect(first[0].count == 3)
  }

  @Test("Log-uniform samples stay within the bounds and fill each decade equally")
  func logUniform() throws {
    let samples = try numbers(["training.learning_rate=log:1e-4..1"], trials: 8000)
    #expect(samples.allSatisfy { $0 >= 1e-4 && $0 <= 1 })
    var decades = [Int](repeating: 0, count: 4)
    for sample in samples { decades[min(3, Int(floor(log10(sample) + 4)))] += 1 }
    // 2000 expected per decade; the binomial standard deviation is about 39.
    #expect(decades.allSatisfy { abs($0 - 2000) < 200 }, "decade counts \(decades)")
    let median = samples.sorted()[samples.count / 2]
    #expect(median > 0.006 && median < 0.0166, "the median of log-uniform(1e-4, 1) is 0.01, got \(median)")
  }

  @Test("Log-uniform layer widths reach both bounds, fill each octave about equally and read back as arrays")
  func logUniformWidths() throws {
    // The defaults have two hidden layers: both get the drawn width.
    let settings = try space(["model.hidden=log:16..255"]).sample(trials: 4000, seed: 9).map { $0[0] }
    let widths = settings.map { setting -> Int in
      guard case .array(let elements) = setting.value, elements.count == 2, elements[0] == elements[1],
        case .integer(let width) = elements[0]
      else { return -1 }
      return width
    }
    #expect(widths.allSatisfy { (16...255).contains($0) })
    #expect(widths.contains(16) && widths.contains(255))
    // 16..31, 32..63, 64..127, 128..255: 1000 expected in each octave.
    var octaves = [Int](repeating: 0, count: 4)
    for width in widths { octaves[Int(log2(Double(width))) - 4] += 1 }
    #expect(octaves.allSatisfy { abs($0 - 1000) < 120 }, "octave counts \(octaves)")
  }

  @Test("Uniform samples stay within the bounds and fill each tenth equally")
  func uniform() throws {
    let samples = try numbers(["model.dropout=lin:0..0.5"], trials: 5000)
    #expect(samples.allSatisfy { $0 >= 0 && $0 <= 0.5 })
    var tenths = [Int](repeating: 0, count: 10)
    for sample in samples { tenths[min(9, Int(sample * 20))] += 1 }
    #expect(tenths.allSatisfy { abs($0 - 500) < 75 }, "counts \(tenths)")
  }

  @Test("Values are rounded to four significant digits, and the trial's text reads back to its value")
  func rounding() throws {
    for setting in try space(["training.learning_rate=log:1e-4..1"]).sample(trials: 200, seed: 5).map({ $0[0] }) {
      let value = Double(setting.text)!
      #expect(SignificantDigits.round(value) == value)
      #expect(setting.value == .float(value))
    }
    #expect(SignificantDigits.round(0.000123456) == 0.0001235)
    #expect(SignificantDigits.round(9.99996) == 10)
    #expect(SignificantDigits.round(-1_234_567) == -1_235_000)
  }

  @Test("Integer ranges reach every integer and nothing outside; choices reach every value")
  func integersAndChoices() throws {
    let sizes = try space(["training.batch_size=8..12"]).sample(trials: 500, seed: 3).map { $0[0].text }
    #expect(Set(sizes) == ["8", "9", "10", "11", "12"])
    let logSizes = try numbers(["training.batch_size=log:1..1000"], trials: 3000)
    #expect(logSizes.allSatisfy { $0 >= 1 && $0 <= 1000 && $0 == $0.rounded() })
    #expect(logSizes.filter { $0 < 10 }.count > 800 && logSizes.filter { $0 >= 100 }.count > 800)
    let inits = try space(["model.init=he-normal,xavier-uniform,zeros"]).sample(trials: 300, seed: 3).map { $0[0].text }
    #expect(Set(inits) == ["he-normal", "xavier-uniform", "zeros"])
  }

  @Test("A sample seed draws other trials but keeps the run seed: the same split, the same commands' --seed")
  func sampleSeed() throws {
    let plain = try SweepTestSupport.tinyPlan(trials: 6, budget: 9, seed: 5)
    var resampled = plain
    resampled.samplingSeed = 6
    var same = plain
    same.samplingSeed = 5
    let arguments = { (plan: SweepPlan) in plan.trialSettings.map { $0.map(\.argument) } }
    #expect(arguments(resampled) != arguments(plain))
    #expect(arguments(same) == arguments(plain))
    var sweptWithSix = plain
    sweptWithSix.seed = 6
    #expect(arguments(resampled) == arguments(sweptWithSix))
    let settings = resampled.trialSettings[0]
    #expect(try resampled.preset(for: settings).run.seed == 5)
    #expect(resampled.command(for: settings, steps: 9).hasSuffix("--steps 9 --seed 5"))
  }
}
