/// The memory of a `MetricSeries`: every level's ring of buckets in one allocation, plus each ring's head
/// and count. A class so that appending mutates in place; `MetricSeries` copies it before writing when
/// it is shared (copy on write), so no two series ever mutate one storage.
final class BucketStorage: @unchecked Sendable {
  /// Buckets per level.
  let bucketsPerLevel: Int
  /// Resolution levels.
  let levelCount: Int
  /// Slots per level: one more than the level holds, for the bucket that overflows it.
  let ringSize: Int
  /// Level k's ring occupies slots k * ringSize ..< (k + 1) * ringSize.
  private let slots: UnsafeMutablePointer<MetricBucket>
  /// Offset of each level's oldest bucket within its ring.
  private let heads: UnsafeMutablePointer<Int>
  /// Buckets held by each level.
  let counts: UnsafeMutablePointer<Int>
  /// Levels whose slots have been initialized (levels fill in order, so these are 0..<initializedLevels).
  private var initializedLevels = 0
  /// Points per bucket in the last level; doubles each time that level fills.
  private var coarsestBucketWidth: Int

  init(bucketsPerLevel: Int, levelCount: Int) {
    self.bucketsPerLevel = bucketsPerLevel
    self.levelCount = levelCount
    ringSize = bucketsPerLevel + 1
    slots = .allocate(capacity: levelCount * ringSize)
    heads = .allocate(capacity: levelCount)
    heads.initialize(repeating: 0, count: levelCount)
    counts = .allocate(capacity: levelCount)
    counts.initialize(repeating: 0, count: levelCount)
    coarsestBucketWidth = 1 << (levelCount - 1)
  }

  /// The bytes allocated for the rings, heads and counts (fixed at creation).
  var allocatedBytes: Int {
    levelCount * ringSize * MemoryLayout<MetricBucket>.stride + 2 * levelCount * MemoryLayout<Int>.stride
  }

  deinit {
    slots.deinitialize(count: initializedLevels * ringSize)
    slots.deallocate()
    heads.deallocate()
    counts.deallocate()
  }

  /// An independent copy.
  func copy() -> BucketStorage {
    let copy = BucketStorage(bucketsPerLevel: bucketsPerLevel, levelCount: levelCount)
    copy.slots.initialize(from: slots, count: initializedLevels * ringSize)
    copy.heads.update(from: heads, count: levelCount)
    copy.counts.update(from: counts, count: levelCount)
    copy.initializedLevels = initializedLevels
    copy.coarsestBucketWidth = coarsestBucketWidth
    return copy
  }

  /// The bucket `offset` places after the oldest of `level`.
  func bucket(level: Int, offset: Int) -> MetricBucket { slots[slot(level: level, offset: offset)] }

  /// Adds `bucket` as the newest of level 0, cascading overflows toward the coarsest level.
  func append(_ bucket: MetricBucket) {
    var bucket = bucket
    var level = 0
    while level < levelCount - 1 {
      initializeLevel(level, with: bucket)
      slots[slot(level: level, offset: counts[level])] = bucket
      counts[level] += 1
      guard counts[level] > bucketsPerLevel else { return }
      bucket = slots[slot(level: level, offset: 0)].merging(slots[slot(level: level, offset: 1)])
      heads[level] = (heads[level] + 2) % ringSize
      counts[level] -= 2
      level += 1
    }
    appendCoarsest(bucket)
  }

  private func appendCoarsest(_ incoming: MetricBucket) {
    let top = levelCount - 1
    initializeLevel(top, with: incoming)
    if counts[top] > 0 {
      let newest = slot(level: top, offset: counts[top] - 1)
      if slots[newest].count < coarsestBucketWidth {
        slots[newest].merge(incoming)
        return
      }
    }
    slots[slot(level: top, offset: counts[top])] = incoming
    counts[top] += 1
    guard counts[top] > bucketsPerLevel else { return }
    // Merge adjacent pairs into the front of the ring, oldest first; an odd newest bucket stays alone.
    let held = (0..<counts[top]).map { bucket(level: top, offset: $0) }
    let base = top * ringSize
    heads[top] = 0
    counts[top] = 0
    for pair in stride(from: 0, to: held.count, by: 2) {
      slots[base + counts[top]] = pair + 1 < held.count ? held[pair].merging(held[pair + 1]) : held[pair]
      counts[top] += 1
    }
    coarsestBucketWidth *= 2
  }

  private func initializeLevel(_ level: Int, with filler: MetricBucket) {
    guard level == initializedLevels else { return }
    (slots + level * ringSize).initialize(repeating: filler, count: ringSize)
    initializedLevels += 1
  }

  private func slot(level: Int, offset: Int) -> Int {
    let index = heads[level] + offset
    return level * ringSize + (index >= ringSize ? index - ringSize : index)
  }
}
