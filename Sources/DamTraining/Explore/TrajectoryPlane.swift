/// The plane of a training path (Li et al. 2018, section 7): the two leading principal directions of the
/// trajectory's points minus the final weights, with every point projected on them.
public struct TrajectoryPlane: Sendable {
  /// The first principal direction, unit length [P].
  public let first: [Float]
  /// The second principal direction, unit length and orthogonal to `first` [P].
  public let second: [Float]
  /// Each trajectory point's coordinates (alpha, beta) on the plane, oldest first; the final weights
  /// are at (0, 0).
  public let path: [LandscapePoint]
  /// The fraction of the differences' variance each direction explains.
  public let explained: (first: Double, second: Double)

  /// The plane of `points` around `final`; nil with fewer than two points that differ from `final`.
  /// The differences are centred before the principal directions are taken (as `sklearn.decomposition.PCA`
  /// in Li et al.'s code), and projected uncentred.
  /// - Complexity: O(n^2 P + n^3) for n points of P parameters.
  public init?(points: [[Float]], final: [Float]) {
    let differences = points.map { LandscapeDirections.difference(from: final, to: $0) }
      .filter { $0.contains { $0 != 0 } }
    guard differences.count >= 2 else { return nil }
    let count = differences.count
    let size = final.count
    var mean = [Double](repeating: 0, count: size)
    for difference in differences {
      for index in 0..<size { mean[index] += Double(difference[index]) / Double(count) }
    }
    let centred = differences.map { difference in (0..<size).map { Double(difference[$0]) - mean[$0] } }
    var gram = [[Double]](repeating: [Double](repeating: 0, count: count), count: count)
    for row in 0..<count {
      for column in row..<count {
        var sum = 0.0
        for index in 0..<size { sum += centred[row][index] * centred[column][index] }
        gram[row][column] = sum
        gram[column][row] = sum
      }
    }
    let (values, vectors) = SymmetricEigen.decompose(gram)
    let order = values.indices.sorted { values[$0] > values[$1] }
    let totalVariance = values.reduce(0) { $0 + max($1, 0) }
    guard totalVariance > 0 else { return nil }
    func direction(_ component: Int) -> [Double] {
      var direction = [Double](repeating: 0, count: size)
      for (point, weight) in zip(centred, vectors[component]) {
        for index in 0..<size { direction[index] += weight * point[index] }
      }
      let norm = direction.reduce(0) { $0 + $1 * $1 }.squareRoot()
      return norm > 0 ? direction.map { $0 / norm } : direction
    }
    let first = direction(order[0])
    var second = direction(order[1])
    let overlap = zip(first, second).reduce(0) { $0 + $1.0 * $1.1 }
    second = zip(second, first).map { $0 - overlap * $1 }
    let secondNorm = second.reduce(0) { $0 + $1 * $1 }.squareRoot()
    if secondNorm > 0 { second = second.map { $0 / secondNorm } }
    self.first = first.map { Float($0) }
    self.second = second.map { Float($0) }
    path = points.map { point in
      var alpha = 0.0
      var beta = 0.0
      for index in 0..<size {
        let difference = Double(point[index]) - Double(final[index])
        alpha += difference * first[index]
        beta += difference * second[index]
      }
      return LandscapePoint(alpha: alpha, beta: beta)
    }
    explained = (max(values[order[0]], 0) / totalVariance, max(values[order[1]], 0) / totalVariance)
  }
}

/// A point on a landscape plane: origin + alpha * first + beta * second.
public struct LandscapePoint: Sendable, Equatable {
  /// The coordinate along the first direction.
  public var alpha: Double
  /// The coordinate along the second direction.
  public var beta: Double

  /// The point (alpha, beta).
  public init(alpha: Double, beta: Double) {
    self.alpha = alpha
    self.beta = beta
  }
}
