/// The UCI optical-recognition handwritten digits, built into the program: 1,797 images of 8 x 8
/// pixels with values 0...16 (features `pixel_<row>_<column>`), 10 classes "0"..."9".
///
/// Source and licence: `data/README.md` (UCI, CC BY 4.0, via scikit-learn, BSD-3-Clause); the table is
/// generated from `data/digits.csv.gz` by `scripts/embed-digits.py`.
public enum Digits {
  /// Images in the set.
  public static let imageCount = 1797
  /// Side length of an image in pixels.
  public static let side = 8

  /// All 1,797 images in file order, pixels as raw values 0...16.
  /// - Complexity: O(n), decoding the embedded table (about 0.1 MB).
  public static func load() -> Dataset {
    let pixelCount = side * side
    var features: [Float] = []
    features.reserveCapacity(imageCount * pixelCount)
    var targets: [Float] = []
    targets.reserveCapacity(imageCount)
    var column = 0
    for byte in digitsTable.utf8 {
      if byte == UInt8(ascii: "\n") {
        precondition(column == pixelCount + 1, "corrupt digits table")
        column = 0
        continue
      }
      if column < pixelCount {
        features.append(Float(pixelValue(byte)))
      } else {
        targets.append(Float(byte &- UInt8(ascii: "0")))
      }
      column += 1
    }
    precondition(targets.count == imageCount && features.count == imageCount * pixelCount, "corrupt digits table")
    let names = (0..<pixelCount).map { "pixel_\($0 / side)_\($0 % side)" }
    return Dataset(
      features: features, targets: targets, featureNames: names, classLabels: (0...9).map(String.init),
      imageShape: Dataset.ImageShape(width: side, height: side))
  }

  /// The value of one pixel character of the table: "0"..."9" are 0...9, "a"..."g" are 10...16.
  private static func pixelValue(_ byte: UInt8) -> UInt8 {
    byte >= UInt8(ascii: "a") ? byte - UInt8(ascii: "a") + 10 : byte - UInt8(ascii: "0")
  }
}
