import DamEngine

/// Training-time augmentation: the trainer applies it to each training batch (never to validation
/// data) after copying the batch's prepared features into its buffer.
public struct Augmentation: Sendable, Equatable {
  /// What happens to a batch.
  public enum Kind: Sendable, Equatable {
    /// Batches are left alone.
    case none
    /// Feature j of every sample gets Gaussian noise of standard deviation `standardDeviations[j]`.
    case jitter(standardDeviations: [Float])
    /// With `probability`, an image moves by one pixel up, down, left or right (chosen uniformly); the
    /// pixels moved in are blank (raw value 0). Works on raw pixel values through `normalization`.
    case pixelShift(probability: Double, shape: Dataset.ImageShape, normalization: NormalizationStatistics)
  }

  /// The augmentation.
  public let kind: Kind

  /// An augmentation of the given kind.
  public init(kind: Kind) {
    self.kind = kind
  }

  /// No augmentation.
  public static let disabled = Augmentation(kind: .none)

  /// True unless the augmentation leaves batches unchanged.
  public var isEnabled: Bool { kind != .none }

  /// The augmentation of `DataSpec.augment` for prepared training data: pixel shifts with probability
  /// `augment` for image data, else jitter of `augment` times each prepared feature's training
  /// standard deviation (so `augment` is in normalized units; a constant feature gets no jitter).
  public init(augment: Double, training: Dataset, normalization: NormalizationStatistics) {
    guard augment > 0, training.count > 0 else {
      self.kind = .none
      return
    }
    if let shape = training.imageShape {
      self.kind = .pixelShift(probability: augment, shape: shape, normalization: normalization)
      return
    }
    let width = training.featureCount
    var sum = [Double](repeating: 0, count: width)
    var sumOfSquares = [Double](repeating: 0, count: width)
    for (index, value) in training.features.enumerated() {
      sum[index % width] += Double(value)
      sumOfSquares[index % width] += Double(value) * Double(value)
    }
    let count = Double(training.count)
    let deviations = (0..<width).map { j in
      Float(augment * max(sumOfSquares[j] / count - (sum[j] / count) * (sum[j] / count), 0).squareRoot())
    }
    self.kind = .jitter(standardDeviations: deviations)
  }

  /// Augments the first `rowCount` samples of `batch` (row-major, one row per sample) in place.
  /// Allocates nothing; draws only from `generator`.
  public func apply(to batch: UnsafeMutableBufferPointer<Float>, rowCount: Int, generator: inout SeededGenerator) {
    switch kind {
    case .none:
      return
    case .jitter(let deviations):
      let width = deviations.count
      precondition(batch.count >= rowCount * width, "batch smaller than rowCount rows")
      for row in 0..<rowCount {
        for j in 0..<width where deviations[j] > 0 {
          batch[row * width + j] += deviations[j] * Float(generator.nextGaussian())
        }
      }
    case .pixelShift(let probability, let shape, let normalization):
      let width = shape.width * shape.height
      precondition(batch.count >= rowCount * width, "batch smaller than rowCount rows")
      withUnsafeTemporaryAllocation(of: Float.self, capacity: width) { raw in
        for row in 0..<rowCount where generator.nextUnitDouble() < probability {
          let (dx, dy) = Self.directions[generator.nextInt(below: 4)]
          let base = row * width
          for j in 0..<width { raw[j] = normalization.denormalize(batch[base + j], feature: j) }
          for y in 0..<shape.height {
            for x in 0..<shape.width {
              let sourceX = x - dx
              let sourceY = y - dy
              let inside = sourceX >= 0 && sourceX < shape.width && sourceY >= 0 && sourceY < shape.height
              let value = inside ? raw[sourceY * shape.width + sourceX] : 0
              let j = y * shape.width + x
              batch[base + j] = normalization.normalize(value, feature: j)
            }
          }
        }
      }
    }
  }

  /// Augments the first `rowCount` samples of `batch` in place (see the buffer-pointer version).
  public func apply(to batch: inout [Float], rowCount: Int, generator: inout SeededGenerator) {
    batch.withUnsafeMutableBufferPointer { apply(to: $0, rowCount: rowCount, generator: &generator) }
  }

  /// One-pixel moves (dx, dy): right, left, down, up.
  private static let directions = [(1, 0), (-1, 0), (0, 1), (0, -1)]
}
