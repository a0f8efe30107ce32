/// Assigns an id to each distinct field content, comparing raw bytes (no allocation per lookup).
struct LabelTable {
  let bytes: UnsafeBufferPointer<UInt8>
  /// The first field seen with each id, indexed by id.
  private(set) var representatives: [CSVScanner.Field] = []
  private var idsByHash: [UInt64: [Int]] = [:]

  init(bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  /// The id of `field`'s content: a new id the first time the content is seen.
  mutating func id(of field: CSVScanner.Field) -> Int {
    let hash = fnv1a(field)
    if let candidates = idsByHash[hash] {
      for id in candidates where sameContent(representatives[id], field) { return id }
    }
    let id = representatives.count
    representatives.append(field)
    idsByHash[hash, default: []].append(id)
    return id
  }

  private func fnv1a(_ field: CSVScanner.Field) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for index in field.start..<field.end {
      hash = (hash ^ UInt64(bytes[index])) &* 0x100_0000_01b3
    }
    return hash
  }

  private func sameContent(_ a: CSVScanner.Field, _ b: CSVScanner.Field) -> Bool {
    let length = a.end - a.start
    guard length == b.end - b.start else { return false }
    for offset in 0..<length where bytes[a.start + offset] != bytes[b.start + offset] { return false }
    return true
  }
}
