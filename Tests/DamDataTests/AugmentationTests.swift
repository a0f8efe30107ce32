import DamEngine
import Testing

@testable import DamData

@Suite("Training-time augmentation")
struct AugmentationTests {
  func prepared(_ source: DataSpec.Source, augment: Double, normalize: DataSpec.Normalization = .standard)
    throws(DataError) -> PreparedData
  {
    var spec = DataSpec()
    spec.dataset = source
    spec.samples = 2000
    spec.augment = augment
    spec.normalize = normalize
    return try spec.prepare(seed: 5)
  }

  @Test("Jitter has standard deviation augment in normalized units and mean zero")
  func jitterScale() throws {
    let augmentation = try prepared(.gauss, augment: 0.5).augmentation
    var batch = [Float](repeating: 0, count: 2 * 20_000)
    var generator = SeededGenerator(seed: 1)
    augmentation.apply(to: &batch, rowCount: 20_000, generator: &generator)
    for j in 0..<2 {
      let stats = meanAndDeviation((0..<20_000).map { batch[2 * $0 + j] })
      #expect(abs(stats.mean) < 0.02 && abs(stats.deviation - 0.5) < 0.015, "\(stats)")
    }
  }

  @Test("Without normalization the jitter scales with each feature's training standard deviation")
  func jitterFollowsFeatureSpread() throws {
    let data = try prepared(.plane, augment: 0.1, normalize: .none)
    guard case .jitter(let deviations) = data.augmentation.kind else {
      Issue.record("expected jitter")
      return
    }
    for j in 0..<2 {
      let expected = 0.1 * meanAndDeviation(column(data.train, j)).deviation
      #expect(abs(Double(deviations[j]) - expected) < 1e-4)
    }
  }

  @Test("Jitter touches only the rows it is given")
  func jitterRowCount() throws {
    let augmentation = try prepared(.moons, augment: 0.3).augmentation
    var batch = [Float](repeating: 0, count: 20)
    var generator = SeededGenerator(seed: 2)
    augmentation.apply(to: &batch, rowCount: 4, generator: &generator)
    #expect(batch[0..<8].allSatisfy { $0 != 0 } && batch[8...].allSatisfy { $0 == 0 })
  }

  @Test("augment 0 changes nothing, and augmentation never changes the prepared splits")
  func offAndTrainingOnly() throws {
    let off = try prepared(.spiral, augment: 0)
    #expect(off.augmentation == .disabled && !off.augmentation.isEnabled)
    var batch: [Float] = [1, 2, 3, 4]
    var generator = SeededGenerator(seed: 3)
    off.augmentation.apply(to: &batch, rowCount: 2, generator: &generator)
    #expect(batch == [1, 2, 3, 4])
    let on = try prepared(.spiral, augment: 0.2)
    #expect(on.augmentation.isEnabled)
    #expect(on.train == off.train && on.validation == off.validation)
  }

  /// Raw pixels of row `row` of `batch`.
  func rawImage(_ batch: [Float], row: Int, _ stats: NormalizationStatistics) -> [Float] {
    (0..<64).map { stats.denormalize(batch[row * 64 + $0], feature: $0) }
  }

  /// `image` moved by (dx, dy) pixels with blank (0) pixels moved in.
  func shifted(_ image: [Float], dx: Int, dy: Int) -> [Float] {
    (0..<64).map { index in
      let (x, y) = (index % 8 - dx, index / 8 - dy)
      return (0..<8).contains(x) && (0..<8).contains(y) ? image[y * 8 + x] : 0
    }
  }

  @Test("Digits with augment 1: every image moves one pixel in one of four directions, zero-filled")
  func pixelShiftAlways() throws {
    let data = try prepared(.digits, augment: 1)
    let stats = data.normalization
    let rows = 200
    let original = Array(data.train.features[0..<rows * 64])
    var batch = original
    var generator = SeededGenerator(seed: 4)
    data.augmentation.apply(to: &batch, rowCount: rows, generator: &generator)
    var directionsSeen = Set<[Int]>()
    for row in 0..<rows {
      let before = rawImage(original, row: row, stats)
      let after = rawImage(batch, row: row, stats)
      let matches = [[1, 0], [-1, 0], [0, 1], [0, -1]].filter { move in
        zip(shifted(before, dx: move[0], dy: move[1]), after).allSatisfy { abs($0 - $1) < 1e-3 }
      }
      #expect(!matches.isEmpty, "row \(row) is not a one-pixel shift")
      if matches.count == 1 { directionsSeen.insert(matches[0]) }
    }
    #expect(directionsSeen.count == 4)
  }

  @Test("Digits with augment 0.3 shift about 30% of images; the same generator gives the same batch")
  func pixelShiftProbability() throws {
    let data = try prepared(.digits, augment: 0.3)
    let rows = data.train.count
    let original = data.train.features
    var first = original
    var generator = SeededGenerator(seed: 8)
    data.augmentation.apply(to: &first, rowCount: rows, generator: &generator)
    let changed = (0..<rows).filter { row in first[row * 64..<(row + 1) * 64] != original[row * 64..<(row + 1) * 64] }
    let fraction = Double(changed.count) / Double(rows)
    #expect(abs(fraction - 0.3) < 0.05, "\(fraction)")
    var second = original
    var again = SeededGenerator(seed: 8)
    data.augmentation.apply(to: &second, rowCount: rows, generator: &again)
    #expect(first == second)
  }
}
