import Testing

@testable import DamData

@Suite("Built-in digits")
struct DigitsTests {
  let digits = Digits.load()

  @Test("1,797 images of 64 pixels in 0...16 with 10 classes")
  func shape() {
    #expect(digits.count == 1797 && digits.featureCount == 64)
    #expect(digits.classLabels == ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"])
    #expect(digits.outputHead == .multiclass(classes: 10))
    #expect(digits.imageShape == Dataset.ImageShape(width: 8, height: 8))
    #expect(digits.features.allSatisfy { $0 >= 0 && $0 <= 16 && $0 == $0.rounded() })
    #expect(digits.featureNames[9] == "pixel_1_1")
  }

  @Test("Class counts match the UCI set")
  func classCounts() {
    #expect(digits.classCounts == [178, 182, 177, 183, 181, 182, 181, 179, 174, 180])
  }

  @Test("Pixel checksums match scripts/embed-digits.py on data/digits.csv.gz")
  func checksum() {
    let sum = digits.features.reduce(0) { $0 + Int($1) }
    let weighted = digits.features.enumerated().reduce(0) { $0 + ($1.offset % 64 + 1) * Int($1.element) }
    #expect(sum == 561_718 && weighted == 18_222_371)
  }

  @Test("The first image is the first row of digits.csv, a zero")
  func firstImage() {
    let firstRow: [Float] = [0, 0, 5, 13, 9, 1, 0, 0, 0, 0, 13, 15, 10, 15, 5, 0]
    #expect(Array(digits.features[0..<16]) == firstRow && digits.targets[0] == 0)
    #expect(digits.targets[1796] == 8)
  }
}
