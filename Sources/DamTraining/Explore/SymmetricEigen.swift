/// Eigenvalues and eigenvectors of a small symmetric matrix by the cyclic Jacobi method (Golub and
/// Van Loan, section 8.5): plane rotations zero the off-diagonal entries one at a time until they vanish.
enum SymmetricEigen {
  /// The eigenvalues of the symmetric n x n `matrix` and, at the same index, a unit eigenvector of each.
  /// - Complexity: O(n^3) per sweep; a few sweeps for the small matrices used here.
  static func decompose(_ matrix: [[Double]]) -> (values: [Double], vectors: [[Double]]) {
    let n = matrix.count
    var a = matrix
    var v = (0..<n).map { row in (0..<n).map { $0 == row ? 1.0 : 0.0 } }
    for _ in 0..<100 {
      var off = 0.0
      for p in 0..<n { for q in 0..<n where p != q { off += a[p][q] * a[p][q] } }
      var scale = 0.0
      for p in 0..<n { scale += a[p][p] * a[p][p] }
      if off <= 1e-24 * max(scale, 1e-300) { break }
      for p in 0..<n - 1 {
        for q in p + 1..<n where a[p][q] != 0 {
          let theta = (a[q][q] - a[p][p]) / (2 * a[p][q])
          let t = (theta >= 0 ? 1 : -1) / (abs(theta) + (theta * theta + 1).squareRoot())
          let c = 1 / (t * t + 1).squareRoot()
          let s = t * c
          for k in 0..<n {
            let akp = a[k][p]
            let akq = a[k][q]
            a[k][p] = c * akp - s * akq
            a[k][q] = s * akp + c * akq
          }
          for k in 0..<n {
            let apk = a[p][k]
            let aqk = a[q][k]
            a[p][k] = c * apk - s * aqk
            a[q][k] = s * apk + c * aqk
          }
          for k in 0..<n {
            let vkp = v[k][p]
            let vkq = v[k][q]
            v[k][p] = c * vkp - s * vkq
            v[k][q] = s * vkp + c * vkq
          }
        }
      }
    }
    let values = (0..<n).map { a[$0][$0] }
    let vectors = (0..<n).map { column in (0..<n).map { v[$0][column] } }
    return (values, vectors)
  }
}
