import DamScreen
import DamScreenTesting
import Testing

@Suite("Depth profile")
struct DepthProfileTests {
  /// Four decades shared by every row: steady, vanishing, exploding, all zero, one non-finite.
  static let rows = [
    DepthProfile.Row(label: "steady", values: [1, 1, 1]),
    DepthProfile.Row(label: "vanish", values: [1, 0.01, 0.0001]),
    DepthProfile.Row(label: "explode", values: [0.0001, 0.01, 1]),
    DepthProfile.Row(label: "zeros", values: [0, 0, 0], note: "identical"),
    DepthProfile.Row(label: "nan", values: [1, .nan, 1]),
  ]

  @Test(
    "Heights are each value's place on one shared log range; zeros are dots; the note or last/first ratio ends the row")
  func blocks() {
    let profile = DepthProfile(rows: Self.rows, glyphs: .block)
    #expect(profile.range == 0.0001...1)
    expectSnapshot(
      rendered(profile, width: 30, height: 5),
      [
        "steady  ████████████ x1       ",
        "vanish  ████▅▅▅▅▁▁▁▁ x0.0001  ",
        "explode ▁▁▁▁▅▅▅▅████ x1e+04   ",
        "zeros   ············ identical",
        "nan     ████!!!!████ x1       ",
      ])
  }

  @Test("ASCII glyphs, one cell a layer when narrow, rows cut at the area's height")
  func asciiNarrow() {
    let profile = DepthProfile(rows: Self.rows, glyphs: .ascii)
    expectSnapshot(
      rendered(profile, width: 17, height: 3),
      [
        "stead ### x1     ",
        "vanis #=_ x0.0001",
        "explo _=# x1e+04 ",
      ])
  }
}
