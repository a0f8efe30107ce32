import DamEngine
import Foundation
import Testing

@testable import DamData

@Suite("User CSV files")
struct CSVTableTests {
  /// Loads `text` from a temporary file named data.csv.
  func load(_ text: String, target: String = "y", features: [String] = []) throws -> Dataset {
    let path = try temporaryFile(text)
    defer { removeTemporaryFile(path) }
    return try CSVTable.load(path: path, target: target, features: features)
  }

  /// The description of the error loading `text` throws, with the temporary folder replaced by "DIR".
  func errorText(_ text: String, target: String = "y", features: [String] = []) throws -> String {
    let path = try temporaryFile(text)
    defer { removeTemporaryFile(path) }
    let error = dataError { () throws(DataError) in
      _ = try CSVTable.load(path: path, target: target, features: features)
    }
    let folder = (path as NSString).deletingLastPathComponent
    return error.map { $0.description.replacingOccurrences(of: folder, with: "DIR") } ?? "no error"
  }

  @Test("A numeric target makes a regression set with every other column as a feature")
  func regression() throws {
    let data = try load("a,y,b\n1,0.5,2\n3,-1.25e1,4\n")
    #expect(data.featureNames == ["a", "b"] && data.classLabels.isEmpty)
    #expect(data.features == [1, 2, 3, 4] && data.targets == [0.5, -12.5])
    #expect(data.outputHead == .regression(outputs: 1))
  }

  @Test("Text labels become classes numbered in sorted order")
  func labelMapping() throws {
    let data = try load("x,y\n1,dog\n2,cat\n3,emu\n4,cat\n")
    #expect(data.classLabels == ["cat", "dog", "emu"])
    #expect(data.targets == [1, 0, 2, 0])
    #expect(data.outputHead == .multiclass(classes: 3))
    let binary = try load("x,y\n1,yes\n2,no\n")
    #expect(binary.classLabels == ["no", "yes"] && binary.targets == [1, 0] && binary.outputHead == .binary)
  }

  @Test("Mixed numbers and text in the target are all class labels")
  func mixedTargetIsClassification() throws {
    let data = try load("x,y\n1,2\n2,10\n3,NA\n")
    #expect(data.classLabels == ["10", "2", "NA"] && data.targets == [1, 0, 2])
  }

  @Test("Selected features come in the requested order; unselected columns are not parsed")
  func featureSelection() throws {
    let data = try load("c0,c1,c2,y,notes\n1,2,3,a,free text\n4,5,6,b,more\n", features: ["c2", "c0"])
    #expect(data.featureNames == ["c2", "c0"])
    #expect(data.features == [3, 1, 6, 4])
  }

  @Test("Quoted fields: commas, doubled quotes and line breaks inside quotes, quoted numbers")
  func quotedFields() throws {
    let text = "\"x\",\"the, \"\"label\"\"\"\n\"2.5\",\"a, \"\"b\"\"\"\n3,\"two\nlines\"\n4,\"a, \"\"b\"\"\"\n"
    let data = try load(text, target: "the, \"label\"")
    #expect(data.features == [2.5, 3, 4])
    #expect(data.classLabels == ["a, \"b\"", "two\nlines"])
    #expect(data.targets == [0, 1, 0])
  }

  @Test("CRLF and CR line ends, a byte-order mark, blank lines, spaces around numbers, no final newline")
  func lineEnds() throws {
    let data = try load("\u{FEFF}x , y\r\n 1 ,2\r\n\r\n3,4\r5,6")
    #expect(data.featureNames == ["x"] && data.features == [1, 3, 5] && data.targets == [2, 4, 6])
  }

