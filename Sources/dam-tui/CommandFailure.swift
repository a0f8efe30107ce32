#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A failure a command reports to the user: the message goes to standard error, the exit code is 2.
struct CommandFailure: Error {
  /// The exit code of every failure.
  static let exitCode: Int32 = 2

  /// What went wrong, possibly several lines.
  let message: String

  init(_ message: String) {
    self.message = message
  }
}

/// Writing to standard error without buffering.
enum StandardError {
  /// Writes `text` and a newline (when it does not end with one).
  static func report(_ text: String) {
    let line = text.hasSuffix("\n") ? text : text + "\n"
    var bytes = Array(line.utf8)
    var offset = 0
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeMutableBytes { write(2, $0.baseAddress, $0.count) }
      if written <= 0 { return }
      offset += written
    }
  }
}
