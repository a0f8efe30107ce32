import DamScreen

/// Which cells of a new frame differ from the frame on screen, as horizontal runs.
enum ScreenDiff {
  /// A run of changed cells on one row.
  struct Run: Hashable, Sendable {
    /// The row.
    var y: Int
    /// The changed columns.
    var columns: Range<Int>
  }

  /// The runs of cells within `width` x `height` (the terminal's size) that must be written to turn
  /// `old` into `new`. Every cell of `new` is included when there is no `old` frame or its size differs.
  ///
  /// - Complexity: O(width x height).
  static func changedRuns(from old: ScreenBuffer?, to new: ScreenBuffer, width: Int, height: Int) -> [Run] {
    let columns = min(width, new.width)
    let rows = min(height, new.height)
    guard columns > 0, rows > 0 else { return [] }
    guard let old, old.width == new.width, old.height == new.height else {
      return (0..<rows).map { Run(y: $0, columns: 0..<columns) }
    }
    var runs: [Run] = []
    for y in 0..<rows {
      let rowStart = y * new.width
      var x = 0
      while x < columns {
        guard old.cells[rowStart + x] != new.cells[rowStart + x] else {
          x += 1
          continue
        }
        let start = x
        while x < columns && old.cells[rowStart + x] != new.cells[rowStart + x] { x += 1 }
        runs.append(Run(y: y, columns: start..<x))
      }
    }
    return runs
  }
}
