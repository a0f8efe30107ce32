import DamEngine

/// A table of samples: features in a flat row-major buffer and the targets the network learns.
///
/// Sample `i` has features `features[i * featureCount ..< (i + 1) * featureCount]` and targets
/// `targets[i * targetWidth ..< (i + 1) * targetWidth]`. For classification `targetWidth` is 1 and the
/// target is the class index as a `Float` (0, 1, ...), indexing `classLabels`; for regression the
/// targets are the values themselves and `classLabels` is empty.
public struct Dataset: Sendable, Equatable {
  /// The side lengths of image samples, for augmentation that moves pixels.
  public struct ImageShape: Sendable, Equatable, Hashable {
    /// Pixels per row.
    public var width: Int
    /// Rows.
    public var height: Int

    /// An image shape of `width` x `height` pixels, stored row by row.
    public init(width: Int, height: Int) {
      self.width = width
      self.height = height
    }
  }

  /// The number of samples.
  public let count: Int
  /// The number of features per sample.
  public let featureCount: Int
  /// The number of target values per sample: 1 for classification.
  public let targetWidth: Int
  /// Features, row-major: `count * featureCount` values.
  public private(set) var features: [Float]
  /// Targets, row-major: `count * targetWidth` values.
  public let targets: [Float]
  /// One name per feature column.
  public let featureNames: [String]
  /// The class names, indexed by class index; empty for regression.
  public let classLabels: [String]
  /// Set when each sample is an image (digits), nil for points and tables.
  public let imageShape: ImageShape?

  /// A dataset from its buffers; the sizes must agree (`features.count == count * featureNames.count`).
  public init(
    features: [Float], targets: [Float], featureNames: [String], targetWidth: Int = 1, classLabels: [String],
    imageShape: ImageShape? = nil
  ) {
    precondition(!featureNames.isEmpty, "a dataset needs at least one feature")
    precondition(targetWidth >= 1, "targetWidth must be positive")
    precondition(classLabels.isEmpty || targetWidth == 1, "classification has one target per sample")
    precondition(features.count % featureNames.count == 0, "features must fill whole rows")
    let count = features.count / featureNames.count
    precondition(targets.count == count * targetWidth, "one target row per sample")
    if let imageShape { precondition(imageShape.width * imageShape.height == featureNames.count) }
    self.count = count
    self.featureCount = featureNames.count
    self.targetWidth = targetWidth
    self.features = features
    self.targets = targets
    self.featureNames = featureNames
    self.classLabels = classLabels
    self.imageShape = imageShape
  }

  /// True for classification data (class labels present), false for regression.
  public var isClassification: Bool { !classLabels.isEmpty }

  /// The output layer and loss these targets call for: binary for two classes, multiclass for more,
  /// regression otherwise.
  public var outputHead: OutputHead {
    switch classLabels.count {
    case 0: return .regression(outputs: targetWidth)
    case 2: return .binary
    default: return .multiclass(classes: classLabels.count)
    }
  }

  /// The number of samples of each class, indexed by class index; empty for regression.
  public var classCounts: [Int] {
    guard isClassification else { return [] }
    var counts = [Int](repeating: 0, count: classLabels.count)
    for target in targets { counts[Int(target)] += 1 }
    return counts
  }

  /// The samples at `indices`, in that order.
  /// - Complexity: O(indices.count * (featureCount + targetWidth)).
  public func selecting<Indices: Collection<Int>>(_ indices: Indices) -> Dataset {
    var newFeatures: [Float] = []
    newFeatures.reserveCapacity(indices.count * featureCount)
    var newTargets: [Float] = []
    newTargets.reserveCapacity(indices.count * targetWidth)
    for index in indices {
      newFeatures.append(contentsOf: features[index * featureCount..<(index + 1) * featureCount])
      newTargets.append(contentsOf: targets[index * targetWidth..<(index + 1) * targetWidth])
    }
    return Dataset(
      features: newFeatures, targets: newTargets, featureNames: featureNames, targetWidth: targetWidth,
      classLabels: classLabels, imageShape: imageShape)
  }

  /// The first `n` samples (all of them if `n >= count`).
  public func prefix(_ n: Int) -> Dataset {
    selecting(0..<min(max(n, 0), count))
  }

  /// Rewrites every feature value in place; the transform receives the feature column and the value.
  mutating func transformFeatures(_ transform: (_ column: Int, _ value: Float) -> Float) {
    let width = featureCount
    features.withUnsafeMutableBufferPointer { buffer in
      for index in buffer.indices {
        buffer[index] = transform(index % width, buffer[index])
      }
    }
  }
}
