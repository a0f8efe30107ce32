import DamScreen
import Testing

@Suite("Number formatting")
struct NumberFormatTests {
  @Test(
    "Compact numbers use three significant digits, k/M/G suffixes and scientific below 0.01",
    arguments: [
      (0.0123, "0.0123"), (0.5, "0.5"), (2.3, "2.3"), (2.345, "2.35"), (1.0, "1"), (12_400, "12.4k"),
      (1_300_000, "1.3M"), (0.000012, "1.2e-5"), (0.001, "1e-3"), (0.01, "0.01"), (999.9, "1k"),
      (999_999, "1M"), (123.4, "123"), (-0.5, "-0.5"), (0, "0"), (2.5e12, "2.5e12"), (4.2e9, "4.2G"),
      (0.0099996, "1e-2"),
    ])
  func compact(value: Double, text: String) {
    #expect(NumberFormat.compact(value) == text)
  }

  @Test("Non-finite numbers have short names")
  func nonFinite() {
    #expect(NumberFormat.compact(.nan) == "nan")
    #expect(NumberFormat.compact(.infinity) == "inf")
    #expect(NumberFormat.compact(-.infinity) == "-inf")
  }

  @Test("The number of significant digits is adjustable; scientific notation uses one fewer")
  func significantDigits() {
    #expect(NumberFormat.compact(0.012345, significantDigits: 2) == "0.012")
    #expect(NumberFormat.compact(12_345, significantDigits: 2) == "12k")
    #expect(NumberFormat.compact(0.0012345, significantDigits: 2) == "1e-3")
    #expect(NumberFormat.compact(0.0012345, significantDigits: 4) == "1.23e-3")
  }

  @Test("Counts are exact below a thousand and compact above", arguments: [(0, "0"), (999, "999"), (12_400, "12.4k")])
  func count(value: Double, text: String) {
    #expect(NumberFormat.count(value) == text)
  }

  @Test("Fractions show as percentages with up to one decimal")
  func percent() {
    #expect(NumberFormat.percent(0.123) == "12.3%")
    #expect(NumberFormat.percent(1) == "100%")
    #expect(NumberFormat.percent(0.9999) == "100%")
  }
}
