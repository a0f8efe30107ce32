/// "Did you mean" suggestions by Levenshtein distance.
enum EditDistance {
  /// The number of single-character insertions, deletions and substitutions turning `a` into `b`.
  /// - Complexity: O(a.count * b.count).
  static func between(_ a: String, _ b: String) -> Int {
    let a = Array(a.lowercased())
    let b = Array(b.lowercased())
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
        current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
      }
      swap(&previous, &current)
    }
    return previous[b.count]
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
