import DamScreen
import DamScreenTesting
import Testing

@Suite("Parameter list, status bar, tables")
struct ListWidgetTests {
  static let parameters = ParameterList(
    rows: [
      .init(name: "learning rate", value: "0.01"), .init(name: "L2", value: "1e-4"),
      .init(name: "initializer", value: "he-normal", isPending: true), .init(name: "optimizer", value: "adam"),
      .init(name: "batch size", value: "32"),
    ],
    selectedIndex: 0, glyphs: .ascii)

  @Test("The parameter list marks the selection with > and reverse video, and pending values with *")
  func parameterList() {
    let buffer = rendered(Self.parameters, width: 26, height: 5)
    expectSnapshot(
      buffer,
      [
        "> learning rate      0.01 ",
        "  L2                 1e-4 ",
        "  initializer   he-normal*",
        "  optimizer          adam ",
        "  batch size           32 ",
      ])
    #expect(buffer[5, 0].style.reverse)
    #expect(!buffer[5, 1].style.reverse)
  }

  @Test("Without focus the selection is bold, not reversed; a short list scrolls to the selection")
  func parameterListScrolls() {
    var list = Self.parameters
    list.selectedIndex = 4
    list.isFocused = false
    let buffer = rendered(list, width: 20, height: 3)
    expectSnapshot(
      buffer,
      [
        "  initializer he...*",
        "  optimizer    adam ",
        "> batch size     32 ",
      ])
    #expect(buffer[3, 2].style.bold && !buffer[3, 2].style.reverse)
  }

  @Test("A long value is cut with an ellipsis so the name stays whole", arguments: [GlyphSet.braille, .ascii])
  func longValueIsCut(glyphs: GlyphSet) {
    let list = ParameterList(
      rows: [.init(name: "hidden", value: "[16, 16, 16, 16, 16, 16, 16]", isPending: true)], selectedIndex: 0,
      glyphs: glyphs)
    let cut = glyphs == .ascii ? "[16, 16, 16, ..." : "[16, 16, 16, 16…"
    expectSnapshot(rendered(list, width: 26, height: 1), ["> hidden \(cut)*"])
  }

  static let status = StatusBar(
    state: .paused, step: 12_345, epoch: 3, samplesPerSecond: 48_200, trainingLoss: 0.0123, validationLoss: 0.034,
    accuracy: 0.987, preset: "vanishing", finding: "vanishing gradients in layers 1-4: try relu or he-normal")

  @Test("The speed limit follows the throughput, and goes first when the width runs out")
  func statusBarSpeed() {
    var status = Self.status
    status.speed = "200 steps/s"
    status.finding = nil
    expectSnapshot(
      rendered(status, width: 103, height: 1),
      ["paused | step 12345 | epoch 3 | loss 0.0123 | val 0.034 | acc 98.7% | 48.2k/s | 200 steps/s | vanishing"])
    expectSnapshot(
      rendered(status, width: 100, height: 1),
      ["paused | step 12345 | epoch 3 | loss 0.0123 | val 0.034 | acc 98.7% | 48.2k/s | vanishing           "])
  }

  @Test("The status bar drops the least important segments as it narrows")
  func statusBar() {
    expectSnapshot(
      rendered(Self.status, width: 100, height: 2),
      [
        "paused | step 12345 | epoch 3 | loss 0.0123 | val 0.034 | acc 98.7% | 48.2k/s | vanishing           ",
        "vanishing gradients in layers 1-4: try relu or he-normal                                            ",
      ])
    expectSnapshot(
      rendered(Self.status, width: 40, height: 1),
      [
        "paused | step 12345 | loss 0.0123       "
      ])
    expectSnapshot(
      rendered(Self.status, width: 14, height: 1),
      [
        "paused | step "
      ])
  }

  @Test("The state word carries its colour")
  func statusColour() {
    let buffer = rendered(StatusBar(state: .diverged, step: 7), width: 20, height: 1)
    #expect(buffer.line(0).hasPrefix("diverged | step 7"))
    #expect(buffer[0, 0].style.foreground == .red)
  }

  @Test("The layer health table flags ratios far from 1e-3 and mostly dead or saturated layers")
  func layerHealth() {
    let table = LayerHealthTable(layers: [
      LayerHealth(name: "L1", updateRatio: 2e-6, activationMean: 0.01, activationStd: 0.002, saturatedFraction: 0.02),
      LayerHealth(name: "L2", updateRatio: 1.2e-3, activationMean: 0.3, activationStd: 0.9, deadFraction: 0.75),
      LayerHealth(name: "L3", updateRatio: 0.3, activationMean: -1.5, activationStd: 12),
    ])
    let buffer = rendered(table, width: 56, height: 4)
    expectSnapshot(
      buffer,
      [
        "layer        upd/w act mean  act std     sat    dead    ",
        "L1        2e-6 low     0.01     2e-3      2%       -    ",
        "L2       1.2e-3 ok      0.3      0.9       -    !75%    ",
        "L3        0.3 high     -1.5       12       -       -    ",
      ])
    #expect(buffer[10, 1].style.foreground == Severity.vanishing.color)
  }

  @Test("The confusion matrix lines actual rows against predicted columns with recall")
  func confusionMatrix() {
    let matrix = ConfusionMatrix(counts: [[48, 2, 0], [5, 40, 5], [0, 1, 49]])
    let buffer = rendered(matrix, width: 30, height: 4)
    expectSnapshot(
      buffer,
      [
        "act\\pred   0   1   2 recall   ",
        "0         48   2   0    96%   ",
        "1          5  40   5    80%   ",
        "2          0   1  49    98%   ",
      ])
    #expect(buffer[11, 1].style.foreground == .green)
  }
}
