/// The CSV form of a landscape grid: a header `alpha,beta,train_loss,val_loss`, then one row per point,
/// alpha varying fastest; numbers in Swift's shortest round-trip form, non-finite losses as `nan`, `inf`
/// or `-inf`.
public enum LandscapeCSV {
  /// The header line.
  public static let header = "alpha,beta,train_loss,val_loss"

  /// The whole file: the header and every row, each ending in a newline.
  public static func text(_ grid: LandscapeGrid) -> String {
    var lines = [header]
    for (row, beta) in grid.betas.enumerated() {
      for (column, alpha) in grid.alphas.enumerated() {
        let index = row * grid.alphas.count + column
        lines.append(
          [alpha, beta, grid.trainingLoss[index], grid.validationLoss[index]].map(number).joined(separator: ","))
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  private static func number(_ value: Double) -> String {
    value.isNaN ? "nan" : value.isInfinite ? (value > 0 ? "inf" : "-inf") : String(value)
  }
}
