/// Batch normalization of a hidden layer's pre-activation Z [rows x columns] (row-major), one
/// statistic per column (unit), with PyTorch `BatchNorm1d`'s constants (eps 1e-5, momentum 0.1).
///
/// The dense layer's bias b is folded in: Z here is X W^T without b, and N = rows.
/// - Training (batch statistics): mean_j = (1/N) sum_i z_ij, var_j = (1/N) sum_i (z_ij - mean_j)^2
///   (biased), x^_ij = (z_ij - mean_j) / sqrt(var_j + eps). The batch mean of Z + b is mean_j + b_j, so b
///   cancels and its gradient is exactly 0.
/// - Evaluation (running statistics): x^_ij = (z_ij + b_j - running_mean_j) / sqrt(running_var_j + eps).
/// - Both: Y = gamma x^ + beta; the kernel writes gamma x^ and the activation kernel adds beta as its bias.
/// - Running statistics after a training pass (N >= 2): running_mean = (1 - m) running_mean + m (mean + b),
///   running_var = (1 - m) running_var + m var N / (N - 1) (the unbiased variance). A batch of one sample
///   has no variance and leaves them unchanged.
enum BatchNormKernel {
  /// Added to the variance before the square root.
  static let epsilon = 1e-5
  /// Weight of the newest batch in the running statistics.
  static let momentum = 0.1

  /// Training forward: writes the batch mean, biased variance and 1 / sqrt(var + eps) into `statistics`
  /// [3 x columns], x^ into `normalized` [rows x columns] and gamma x^ over `values` [rows x columns].
  static func forwardWithBatchStatistics<Scalar: EngineScalar>(
    values z: UnsafeMutablePointer<Scalar>, rows: Int, columns: Int, scale gamma: UnsafePointer<Scalar>,
    normalized: UnsafeMutablePointer<Scalar>, statistics: UnsafeMutablePointer<Scalar>
  ) {
    let mean = statistics
    let variance = statistics + columns
    let inverseDeviation = statistics + 2 * columns
    mean.update(repeating: 0, count: columns)
    variance.update(repeating: 0, count: columns)
    for row in 0..<rows {
      let zRow = z + row * columns
      for j in 0..<columns { mean[j] += zRow[j] }
    }
    let n = Scalar(rows)
    for j in 0..<columns { mean[j] /= n }
    for row in 0..<rows {
      let zRow = z + row * columns
      for j in 0..<columns {
        let deviation = zRow[j] - mean[j]
        variance[j] += deviation * deviation
      }
    }
    let epsilon = Scalar(Self.epsilon)
    for j in 0..<columns {
      variance[j] /= n
      inverseDeviation[j] = 1 / (variance[j] + epsilon).squareRoot()
    }
    for row in 0..<rows {
      let zRow = z + row * columns
      let xRow = normalized + row * columns
      for j in 0..<columns {
        let x = (zRow[j] - mean[j]) * inverseDeviation[j]
        xRow[j] = x
        zRow[j] = gamma[j] * x
      }
    }
  }

  /// Evaluation forward: writes 1 / sqrt(running_var + eps) into `inverseDeviation` [columns], x^ into
  /// `normalized` and gamma x^ over `values` [rows x columns].
  static func forwardWithRunningStatistics<Scalar: EngineScalar>(
    values z: UnsafeMutablePointer<Scalar>, rows: Int, columns: Int, bias: UnsafePointer<Scalar>,
    scale gamma: UnsafePointer<Scalar>, runningMean: UnsafePointer<Scalar>, runningVariance: UnsafePointer<Scalar>,
    normalized: UnsafeMutablePointer<Scalar>, inverseDeviation: UnsafeMutablePointer<Scalar>
  ) {
    let epsilon = Scalar(Self.epsilon)
    for j in 0..<columns { inverseDeviation[j] = 1 / (runningVariance[j] + epsilon).squareRoot() }
    for row in 0..<rows {
      let zRow = z + row * columns
      let xRow = normalized + row * columns
      for j in 0..<columns {
        let x = (zRow[j] + bias[j] - runningMean[j]) * inverseDeviation[j]
        xRow[j] = x
        zRow[j] = gamma[j] * x
      }
    }
  }

  /// Moves the running statistics [columns each] toward the batch's (`statistics` as the training
  /// forward left it, `bias` the dense layer's b); a batch of one sample changes nothing.
  static func updateRunningStatistics<Scalar: EngineScalar>(
    statistics: UnsafePointer<Scalar>, rows: Int, columns: Int, bias: UnsafePointer<Scalar>,
    runningMean: UnsafeMutablePointer<Scalar>, runningVariance: UnsafeMutablePointer<Scalar>
  ) {
    guard rows > 1 else { return }
    let m = Scalar(Self.momentum)
    let keep = 1 - m
    let unbiased = Scalar(rows) / Scalar(rows - 1)
    let mean = statistics
    let variance = statistics + columns
    for j in 0..<columns {
      runningMean[j] = m * (mean[j] + bias[j]) + keep * runningMean[j]
      runningVariance[j] = m * (variance[j] * unbiased) + keep * runningVariance[j]
    }
  }

  /// Backward: from dL/dY in `gradient` [rows x columns], writes dL/dgamma_j = sum_i dy_ij x^_ij and
  /// dL/dbeta_j = sum_i dy_ij into `scaleGradient` and `shiftGradient` [columns] (overwriting them),
  /// then turns `gradient` into dL/dZ in place:
  /// - batch statistics: dz_ij = gamma_j / sqrt(var_j + eps) (dy_ij - dbeta_j / N - x^_ij dgamma_j / N);
  /// - running statistics (constants): dz_ij = gamma_j / sqrt(running_var_j + eps) dy_ij.
  static func backward<Scalar: EngineScalar>(
    gradient dy: UnsafeMutablePointer<Scalar>, rows: Int, columns: Int, normalized: UnsafePointer<Scalar>,
    inverseDeviation: UnsafePointer<Scalar>, scale gamma: UnsafePointer<Scalar>,
    scaleGradient: UnsafeMutablePointer<Scalar>, shiftGradient: UnsafeMutablePointer<Scalar>, batchStatistics: Bool
  ) {
    scaleGradient.update(repeating: 0, count: columns)
    shiftGradient.update(repeating: 0, count: columns)
    for row in 0..<rows {
      let dyRow = dy + row * columns
      let xRow = normalized + row * columns
      for j in 0..<columns {
        shiftGradient[j] += dyRow[j]
        scaleGradient[j] += dyRow[j] * xRow[j]
      }
    }
    if batchStatistics {
      let n = Scalar(rows)
      for row in 0..<rows {
        let dyRow = dy + row * columns
        let xRow = normalized + row * columns
        for j in 0..<columns {
          let centred = dyRow[j] - shiftGradient[j] / n - xRow[j] * (scaleGradient[j] / n)
          dyRow[j] = gamma[j] * inverseDeviation[j] * centred
        }
      }
    } else {
      for row in 0..<rows {
        let dyRow = dy + row * columns
        for j in 0..<columns { dyRow[j] *= gamma[j] * inverseDeviation[j] }
      }
    }
  }
}
