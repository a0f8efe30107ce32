#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reading a whole input file (a preset, a CSV file, a recording) that must be a regular file.
///
/// The file is opened without blocking and its type checked before anything is read, so a FIFO, a
/// device or a directory given as input is an error at once, not a wait for a writer that never comes.
public enum RegularFile {
  /// Why a file could not be read, in words that complete "cannot read the file: ...".
  public enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
    /// Nothing exists at the path.
    case missing
    /// Something other than a regular file is there: `kind` says what ("a directory", "a FIFO (named
    /// pipe), not a regular file").
    case notRegular(kind: String)
    /// The file is larger than `limit` bytes.
    case tooLarge(size: Int, limit: Int)
    /// The system refused: `reason` is its message.
    case system(reason: String)

    public var description: String {
      switch self {
      case .missing: "no such file"
      case .notRegular(let kind): "it is \(kind)"
      case .tooLarge(let size, let limit): "the file has \(size) bytes, more than the \(limit) allowed"
      case .system(let reason): reason
      }
    }
  }

  /// The bytes of the regular file at `path`, at most `limit` of them.
  /// - Throws: `Problem`: missing, not a regular file (checked before reading), too large or unreadable.
  public static func contents(atPath path: String, limit: Int = Int.max) throws(Problem) -> [UInt8] {
    let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard descriptor >= 0 else { throw failure(errno) }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { throw failure(errno) }
    guard (status.st_mode & S_IFMT) == S_IFREG else { throw .notRegular(kind: kind(status.st_mode)) }
    guard status.st_size <= limit else { throw .tooLarge(size: Int(status.st_size), limit: limit) }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(Int(status.st_size))
    var chunk = [UInt8](repeating: 0, count: 64 * 1024)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw failure(errno)
      }
      if count == 0 { return bytes }
      bytes += chunk[..<count]
      guard bytes.count <= limit else { throw .tooLarge(size: bytes.count, limit: limit) }
    }
  }

  private static func kind(_ mode: mode_t) -> String {
    switch mode & S_IFMT {
    case S_IFDIR: "a directory"
    case S_IFIFO: "a FIFO (named pipe), not a regular file"
    case S_IFCHR, S_IFBLK: "a device, not a regular file"
    case S_IFSOCK: "a socket, not a regular file"
    default: "a special file, not a regular file"
    }
  }

  private static func failure(_ code: Int32) -> Problem {
    code == ENOENT ? .missing : .system(reason: String(cString: strerror(code)))
  }
}
