/// Characters for boxes, axes and separators.
public struct BoxGlyphs: Sendable, Hashable {
  /// Horizontal line.
  public let horizontal: Character
  /// Vertical line.
  public let vertical: Character
  /// Top-left corner.
  public let topLeft: Character
  /// Top-right corner.
  public let topRight: Character
  /// Bottom-left corner.
  public let bottomLeft: Character
  /// Bottom-right corner.
  public let bottomRight: Character
  /// A tick on a vertical axis, pointing right into the plot.
  public let verticalTick: Character
  /// A tick on a horizontal axis, pointing down to its label.
  public let horizontalTick: Character
  /// A dashed vertical line, for markers drawn over a plot.
  public let dashedVertical: Character

  /// Box-drawing characters (UTF-8 terminals).
  public static let unicode = BoxGlyphs(
    horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
    verticalTick: "┤", horizontalTick: "┬", dashedVertical: "┆")

  /// Plain ASCII: `+`, `-` and `|`.
  public static let ascii = BoxGlyphs(
    horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
    verticalTick: "+", horizontalTick: "+", dashedVertical: ":")
}
