import Foundation

/// Loads the user's CSV file into a `Dataset`.
///
/// The first row names the columns. The target column is chosen by name: when every target field is a
/// number the data is regression (target width 1); otherwise each distinct target text is a class, and
/// classes are numbered in sorted (byte) order of their names. The feature columns are `features`, in
/// that order, or every column but the target; every feature field must be a finite number. Columns
/// that are neither target nor feature are not read. Empty lines are skipped; fields follow RFC 4180.
///
/// The parser works on the file's bytes and creates no `String` per field, so a million rows load in
/// well under a second in a release build (see `CSVLoadBenchmark`).
public enum CSVTable {
  /// The most classes a text target may have.
  public static let maximumClassCount = 1000

  /// The dataset in the CSV file at `path` (`path` also names the file in error messages). The file must
  /// be a regular file: a FIFO or a device is refused before it is read (`RegularFile`).
  /// - Throws: `DataError` naming the file, and for bad fields the line and column.
  public static func load(path: String, target: String, features: [String] = []) throws(DataError) -> Dataset {
    let bytes: [UInt8]
    do {
      bytes = try RegularFile.contents(atPath: path)
    } catch .missing {
      throw .fileNotFound(path: path)
    } catch {
      throw .unreadableFile(path: path, reason: error.description)
    }
    return try parse(Data(bytes), path: path, target: target, features: features)
  }

  /// The dataset in CSV `data`; `path` names the source in error messages.
  public static func parse(_ data: Data, path: String, target: String, features: [String] = []) throws(DataError)
    -> Dataset
  {
    let result = data.withUnsafeBytes { raw -> Result<Dataset, DataError> in
      let bytes = raw.bindMemory(to: UInt8.self)
      var reader = CSVReader(bytes: bytes, path: path)
      return Result { () throws(DataError) in try reader.read(target: target, features: features) }
    }
    return try result.get()
  }
}
