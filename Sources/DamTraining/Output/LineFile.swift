#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file written one line at a time, each line handed to the kernel at once, so the file is complete up
/// to its last line whenever the process stops. `-` is standard output.
public final class LineFile {
  private let descriptor: Int32
  private let ownsDescriptor: Bool
  /// The path as given.
  public let path: String

  /// Creates (or truncates) `path` for writing; `-` writes to standard output.
  /// - Throws: `SessionError` naming the path when it cannot be opened.
  public init(path: String) throws(SessionError) {
    self.path = path
    if path == "-" {
      descriptor = 1
      ownsDescriptor = false
    } else {
      descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
      ownsDescriptor = true
      guard descriptor >= 0 else { throw SessionError("\(path): cannot write (\(String(cString: strerror(errno))))") }
    }
  }

  deinit {
    if ownsDescriptor { close(descriptor) }
  }

  /// Writes `line` and a newline.
  /// - Throws: `SessionError` when the write fails (disk full, closed pipe).
  public func write(line: String) throws(SessionError) {
    var bytes = Array(line.utf8)
    bytes.append(UInt8(ascii: "\n"))
    var offset = 0
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeBytes { writeBytes(descriptor, $0.baseAddress, $0.count) }
      if written < 0 && errno == EINTR { continue }
      guard written > 0 else { throw SessionError("\(path): write failed (\(String(cString: strerror(errno))))") }
      offset += written
    }
  }
}

/// POSIX `write`, outside `LineFile` so its name does not collide with the method.
private func writeBytes(_ descriptor: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
  write(descriptor, bytes, count)
}
