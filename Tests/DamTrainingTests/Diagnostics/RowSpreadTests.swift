import DamEngine
import Testing

@testable import DamTraining

@Suite("Row spread")
struct RowSpreadTests {
  private func spread(_ weights: [Double], _ bias: [Double]) -> Double {
    let inputs = weights.count / bias.count
    return RowSpread.relativeSpread(
      units: bias.count, inputs: inputs, weight: { weights[$0 * inputs + $1] }, bias: { bias[$0] })
  }

  @Test("Identical rows have spread 0, different rows the largest difference over the largest magnitude")
  func handComputed() {
    #expect(spread([1, 2, 1, 2, 1, 2], [0.5, 0.5, 0.5]) == 0)
    #expect(spread([0, 0, 0, 0], [0, 0]) == 0)
    // Rows (1, 2 | 0) and (1, -2 | 0.5): largest difference 4 (column 1), largest magnitude 2.
    #expect(spread([1, 2, 1, -2], [0, 0.5]) == 2)
    // Only the biases differ.
    #expect(spread([1, 1, 1, 1], [0, 0.25]) == 0.25)
  }

  @Test("Zero init is symmetric in every layer, random init in none")
  func networks() throws {
    let architecture = NetworkArchitecture(inputs: 3, hidden: [4, 5], activation: .tanh, head: .binary)
    let zero = try Network<Float>(architecture: architecture, initializer: Initializer(kind: .zeros), seed: 1)
    #expect(RowSpread.relativeSpreads(of: zero) == [0, 0, 0])
    let random = try Network<Float>(architecture: architecture, initializer: Initializer(kind: .heNormal), seed: 1)
    let spreads = RowSpread.relativeSpreads(of: random)
    #expect(spreads.count == 3)
    #expect(spreads.prefix(2).allSatisfy { $0 > 0.1 })
  }
}
