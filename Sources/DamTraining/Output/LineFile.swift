#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file written one line at a time, each line handed to the kernel at once, so the file is complete up
/// to its last line whenever the process stops.
///
/// A line is written whole or not at all: when a write fails (a full disk, a closed pipe), a regular file
/// is truncated back to the end of the last complete line and the failure is thrown at once, so the
/// caller can report it and decide whether to go on; a later line may still be written (when space was
/// freed).
public final class LineFile {
  private let descriptor: Int32
  private let ownsDescriptor: Bool
  private let truncatable: Bool
  /// Bytes of complete lines written so far.
  private var committed: Int64 = 0
  /// The path as given.
  public let path: String

  /// Opens `target`: standard output or a device as it is; a regular file is created empty (replacing an
  /// existing one atomically only when `overwrite`).
  /// - Throws: `OutputError` naming the path when it cannot be opened.
  public init(target: OutputTarget, overwrite: Bool) throws(OutputError) {
    path = target.argument
    (descriptor, ownsDescriptor) = try target.openStream(overwrite: overwrite)
    truncatable = target.kind != .standardOutput && target.kind != .device
  }

  /// Creates (or replaces) `path` for writing; `-` writes to standard output.
  /// - Throws: `SessionError` naming the path when it cannot be opened.
  public convenience init(path: String) throws(SessionError) {
    do {
      try self.init(target: OutputTarget(path), overwrite: true)
    } catch {
      throw SessionError(error.description)
    }
  }

  deinit {
    if ownsDescriptor { close(descriptor) }
  }

  /// Writes `line` and a newline, whole or not at all.
  /// - Throws: `SessionError` when the write fails (disk full, closed pipe); a regular file then ends at
  ///   its last complete line.
  public func write(line: String) throws(SessionError) {
    var bytes = Array(line.utf8)
    bytes.append(UInt8(ascii: "\n"))
    var offset = 0
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeBytes { writeBytes(descriptor, $0.baseAddress, $0.count) }
      if written < 0 && errno == EINTR { continue }
      guard written > 0 else {
        let reason = String(cString: strerror(written < 0 ? errno : EIO))
        guard truncatable else { throw SessionError("\(path): write failed (\(reason))") }
        if offset > 0 {
          _ = ftruncate(descriptor, off_t(committed))
          _ = lseek(descriptor, off_t(committed), SEEK_SET)
        }
        throw SessionError("\(path): write failed (\(reason)); the file ends at its last complete line")
      }
      offset += written
    }
    committed += Int64(bytes.count)
  }
}

/// POSIX `write`, outside `LineFile` so its name does not collide with the method.
private func writeBytes(_ descriptor: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
  write(descriptor, bytes, count)
}
