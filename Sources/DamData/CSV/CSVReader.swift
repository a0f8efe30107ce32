/// One pass over CSV bytes: header, column roles, then rows into flat buffers (see `CSVTable`).
struct CSVReader {
  /// What a column is used for.
  private enum Role: Equatable {
    case ignored, target
    case feature(slot: Int)
  }

  private var scanner: CSVScanner
  private let path: String

  init(bytes: UnsafeBufferPointer<UInt8>, path: String) {
    scanner = CSVScanner(bytes: bytes)
    self.path = path
  }

  mutating func read(target: String, features requested: [String]) throws(DataError) -> Dataset {
    let header = try readHeader()
    var seen = Set<String>()
    for name in header where !seen.insert(name).inserted { throw .duplicateColumn(path: path, name: name) }
    guard let targetIndex = header.firstIndex(of: target) else {
      throw .unknownColumn(path: path, role: "target", name: target, available: header)
    }
    let featureNames = requested.isEmpty ? header.filter { $0 != target } : requested
    guard !featureNames.isEmpty else {
      throw .unknownColumn(path: path, role: "feature", name: "(any besides the target)", available: header)
    }
    var roles = [Role](repeating: .ignored, count: header.count)
    roles[targetIndex] = .target
    for (slot, name) in featureNames.enumerated() {
      guard let index = header.firstIndex(of: name) else {
        throw .unknownColumn(
          path: path, role: "feature", name: name, available: header.filter { $0 != target })
      }
      guard index != targetIndex else {
        throw .invalidFeature(
          path: path, name: name, reason: "is the target column; a column is a feature or the target")
      }
      guard roles[index] == .ignored else {
        throw .invalidFeature(path: path, name: name, reason: "is listed more than once in the features")
      }
      roles[index] = .feature(slot: slot)
    }
    return try readRows(header: header, roles: roles, featureNames: featureNames, target: target)
  }

  private mutating func readHeader() throws(DataError) -> [String] {
    guard scanner.skipEmptyLines() else { throw .emptyFile(path: path) }
    var names: [String] = []
    while true {
      let field = try nextField()
      names.append(scanner.text(of: field).trimmingSpaces())
      if field.terminator != .comma { break }
    }
    return names
  }

  private mutating func readRows(header: [String], roles: [Role], featureNames: [String], target: String)
    throws(DataError) -> Dataset
  {
    let width = featureNames.count
    var features: [Float] = []
    var numericTargets: [Float] = []
    var targetFields: [CSVScanner.Field] = []
    // A text label makes the target a class; until one is seen, a non-finite number is an error.
    var sawTextTarget = false
    var nonFiniteTarget: (field: CSVScanner.Field, column: Int)?
    var rowCount = 0
    while scanner.skipEmptyLines() {
      let rowLine = scanner.line
      features.append(contentsOf: repeatElement(0, count: width))
      let rowBase = rowCount * width
      var fieldIndex = 0
      while true {
        let field = try nextField()
        if fieldIndex < roles.count {
          switch roles[fieldIndex] {
          case .ignored:
            break
          case .feature(let slot):
            features[rowBase + slot] = try number(in: field, column: fieldIndex, header: header)
          case .target:
            guard field.end > field.start else {
              throw malformed(
                field, "column \(fieldIndex + 1) (\"\(target)\"): expected a target value, found an empty field")
            }
            targetFields.append(field)
            if sawTextTarget {
              break
            } else if let value = DecimalParser.parseFloat(scanner.bytes, from: field.start, to: field.end) {
              numericTargets.append(value)
            } else if DecimalParser.isNonFiniteNumber(scanner.bytes, from: field.start, to: field.end) {
              if nonFiniteTarget == nil { nonFiniteTarget = (field, fieldIndex) }
            } else {
              sawTextTarget = true
            }
          }
        }
        fieldIndex += 1
        if field.terminator != .comma { break }
      }
      guard fieldIndex == header.count else {
        throw .wrongFieldCount(path: path, line: rowLine, expected: header.count, found: fieldIndex)
      }
      rowCount += 1
    }
    guard rowCount > 0 else { throw .noDataRows(path: path) }
    if !sawTextTarget {
      if let (field, column) = nonFiniteTarget {
        throw malformed(
          field,
          "column \(column + 1) (\"\(target)\"): expected a finite number, found \(shown(field)) "
            + "(the other targets are numbers, so this is a regression target)")
      }
      return Dataset(features: features, targets: numericTargets, featureNames: featureNames, classLabels: [])
    }
    let (classIndices, labels) = classify(targetFields)
    guard labels.count <= CSVTable.maximumClassCount else {
      throw .tooManyClasses(path: path, target: target, count: labels.count, examples: Array(labels.prefix(3)))
    }
    guard labels.count >= 2 else { throw .tooFewClasses(path: path, target: target, classes: labels) }
    return Dataset(features: features, targets: classIndices, featureNames: featureNames, classLabels: labels)
  }

  /// Class indices (labels numbered in sorted order) for the target fields, and the sorted labels.
  private func classify(_ fields: [CSVScanner.Field]) -> ([Float], [String]) {
    var table = LabelTable(bytes: scanner.bytes)
    var firstSeenIDs: [Int] = []
    firstSeenIDs.reserveCapacity(fields.count)
    for field in fields { firstSeenIDs.append(table.id(of: field)) }
    let texts = table.representatives.map { scanner.text(of: $0) }
    let labels = Set(texts).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    var sortedIndex: [String: Int] = [:]
    for (index, label) in labels.enumerated() { sortedIndex[label] = index }
    let indexOfID = texts.map { Float(sortedIndex[$0]!) }
    return (firstSeenIDs.map { indexOfID[$0] }, labels)
  }

  private mutating func nextField() throws(DataError) -> CSVScanner.Field {
    do {
      return try scanner.nextField()
    } catch {
      throw .malformedField(
        path: path, line: error.line, column: scanner.column(ofOffset: error.offset), message: error.message)
    }
  }

  private func number(in field: CSVScanner.Field, column: Int, header: [String]) throws(DataError) -> Float {
    if let value = DecimalParser.parseFloat(scanner.bytes, from: field.start, to: field.end) { return value }
    throw malformed(
      field, "column \(column + 1) (\"\(header[column])\"): expected a finite number, found \(shown(field))")
  }

  /// The field's text quoted (its first 40 characters), or "an empty field".
  private func shown(_ field: CSVScanner.Field) -> String {
    let text = scanner.text(of: field)
    return text.isEmpty ? "an empty field" : "\"\(text.count > 40 ? text.prefix(40) + "..." : text)\""
  }

  private func malformed(_ field: CSVScanner.Field, _ message: String) -> DataError {
    .malformedField(path: path, line: field.line, column: scanner.column(ofOffset: field.offset), message: message)
  }
}

extension String {
  /// The string without leading and trailing spaces and tabs.
  fileprivate func trimmingSpaces() -> String {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
    guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
      return ""
    }
    return String(self[first...last])
  }
}
