import DamScreen
import DamScreenTesting
import DamTraining
import Testing

@testable import DamUI

@Suite("The weight view")
struct ViewWeightTests {
  /// The fixture snapshot with `weights`.
  private func snapshot(_ weights: [WeightMatrix]) -> Snapshot {
    var snapshot = ViewFixture.snapshot()
    snapshot.weights = weights
    return snapshot
  }

  /// Zero initialization after training: every unit a copy (identical rows), and an output layer with
  /// two inputs L1 switched off (blank columns).
  static let symmetric = [
    WeightMatrix(rows: 3, columns: 2, values: [0.5, -0.25, 0.5, -0.25, 0.5, -0.25]),
    WeightMatrix(rows: 1, columns: 5, values: [0.8, 0, -0.4, 0.0002, 0.8]),
  ]

  @Test("Each layer shows its shape, norm, zero shares and matrix: identical rows and blank columns read")
  func panel() {
    let panel = WeightPanel(snapshot: snapshot(Self.symmetric), isFocused: false, glyphs: .ascii)
    expectSnapshot(
      rendered(panel, width: 50, height: 8),
      [
        "+ Weights (w: gradients) ------------------------+",
        "|L1 3x2 |W| 0.968  L2 1x5 |W| 1.2                |",
        "|zero 0% ~0 0%     zero 20% ~0 40%               |",
        "|@+                @ + @                         |",
        "|@+                                              |",
        "|@+                                              |",
        "|blue +, red -, blank |w|<1e-3                   |",
        "+------------------------------------------------+",
      ])
  }

  @Test("A matrix with more units than rows is drawn transposed, a column per unit, marked T")
  func transposed() {
    let values = (0..<40).map { $0 % 4 == 0 ? Float(0) : Float($0 % 7) - 3 }
    let panel = WeightPanel(
      snapshot: snapshot([WeightMatrix(rows: 20, columns: 2, values: values)]), isFocused: false, glyphs: .ascii)
    expectSnapshot(
      rendered(panel, width: 40, height: 8),
      [
        "+ Weights (w: gradients) --------------+",
        "|L1 20x2 T |W| 10.6                    |",
        "|zero 37.5% ~0 37.5%                   |",
        "| = @   @ = * * = @                    |",
        "|* *@==@* *@==@* *@==                  |",
        "|                                      |",
        "|blue +, red -, blank |w|<1e-3, T trans|",
        "+--------------------------------------+",
      ])
  }

  @Test("The statistics: Frobenius norm, exact zeros and near zeros")
  func statistics() {
    let matrix = WeightMatrix(rows: 2, columns: 2, values: [3, 0, -4, 0.0005])
    #expect(abs(matrix.norm - 5) < 1e-6)
    #expect(matrix.zeroFraction == 0.25 && matrix.nearZeroFraction == 0.5 && matrix.maximumMagnitude == 4)
    #expect(matrix[1, 0] == -4)
  }

  @Test("w puts the weight view in place of the gradient panel, and w or g brings the gradients back")
  func keyToggles() {
    var state = makeAppState()
    let weights = snapshot(Self.symmetric)
    press(&state, .character("w"))
    let shown = view(state, snapshot: weights, glyphs: .ascii).lines.joined(separator: "\n")
    #expect(shown.contains("Weights (w: gradients)") && shown.contains("L2 1x5"))
    press(&state, .character("w"))
    #expect(view(state, snapshot: weights, glyphs: .ascii).lines.joined().contains("Gradient norms"))
    press(&state, .character("w"))
    press(&state, .character("g"))
    #expect(!state.showsWeights && state.gradientView == .bars)
    #expect(KeyMap.helpLines.contains { $0.hasPrefix("w ") && $0.contains("weights") })
  }
}