  @Test("A bad number names file, line, column, column name and the text found")
  func badNumber() throws {
    #expect(
      try errorText("a,b,y\n1,2,3\n4,x5,6\n")
        == "DIR/data.csv:3:3: column 2 (\"b\"): expected a finite number, found \"x5\"")
    #expect(
      try errorText("a,y\n1,2\n,3\n")
        == "DIR/data.csv:3:1: column 1 (\"a\"): expected a finite number, found an empty field")
    #expect(try errorText("a,y\n1e99,2\n").hasPrefix("DIR/data.csv:2:1: column 1 (\"a\"): expected a finite number"))
    #expect(try errorText("a,y\nnan,2\n").hasPrefix("DIR/data.csv:2:1:"))
  }

  @Test("Line numbers count line breaks inside quoted fields; columns count characters")
  func positionsAfterMultilineField() throws {
    #expect(
      try errorText("a,b,y\n\"1\n\n\",2,3\n1,é,3\n").hasPrefix("DIR/data.csv:2:1: column 1"))
    #expect(try errorText("t,a,y\n\"é\",x,3\n", features: ["a"]).hasPrefix("DIR/data.csv:2:5: column 2 (\"a\")"))
  }

  @Test("A row with the wrong number of fields is an error naming its line")
  func wrongFieldCount() throws {
    #expect(try errorText("a,b,y\n1,2,3\n\n4,5\n") == "DIR/data.csv:4:1: expected 3 fields as in the header, found 2")
    #expect(try errorText("a,y\n1,2,3\n") == "DIR/data.csv:2:1: expected 2 fields as in the header, found 3")
  }

  @Test("A missing target column lists the columns")
  func missingTarget() throws {
    #expect(
      try errorText("a,b\n1,2\n", target: "label")
        == "DIR/data.csv:1:1: no target column named \"label\"; the columns are \"a\", \"b\"")
    #expect(try errorText("a,b\n1,2\n", target: "b", features: ["c"]).contains("no feature column named \"c\""))
    #expect(
      try errorText("a,b\n1,2\n", target: "b", features: ["b"])
        == "DIR/data.csv:1:1: feature column \"b\" is the target column; a column is a feature or the target")
  }

  @Test("A feature column requested twice is named as repeated, not as missing")
  func repeatedFeature() throws {
    #expect(
      try errorText("a,b,y\n1,2,3\n", features: ["a", "a"])
        == "DIR/data.csv:1:1: feature column \"a\" is listed more than once in the features")
  }

  @Test(
    "A non-finite number in an otherwise numeric target is an error with line and column, not a class",
    arguments: ["nan", "NaN", "inf", "-Infinity", "1e39"])
  func nonFiniteTarget(value: String) throws {
    #expect(
      try errorText("a,y\n1,0.5\n2,1.5\n3,\(value)\n4,2\n")
        == "DIR/data.csv:4:3: column 2 (\"y\"): expected a finite number, found \"\(value)\" "
        + "(the other targets are numbers, so this is a regression target)")
  }

  @Test("Among text labels, nan is a label like any other")
  func nanAmongLabels() throws {
    let data = try load("x,y\n1,cat\n2,nan\n3,dog\n")
    #expect(data.classLabels == ["cat", "dog", "nan"])
  }

  @Test("Empty, header-only, missing and unreadable files, bad quotes, duplicate columns, one class")
  func fileErrors() throws {
    #expect(try errorText("") == "DIR/data.csv:1:1: the file is empty; expected a header row of column names")
    #expect(try errorText("\n\n") == "DIR/data.csv:1:1: the file is empty; expected a header row of column names")
    #expect(try errorText("a,y\n") == "DIR/data.csv:2:1: no data rows after the header")
    #expect(
      try errorText("a,y\n1,\"open\n") == "DIR/data.csv:2:3: quoted field is not closed before the end of the file")
    #expect(
      try errorText("a,y\n1,\"x\"z\n") == "DIR/data.csv:2:6: expected a comma or a line end after the closing quote")
    #expect(try errorText("a,a,y\n1,2,3\n") == "DIR/data.csv:1:1: the header names column \"a\" more than once")
    #expect(try errorText("a,y\n1,q\n2,q\n").contains("fewer than two classes (\"q\")"))
    let ids = "a,y\n" + (0...1000).map { "1,id\($0)" }.joined(separator: "\n")
    #expect(try errorText(ids).hasPrefix("DIR/data.csv: target column \"y\" has 1001 distinct labels (such as \"id0\""))
    #expect(try errorText("a,y\n1,\n").hasPrefix("DIR/data.csv:2:3: column 2 (\"y\"): expected a target value"))
    let missing = dataError { () throws(DataError) in _ = try CSVTable.load(path: "/nonexistent/x.csv", target: "y") }
    #expect(missing?.description == "/nonexistent/x.csv: no such file")
    let folder = dataError { () throws(DataError) in _ = try CSVTable.load(path: "/tmp", target: "y") }
    #expect(folder?.description == "/tmp: cannot read the file: it is a directory")
  }

  @Test("Numbers parse like the standard library's Float(String) in many spellings")
  func numberSpellings() throws {
    var generator = SeededGenerator(seed: 11)
    var texts = [
      "0", "-0", "+7", ".5", "-.25", "7.", "1e3", "1E-3", "-2.5e+2", "0.1", "3.4028235e38", "1e-45",
      "123456789012345678901234567890", "0.000000000000000000000000000001", "9007199254740993",
      "1.00000005960464477539",
    ]
    for _ in 0..<3000 {
      let mantissa = generator.nextInt(below: 1_000_000_000)
      let exponent = generator.nextInt(below: 40) - 20
      let point = generator.nextInt(below: 10)
      var digits = String(mantissa)
      if point < digits.count { digits.insert(".", at: digits.index(digits.startIndex, offsetBy: point)) }
      texts.append((generator.nextInt(below: 2) == 0 ? "-" : "") + digits + "e\(exponent)")
    }
    for text in texts {
      let bytes = Array(text.utf8)
      let parsed = bytes.withUnsafeBufferPointer { DecimalParser.parseFloat($0, from: 0, to: $0.count) }
      #expect(parsed == Float(text), "\(text)")
    }
    for bad in ["", " ", "-", ".", "e5", "1e", "1e+", "1.2.3", "0x10", "1,5", "inf", "nan", "1e39", "--1", "1 2"] {
      let bytes = Array(bad.utf8)
      #expect(bytes.withUnsafeBufferPointer { DecimalParser.parseFloat($0, from: 0, to: $0.count) } == nil, "\(bad)")
    }
  }

  @Test("A generated 20,000-row CSV loads with the values an independent split-and-parse gives")
  func generatedFile() throws {
    let bytes = CSVLoadBenchmark.syntheticCSV(rows: 20_000, seed: 5)
    let data = try CSVTable.parse(Data(bytes), path: "generated.csv", target: "species")
    #expect(data.count == 20_000 && data.featureCount == 4)
    #expect(data.classLabels == ["setosa", "versicolor", "virginica"])
    let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n").dropFirst()
    var expectedFeatures: [Float] = []
    var expectedTargets: [Float] = []
    for line in lines {
      let fields = line.split(separator: ",").map { $0.replacingOccurrences(of: "\"", with: "") }
      expectedFeatures += fields[0..<4].map { Float($0)! }
      expectedTargets.append(Float(data.classLabels.firstIndex(of: fields[4])!))
    }
    #expect(data.features == expectedFeatures)
    #expect(data.targets == expectedTargets)
  }
}
