import DamScreen
import DamScreenTesting
import Foundation
import Testing

@Suite("Panels, dialogs, text input, decision map")
struct FrameWidgetTests {
  @Test("A panel draws a box with its title; focus brackets the title")
  func panel() {
    expectSnapshot(
      rendered(Panel(title: "Loss", glyphs: .braille), width: 12, height: 3),
      [
        "┌ Loss ────┐",
        "│          │",
        "└──────────┘",
      ])
    expectSnapshot(
      rendered(Panel(title: "Loss", isFocused: true, glyphs: .ascii), width: 12, height: 3),
      [
        "+[ Loss ]--+",
        "|          |",
        "+----------+",
      ])
    #expect(
      Panel(title: "x", glyphs: .ascii).inner(Rect(x: 2, y: 1, width: 10, height: 5))
        == Rect(x: 3, y: 2, width: 8, height: 3))
  }

  @Test("A dialog is centred over what is below, sized to its text, with the footer hint last")
  func dialog() {
    var buffer = ScreenBuffer(width: 30, height: 9)
    buffer.fill(buffer.area, with: Cell("#"))
    let dialog = Dialog(
      title: "Presets", body: ["default", "vanishing"], footer: "Enter: load  Esc: close", glyphs: .braille)
    dialog.render(in: buffer.area, buffer: &buffer)
    #expect(dialog.bodyArea(in: buffer.area) == Rect(x: 3, y: 2, width: 23, height: 2))
    expectSnapshot(
      buffer,
      [
        "##############################",
        "#┌[ Presets ]──────────────┐##",
        "#│ default                 │##",
        "#│ vanishing               │##",
        "#│                         │##",
        "#│ Enter: load  Esc: close │##",
        "#└─────────────────────────┘##",
        "##############################",
        "##############################",
      ])
  }

  @Test("A text field shows the label, the text and the cursor, and an error below")
  func textInput() {
    let input = TextInput(label: "learning rate", text: "0.5x", error: "not a number; allowed 1e-6...10")
    let buffer = rendered(input, width: 32, height: 2)
    expectSnapshot(
      buffer,
      [
        "learning rate: [0.5x           ]",
        "not a number; allowed 1e-6...10 ",
      ])
    #expect(buffer[20, 0].style.reverse)
  }

  @Test("A long text scrolls to keep the cursor in the field")
  func textInputScrolls() {
    let input = TextInput(label: "lr", text: "0.000123456789")
    expectSnapshot(
      rendered(input, width: 12, height: 1),
      [
        "lr: [56789 ]"
      ])
  }

  @Test("The decision map shades each class region, blanks the boundary and draws points per class")
  func scatterMap() {
    // A vertical boundary at x = 0: the column on it is a coin flip, its neighbours unsure, the rest confident.
    let field = (0..<4).map { _ in
      (0...8).map { column in
        let x = Double(column) / 4 - 1
        let probability = 1 / (1 + exp(-3 * x))
        return ScatterMap.Prediction(classIndex: x > 0 ? 1 : 0, confidence: max(probability, 1 - probability))
      }
    }
    let points = [
      ScatterMap.Point(x: -0.8, y: 0.8, classIndex: 0), ScatterMap.Point(x: 0.7, y: -0.6, classIndex: 1),
      ScatterMap.Point(x: 0.2, y: 0.1, classIndex: 0),
    ]
    let map = ScatterMap(field: field, points: points, classCount: 2, xRange: -1...1, yRange: -1...1)
    let buffer = rendered(map, width: 16, height: 4)
    expectSnapshot(
      buffer,
      [
        ".o...... :::::::",
        "........ o::::::",
        "........ :::::::",
        "........ ::::x::",
      ])
    #expect(buffer[15, 3].style.foreground == .red)
    #expect(buffer[0, 3].style.foreground == .blue && !buffer[0, 3].style.dim)
    #expect(buffer[6, 3].style.dim)
  }

  @Test("With colour the decision map shows 2x2 predictions a cell: shades of certainty, the boundary in quadrants")
  func scatterMapQuadrants() {
    // Eight predictions across, four down: class 0 left of x = -0.25, class 1 right; the bottom row about even.
    let confidences = [0.99, 0.9, 0.6, 0.6, 0.7, 0.9, 0.99, 0.99]
    let field = (0..<4).map { row in
      (0..<8).map { column in
        ScatterMap.Prediction(classIndex: column < 3 ? 0 : 1, confidence: row == 3 ? 0.52 : confidences[column])
      }
    }
    let points = [
      ScatterMap.Point(x: 0.3, y: 0.5, classIndex: 1),
      ScatterMap.Point(x: 0.8, y: 0.5, classIndex: 0, isMisclassified: true),
    ]
    let map = ScatterMap(
      field: field, points: points, classCount: 2, xRange: -1...1, yRange: -1...1, resolution: .quadrants)
    let buffer = rendered(map, width: 4, height: 2)
    expectSnapshot(
      buffer,
      [
        "█▐xo",
        "░▐░░",
      ])
    expectSnapshot(
      colorLetters(of: buffer),
      [
        "brwW",
        "brrr",
      ])
    expectSnapshot(
      colorLetters(of: buffer, background: true),
      [
        ".brR",
        ".b..",
      ])
  }

  @Test("Without colour a misclassified point is drawn in reverse video over the one-sample-a-cell map")
  func scatterMapMisclassifiedWithoutColour() {
    let field = [[ScatterMap.Prediction(classIndex: 0, confidence: 0.9), .init(classIndex: 1, confidence: 0.9)]]
    let points = [
      ScatterMap.Point(x: -0.5, y: 0, classIndex: 0),
      ScatterMap.Point(x: 0.5, y: 0, classIndex: 0, isMisclassified: true),
    ]
    let buffer = rendered(
      ScatterMap(field: field, points: points, classCount: 2, xRange: -1...1, yRange: -1...1), width: 4, height: 1)
    expectSnapshot(
      buffer,
      [
        ".o:o"
      ])
    #expect(!buffer[1, 0].style.reverse && buffer[3, 0].style.reverse && buffer[3, 0].style.bold)
  }
}
