import DamScreen

/// Hands out curses colour-pair numbers for (foreground, background) combinations as they are first
/// used, since a terminal has a limited number of pairs and a screen needs only a few.
///
/// Pair 0 is the terminal's default colours and is never allocated. When the terminal supports default
/// colours (`use_default_colors`), a nil colour is -1 (the default); otherwise a nil foreground is white
/// and a nil background black.
struct ColorPairs: Sendable {
  /// A pair to create with `init_pair(number, foreground, background)`.
  struct Definition: Hashable, Sendable {
    var number: Int16
    var foreground: Int16
    var background: Int16
  }

  private struct Colors: Hashable {
    var foreground: Int16
    var background: Int16
  }

  private let capacity: Int
  private let defaultColors: Bool
  private var numbers: [Colors: Int16] = [:]
  private var nextNumber: Int16 = 1

  /// A table for a terminal with `capacity` pairs (COLOR_PAIRS, which counts pair 0).
  init(capacity: Int, defaultColors: Bool) {
    self.capacity = min(capacity, Int(Int16.max))
    self.defaultColors = defaultColors
  }

  /// The pair for `foreground` on `background`, and its definition when it is new (the caller must
  /// create it with `init_pair` before use). Pair 0 for the default colours, and when every pair is taken.
  mutating func pair(foreground: TerminalColor?, background: TerminalColor?) -> (number: Int16, new: Definition?) {
    if foreground == nil && background == nil && defaultColors { return (0, nil) }
    let colors = Colors(
      foreground: cursesColor(foreground, default: .white),
      background: cursesColor(background, default: .black)
    )
    if let number = numbers[colors] { return (number, nil) }
    guard Int(nextNumber) < capacity else { return (0, nil) }
    let number = nextNumber
    nextNumber += 1
    numbers[colors] = number
    return (number, Definition(number: number, foreground: colors.foreground, background: colors.background))
  }

  /// curses numbers the eight basic colours in TerminalColor's order (COLOR_BLACK = 0 ... COLOR_WHITE = 7).
  private func cursesColor(_ color: TerminalColor?, default fallback: TerminalColor) -> Int16 {
    if let color { return Int16(color.rawValue) }
    return defaultColors ? -1 : Int16(fallback.rawValue)
  }
}
