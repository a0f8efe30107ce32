import DamScreen

/// Where each panel goes on a screen of a given size. The view draws into these rectangles and the
/// reducer maps mouse positions through them, so both always agree.
///
/// The parameter panel takes the left column (28-40 columns); the loss chart sits top right above the
/// gradient panel; from 120x30 a data panel joins the chart when the run has data for it (otherwise
/// the chart takes its place); the status bar takes the last two rows. Dialogs are centred over the
/// screen and scroll their lines within `dialogRows`.
public struct AppLayout: Sendable, Hashable {
  /// The smallest screen the layout supports; below it the view shows "terminal too small".
  public static let minimumWidth = 60
  /// See `minimumWidth`.
  public static let minimumHeight = 16
  /// The width from which the data panel is shown.
  public static let dataPanelMinimumWidth = 120
  /// The height from which the data panel is shown.
  public static let dataPanelMinimumHeight = 30

  /// The whole screen.
  public var screen: Rect
  /// Whether the screen is below the minimum size (every other rectangle is then empty).
  public var isTooSmall: Bool
  /// The hyperparameter panel, border included.
  public var parameters: Rect
  /// The loss chart panel, border included.
  public var chart: Rect
  /// The data panel, border included; empty on small screens and when the run has no data for it.
  public var data: Rect
  /// The gradient panel, border included.
  public var gradients: Rect
  /// The status bar: the status line and, below it, the finding or message line.
  public var status: Rect

  /// The layout of a `width` x `height` screen; `dataPanelInUse` tells whether the run has data for
  /// the data panel (when not, the chart is widened over its place).
  public init(width: Int, height: Int, dataPanelInUse: Bool = true) {
    screen = Rect(x: 0, y: 0, width: width, height: height)
    isTooSmall = width < Self.minimumWidth || height < Self.minimumHeight
    guard !isTooSmall else {
      (parameters, chart, data, gradients, status) = (.zero, .zero, .zero, .zero, .zero)
      return
    }
    let mainHeight = height - 2
    status = Rect(x: 0, y: mainHeight, width: width, height: 2)
    let parameterWidth = min(40, max(28, width * 3 / 10))
    parameters = Rect(x: 0, y: 0, width: parameterWidth, height: mainHeight)
    let rightX = parameterWidth
    let rightWidth = width - parameterWidth
    let chartHeight = mainHeight * 11 / 20
    gradients = Rect(x: rightX, y: chartHeight, width: rightWidth, height: mainHeight - chartHeight)
    if dataPanelInUse && width >= Self.dataPanelMinimumWidth && height >= Self.dataPanelMinimumHeight {
      let dataWidth = rightWidth / 3
      chart = Rect(x: rightX, y: 0, width: rightWidth - dataWidth, height: chartHeight)
      data = Rect(x: chart.maxX, y: 0, width: dataWidth, height: chartHeight)
    } else {
      chart = Rect(x: rightX, y: 0, width: rightWidth, height: chartHeight)
      data = .zero
    }
  }

  /// The body rows of a scrolling dialog (help, findings): the screen less the dialog's border, margins
  /// and footer.
  public var dialogRows: Int { max(1, screen.height - 6) }

  /// The width dialog text is wrapped to.
  public var dialogTextWidth: Int { max(10, screen.width - 8) }

  /// The widest body line a dialog shows (the screen less the dialog's border, margins and a column of
  /// the screen on each side): tables such as the key help use it all.
  public var dialogBodyWidth: Int { max(10, screen.width - 6) }

  /// The largest scroll of `lineCount` lines shown `visibleRows` at a time: the last screenful.
  public static func maxScroll(lineCount: Int, visibleRows: Int) -> Int { max(0, lineCount - visibleRows) }

  /// The rows of the parameter list: the parameter panel inside its border.
  public var parameterRows: Rect { parameters.isEmpty ? .zero : parameters.inset(by: 1) }

  /// The parameter drawn at (`x`, `y`) when `count` rows are listed with `selected` selected (the list
  /// scrolls to keep the selection visible, as `ParameterList` does), or nil.
  public func parameterIndex(atX x: Int, y: Int, count: Int, selected: Int) -> Int? {
    let rows = parameterRows
    guard rows.contains(x: x, y: y) else { return nil }
    let placeholder = ParameterList.Row(name: "", value: "")
    let list = ParameterList(rows: Array(repeating: placeholder, count: count), selectedIndex: selected, glyphs: .ascii)
    let first = list.firstVisibleRow(height: rows.height)
    let index = first + y - rows.y
    return index < count ? index : nil
  }

  /// The panel at (`x`, `y`) that can take focus, if any.
  public func focusablePanel(atX x: Int, y: Int) -> Focus? {
    if parameters.contains(x: x, y: y) { return .parameters }
    if chart.contains(x: x, y: y) { return .chart }
    if gradients.contains(x: x, y: y) { return .gradients }
    return nil
  }
}

extension Rect {
  /// The empty rectangle at the origin.
  fileprivate static let zero = Rect(x: 0, y: 0, width: 0, height: 0)
}
