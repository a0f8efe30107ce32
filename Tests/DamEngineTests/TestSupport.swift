import DamEngine

/// Small deterministic data for engine tests.
enum TestData {
  /// `count` samples of `width` standard-normal features.
  static func inputs<Scalar: EngineScalar>(count: Int, width: Int, seed: UInt64) -> [Scalar] {
    var generator = SeededGenerator(seed: seed)
    return (0..<(count * width)).map { _ in Scalar(generator.nextGaussian()) }
  }

  /// Valid targets for `head`: 0/1 (binary), class indices (multiclass), normals (regression).
  static func targets<Scalar: EngineScalar>(for head: OutputHead, count: Int, seed: UInt64) -> [Scalar] {
    var generator = SeededGenerator(seed: seed)
    switch head {
    case .binary:
      return (0..<count).map { _ in Scalar(generator.nextInt(below: 2)) }
    case .multiclass(let classes):
      return (0..<count).map { _ in Scalar(generator.nextInt(below: classes)) }
    case .regression(let outputs):
      return (0..<(count * outputs)).map { _ in Scalar(generator.nextGaussian()) }
    }
  }

  /// The XOR of the signs of two features: a problem no linear model solves.
  static func xor(count: Int, seed: UInt64) -> (inputs: [Float], targets: [Float]) {
    var generator = SeededGenerator(seed: seed)
    var inputs: [Float] = []
    var targets: [Float] = []
    for _ in 0..<count {
      let x = Float(generator.nextUniform(-1, 1))
      let y = Float(generator.nextUniform(-1, 1))
      inputs += [x, y]
      targets.append((x > 0) != (y > 0) ? 1 : 0)
    }
    return (inputs, targets)
  }
}
