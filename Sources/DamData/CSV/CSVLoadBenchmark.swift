import DamEngine
import Foundation

/// Times `CSVTable.load` on a generated file, for `dam-bench`.
public enum CSVLoadBenchmark {
  /// One timed load.
  public struct Measurement: Sendable, Equatable {
    /// Data rows in the file.
    public var rows: Int
    /// Size of the file.
    public var bytes: Int
    /// Wall-clock seconds of `CSVTable.load` (reading and parsing, not writing the file).
    public var seconds: Double
  }

  /// Writes a CSV of `rows` rows (see `syntheticCSV`) into `directory`, loads it with target `species`,
  /// times the load, and deletes the file.
  public static func run(rows: Int = 1_000_000, directory: String = NSTemporaryDirectory()) throws -> Measurement {
    let path = (directory as NSString).appendingPathComponent("dam-bench-\(rows)-rows-\(getpid()).csv")
    let bytes = syntheticCSV(rows: rows, seed: 1)
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let clock = ContinuousClock()
    let start = clock.now
    let dataset = try CSVTable.load(path: path, target: "species")
    let elapsed = clock.now - start
    precondition(dataset.count == rows)
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    return Measurement(rows: rows, bytes: bytes.count, seconds: seconds)
  }

  /// A CSV text with header `sepal_length,sepal_width,petal_length,petal_width,species`: four numbers
  /// with three decimals in 0...9.999 (some quoted) and one of three class names, from `seed`.
  public static func syntheticCSV(rows: Int, seed: UInt64) -> [UInt8] {
    var generator = SeededGenerator(seed: seed)
    var out: [UInt8] = []
    out.reserveCapacity(rows * 40 + 64)
    out.append(contentsOf: "sepal_length,sepal_width,petal_length,petal_width,species\n".utf8)
    let species = ["setosa", "versicolor", "\"virginica\""].map { Array($0.utf8) }
    for _ in 0..<rows {
      for column in 0..<4 {
        let thousandths = generator.nextInt(below: 10_000)
        let quoted = column == 3 && thousandths % 7 == 0
        if quoted { out.append(UInt8(ascii: "\"")) }
        out.append(UInt8(ascii: "0") + UInt8(thousandths / 1000))
        out.append(UInt8(ascii: "."))
        out.append(UInt8(ascii: "0") + UInt8(thousandths / 100 % 10))
        out.append(UInt8(ascii: "0") + UInt8(thousandths / 10 % 10))
        out.append(UInt8(ascii: "0") + UInt8(thousandths % 10))
        if quoted { out.append(UInt8(ascii: "\"")) }
        out.append(UInt8(ascii: ","))
      }
      out.append(contentsOf: species[generator.nextInt(below: 3)])
      out.append(UInt8(ascii: "\n"))
    }
    return out
  }
}
