import DamScreen

/// The curses video attributes a `Style` asks for, apart from colour.
struct TextAttributes: OptionSet, Hashable, Sendable {
  let rawValue: UInt8

  static let bold = TextAttributes(rawValue: 1 << 0)
  static let reverse = TextAttributes(rawValue: 1 << 1)
  static let dim = TextAttributes(rawValue: 1 << 2)
  static let underline = TextAttributes(rawValue: 1 << 3)

  init(rawValue: UInt8) { self.rawValue = rawValue }

  /// The attributes of `style`.
  init(_ style: Style) {
    var attributes: TextAttributes = []
    if style.bold { attributes.insert(.bold) }
    if style.reverse { attributes.insert(.reverse) }
    if style.dim { attributes.insert(.dim) }
    if style.underline { attributes.insert(.underline) }
    self = attributes
  }
}
