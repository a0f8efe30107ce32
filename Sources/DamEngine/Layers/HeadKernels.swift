import DamKernelTable

/// The output head's loss, its gradient with respect to the logits, accuracy and predictions,
/// over a batch of logits Z [rows x width] and targets T [rows x targetWidth].
///
/// Per sample (the loss is averaged over the batch by the caller's `gradientScale` = 1/B):
/// - binary: L = max(z, 0) - z t + log(1 + e^-|z|) (BCE of sigmoid(z), stable); dL/dz = sigmoid(z) - t;
///   correct when [z > 0] = [t >= 0.5].
/// - multiclass: L = logsumexp(z) - z_t; dL/dz_j = softmax(z)_j - [j = t]; correct when argmax z = t
///   (the first maximum).
/// - regression: L = (1/2) sum_j (z_j - t_j)^2; dL/dz = z - t.
///
/// `Float` classification heads run vectorized (`FloatSoftmaxKernel`, `KernelTable.binaryLoss`); the rest
/// uses the scalar's functions.
enum HeadKernels {
  /// Sum over the batch of the per-sample loss and the number of correct classifications.
  /// When `gradient` is given, writes dL/dZ * `gradientScale` there [rows x width].
  static func loss<Scalar: EngineScalar>(
    _ head: OutputHead, logits: UnsafePointer<Scalar>, targets: UnsafePointer<Scalar>, rows: Int,
    gradient: UnsafeMutablePointer<Scalar>?, gradientScale: Scalar
  ) -> (loss: Double, correct: Int) {
    var total = 0.0
    var correct = 0
    switch head {
    case .binary where Scalar.self == Float.self:
      // Vectorized (`KernelTable.binaryLoss`); the casts are the identity here.
      return KernelTable.fastest.binaryLoss(
        logits: UnsafeRawPointer(logits).assumingMemoryBound(to: Float.self),
        targets: UnsafeRawPointer(targets).assumingMemoryBound(to: Float.self), rows: rows,
        gradient: gradient.map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: Float.self) },
        gradientScale: Float(gradientScale))
    case .binary:
      for row in 0..<rows {
        let z = logits[row]
        let t = targets[row]
        total += Double(max(z, 0) - z * t + Scalar.log1p(Scalar.exp(-abs(z))))
        if (z > 0) == (t >= 0.5) { correct += 1 }
        if let gradient { gradient[row] = (ActivationKernels.sigmoid(z) - t) * gradientScale }
      }
    case .multiclass(let classes) where Scalar.self == Float.self:
      // Vectorized (`FloatSoftmaxKernel`); the casts are the identity here.
      return FloatSoftmaxKernel.loss(
        logits: UnsafeRawPointer(logits).assumingMemoryBound(to: Float.self),
        targets: UnsafeRawPointer(targets).assumingMemoryBound(to: Float.self), rows: rows, classes: classes,
        gradient: gradient.map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: Float.self) },
        gradientScale: Float(gradientScale))
    case .multiclass(let classes):
      for row in 0..<rows {
        let z = logits + row * classes
        let target = Int(targets[row])
        var best = 0
        for j in 1..<classes where z[j] > z[best] { best = j }
        let maximum = z[best]
        var sum: Scalar = 0
        if let gradient {
          // e^(z - max) once per class, kept in the gradient row until the sum is known.
          let g = gradient + row * classes
          for j in 0..<classes {
            g[j] = Scalar.exp(z[j] - maximum)
            sum += g[j]
          }
          for j in 0..<classes { g[j] = g[j] / sum * gradientScale }
          g[target] -= gradientScale
        } else {
          for j in 0..<classes { sum += Scalar.exp(z[j] - maximum) }
        }
        total += Double(maximum + Scalar.log(sum) - z[target])
        if best == target { correct += 1 }
      }
    case .regression(let outputs):
      for i in 0..<(rows * outputs) {
        let difference = logits[i] - targets[i]
        total += Double(difference * difference) / 2
        if let gradient { gradient[i] = difference * gradientScale }
      }
    }
    return (total, correct)
  }

  /// Turns logits into predictions in place: sigmoid probabilities (binary), softmax probabilities
  /// (multiclass), or the outputs themselves (regression).
  static func predict<Scalar: EngineScalar>(_ head: OutputHead, values: UnsafeMutablePointer<Scalar>, rows: Int) {
    switch head {
    case .binary:
      for row in 0..<rows { values[row] = ActivationKernels.sigmoid(values[row]) }
    case .multiclass(let classes):
      for row in 0..<rows {
        let z = values + row * classes
        var maximum = z[0]
        for j in 1..<classes { maximum = max(maximum, z[j]) }
        var sum: Scalar = 0
        for j in 0..<classes {
          z[j] = Scalar.exp(z[j] - maximum)
          sum += z[j]
        }
        for j in 0..<classes { z[j] /= sum }
      }
    case .regression:
      break
    }
  }

  /// Targets per sample: 1 for classification (0/1 or a class index), the output width for regression.
  static func targetWidth(_ head: OutputHead) -> Int {
    if case .regression(let outputs) = head { return outputs }
    return 1
  }
}
