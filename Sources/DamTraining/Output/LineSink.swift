/// Where whole lines go, one at a time: a `LineFile`, or a stand-in in tests.
public protocol LineSink: AnyObject {
  /// Writes `line` and a newline, whole or not at all.
  /// - Throws: `SessionError` when the line could not be written; nothing of it was kept.
  func write(line: String) throws(SessionError)
}

extension LineFile: LineSink {}
