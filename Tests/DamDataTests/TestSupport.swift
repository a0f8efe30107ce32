import Foundation

@testable import DamData

/// A fresh temporary file holding `text`; the caller removes it with `removeTemporaryFile`.
func temporaryFile(_ text: String, name: String = "data.csv") throws -> String {
  let directory = FileManager.default.temporaryDirectory.appendingPathComponent("damdata-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  let url = directory.appendingPathComponent(name)
  try Data(text.utf8).write(to: url)
  return url.path
}

/// Removes a file made by `temporaryFile` and its folder.
func removeTemporaryFile(_ path: String) {
  try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent)
}

/// The error `body` throws, or nil.
func dataError(_ body: () throws(DataError) -> Void) -> DataError? {
  do {
    try body()
    return nil
  } catch {
    return error
  }
}

/// Mean and population standard deviation of `values`.
func meanAndDeviation<C: Collection>(_ values: C) -> (mean: Double, deviation: Double) where C.Element == Float {
  let mean = values.reduce(0.0) { $0 + Double($1) } / Double(values.count)
  let variance = values.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / Double(values.count)
  return (mean, variance.squareRoot())
}

/// Column `j` of a dataset's features.
func column(_ dataset: Dataset, _ j: Int) -> [Float] {
  (0..<dataset.count).map { dataset.features[$0 * dataset.featureCount + j] }
}
