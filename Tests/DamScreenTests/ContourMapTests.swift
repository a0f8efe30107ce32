import DamScreen
import DamScreenTesting
import Testing

@Suite("Contour map")
struct ContourMapTests {
  /// A bowl 0.01 + x^2 + y^2 on a 7 x 7 grid over [-1, 1]^2: its minimum at the centre.
  static let bowl: [Double] = (0..<7).flatMap { row in
    (0..<7).map { column in
      let x = Double(column - 3) / 3
      let y = Double(row - 3) / 3
      return 0.01 + x * x + y * y
    }
  }

  @Test("Bands grow from the minimum outwards on a log scale; X (ASCII) marks the current point; a legend below")
  func bowlMap() {
    let map = ContourMap(values: Self.bowl, columns: 7, rows: 7, current: (3, 3), glyphs: .ascii)
    let buffer = rendered(map, width: 14, height: 8)
    expectSnapshot(
      buffer,
      [
        "@@@@@@%%@@@@@@",
        "@@%%######%%@@",
        "@@##**++**##@@",
        "%%##++.X++##%%",
        "@@##**++**##@@",
        "@@%%######%%@@",
        "@@@@@@%%@@@@@@",
        "log scale: 0.0",
      ])
    #expect(map.band(of: 0.01) == 0 && map.band(of: 2.01) == map.bandCount - 1)
    #expect(buffer[7, 3].style.reverse, "the current point is marked")
  }

  @Test("The path's joins and the current mark are glyphs no band uses, in every glyph set")
  func marksStandApart() {
    for glyphs in [GlyphSet.braille, .block, .ascii] {
      let ramp = Set(glyphs.shadeRamp)
      let join = ContourMap.pathJoin(glyphs)
      let current = ContourMap.currentMark(glyphs)
      #expect(!ramp.contains(join) && !ramp.contains(current) && !ramp.contains(ContourMap.pathMark), "\(glyphs)")
      #expect(Set([join, current, ContourMap.pathMark]).count == 3)
      let map = ContourMap(values: Self.bowl, columns: 7, rows: 7, path: [(0, 6), (3, 3)], glyphs: glyphs)
      let legend = rendered(map, width: 60, height: 8).lines.last ?? ""
      #expect(
        legend.contains("\(current) current") && legend.contains("\(ContourMap.pathMark)\(join)\(join) path"),
        "\(legend)")
    }
  }

  @Test("A path is drawn as o joined by ~ (ASCII), ending at X; NaN cells show ?")
  func pathAndNaN() {
    var values = Self.bowl
    values[0] = .nan
    let map = ContourMap(
      values: values, columns: 7, rows: 7, path: [(0, 6), (1, 4), (3, 3)], glyphs: .ascii)
    expectSnapshot(
      rendered(map, width: 14, height: 8),
      [
        "@o@@@@%%@@@@@@",
        "@~~%######%%@@",
        "@@~o~~++**##@@",
        "%%##+~~X++##%%",
        "@@##**++**##@@",
        "@@%%######%%@@",
        "??@@@@%%@@@@@@",
        "log scale: 0.0",
      ])
  }
}
