extension LineChart {
  /// Markers close together, drawn as one: the plot column of the first, and every label in step order.
  struct MarkerGroup: Equatable {
    /// The plot column the group's dashed line is drawn in.
    var column: Int
    /// The labels of the markers in the group.
    var labels: [String]

    /// The text above the line: the label of a single marker; for several changes of one setting
    /// (labels `name old -> new` with the same name), that setting from the first old value to the last
    /// new one, the value in force; else how many changes the group holds.
    var text: String {
      guard labels.count > 1 else { return labels.first ?? "" }
      let changes = labels.map(Self.change)
      guard let first = changes.first ?? nil, let last = changes.last ?? nil,
        changes.allSatisfy({ $0?.name == first.name })
      else { return "\(labels.count) changes" }
      return "\(first.name) \(first.old) -> \(last.new)"
    }

    /// The parts of a label `name old -> new` (the name may hold spaces, the values may not), or nil.
    private static func change(_ label: String) -> (name: String, old: Substring, new: Substring)? {
      let sides = label.split(separator: " -> ", omittingEmptySubsequences: false)
      guard sides.count == 2, let space = sides[0].lastIndex(of: " "), !sides[1].contains(" "), !sides[1].isEmpty
      else { return nil }
      return (String(sides[0][..<space]), sides[0][sides[0].index(after: space)...], sides[1])
    }
  }

  /// The markers inside the plot, grouped so that no two labels on the marker row overlap: a marker
  /// whose column falls under the previous group's label joins that group, and a group pushed left by
  /// the right edge into its neighbour merges with it.
  /// - Complexity: O(markers log markers).
  func markerGroups(in frame: ChartFrame) -> [MarkerGroup] {
    let plot = frame.plot
    var groups: [MarkerGroup] = []
    func start(_ group: MarkerGroup) -> Int { max(plot.x, min(group.column, plot.maxX - group.text.count)) }
    func end(_ group: MarkerGroup) -> Int { start(group) + group.text.count }
    for marker in markers.sorted(by: { $0.x < $1.x }) {
      guard let column = frame.column(ofStep: marker.x, glyphs: glyphs) else { continue }
      if let last = groups.last, column <= end(last) {
        groups[groups.count - 1].labels.append(marker.label)
      } else {
        groups.append(MarkerGroup(column: column, labels: [marker.label]))
      }
      while groups.count >= 2, start(groups[groups.count - 1]) <= end(groups[groups.count - 2]) {
        let merged = groups.removeLast()
        groups[groups.count - 1].labels += merged.labels
      }
    }
    return groups
  }

  /// Writes each marker group's text on `row` (the row above the plot), starting at its line's column
  /// or as far right as fits.
  func renderMarkerLabels(_ frame: ChartFrame, row: Int, buffer: inout ScreenBuffer) {
    let plot = frame.plot
    let line = Rect(x: plot.x, y: row, width: plot.width, height: 1)
    for group in markerGroups(in: frame) {
      let text = group.text
      let start = max(plot.x, min(group.column, plot.maxX - text.count))
      buffer.write(text, x: start, y: row, style: markerStyle, within: line)
    }
  }
}
