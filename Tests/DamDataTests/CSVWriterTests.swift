import Foundation
import Testing

@testable import DamData

@Suite("Writing prepared data as CSV")
struct CSVWriterTests {
  @Test("Header x0..x{n-1},y,split, training rows then validation rows, values read back exactly")
  func roundTrip() throws {
    var spec = DataSpec()
    spec.dataset = .circle
    spec.samples = 60
    spec.featureScale = 3
    let prepared = try spec.prepare(seed: 3)
    let text = prepared.csvText()
    let lines = text.split(separator: "\n")
    #expect(lines.first == "x0,x1,y,split")
    #expect(lines.count == 61)
    #expect(lines[1].hasSuffix(",train") && lines[60].hasSuffix(",validation"))
    #expect(lines.filter { $0.hasSuffix(",train") }.count == prepared.train.count)
    let back = try CSVTable.parse(Data(text.utf8), path: "out.csv", target: "y", features: ["x0", "x1"])
    #expect(back.features == prepared.train.features + prepared.validation.features)
    #expect(back.targets == prepared.train.targets + prepared.validation.targets)
  }

  @Test("Regression targets are written as values and class targets as integers")
  func targetFormat() throws {
    var spec = DataSpec()
    spec.dataset = .plane
    spec.samples = 50
    let regression = try spec.prepare(seed: 1)
    let firstRow = regression.csvText().split(separator: "\n")[1].split(separator: ",")
    #expect(Float(firstRow[2]) == regression.train.targets[0])
    spec.dataset = .digits
    let digits = try spec.prepare(seed: 1).csvText().split(separator: "\n")
    #expect(digits[0].hasPrefix("x0,x1,") && digits[0].hasSuffix(",x63,y,split"))
    #expect(digits.count == 1798)
    #expect(Int(digits[1].split(separator: ",")[64]) != nil)
  }
}
