extension PreparedData {
  /// The prepared data as CSV, for `dam-tui data --out FILE.csv`: a header `x0,...,x{n-1},y,split`,
  /// then the training rows (`split` = `train`) and the validation rows (`validation`), features after
  /// normalization and feature scaling, `y` the class index or the regression value (`y0,y1,...` when
  /// there are several targets). Values use the shortest text that reads back to the same `Float`.
  public func csvText() -> String {
    var text = ""
    let featureColumns = (0..<featureCount).map { "x\($0)" }
    let targetColumns = train.targetWidth == 1 ? ["y"] : (0..<train.targetWidth).map { "y\($0)" }
    text += (featureColumns + targetColumns + ["split"]).joined(separator: ",")
    text += "\n"
    for (dataset, split) in [(train, "train"), (validation, "validation")] {
      for row in 0..<dataset.count {
        for j in 0..<dataset.featureCount {
          text += "\(dataset.features[row * dataset.featureCount + j]),"
        }
        for k in 0..<dataset.targetWidth {
          let value = dataset.targets[row * dataset.targetWidth + k]
          text += dataset.isClassification ? "\(Int(value))," : "\(value),"
        }
        text += split
        text += "\n"
      }
    }
    return text
  }
}
