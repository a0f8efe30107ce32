/// "Did you mean" suggestions by edit distance.
enum EditDistance {
  /// The number of single-character insertions, deletions, substitutions and swaps of neighbours turning
  /// `a` into `b`, ignoring case (the optimal-string-alignment distance).
  /// - Complexity: O(a.count * b.count).
  static func between(_ a: String, _ b: String) -> Int {
    let a = Array(a.lowercased())
    let b = Array(b.lowercased())
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { table[i][0] = i }
    for j in 0...b.count { table[0][j] = j }
    for i in 1...a.count {
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
        }
      }
    }
    return table[a.count][b.count]
  }

  /// The candidate closest to `word`, if it is close enough to be a plausible typo: at most a third of
  /// the word's length away (and at least one edit is always tolerated). Words longer than 64 characters
  /// are nobody's typo and get no suggestion.
  static func closest(to word: String, among candidates: [String]) -> String? {
    guard word.count <= 64 else { return nil }
    let limit = max(1, word.count / 3)
    let best = candidates.map { ($0, between(word, $0)) }.min { $0.1 < $1.1 }
    guard let best, best.1 <= limit else { return nil }
    return best.0
  }

  /// ` Did you mean "x"?` for the closest candidate, or the empty string.
  static func suggestion(for word: String, among candidates: [String]) -> String {
    closest(to: word, among: candidates).map { " Did you mean \"\($0)\"?" } ?? ""
  }
}
