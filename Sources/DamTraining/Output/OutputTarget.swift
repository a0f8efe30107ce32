#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where an output goes, resolved before any work is done.
///
/// - `-` is standard output (where the caller allows it).
/// - A symlink is followed to its final target, which is what gets written (the link stays a link).
/// - A character device or a FIFO is written in place, never replaced.
/// - Anything else is a regular file, new or existing, written through a temporary file in the same folder
///   that is renamed over it (`AtomicFile`), keeping an existing file's mode and owner.
///
/// A path that names a folder (an existing one, or one ending in `/`), an empty path, a missing folder, a
/// folder the process cannot write in, a block device or a socket is an `OutputError`.
public struct OutputTarget: Sendable, Equatable {
  /// What kind of destination it is.
  public enum Kind: Sendable, Equatable {
    /// The process's standard output.
    case standardOutput
    /// A character device or a FIFO: written directly.
    case device
    /// A regular file; `exists` says whether there is one now.
    case file(exists: Bool)
  }

  /// The path as given.
  public let argument: String
  /// The path written: the argument with symlinks followed (`-` for standard output).
  public let path: String
  /// What kind of destination it is.
  public let kind: Kind
  /// What makes it the same file as another path.
  let identity: FileIdentity

  /// Resolves `argument`.
  /// - Parameter allowsStandardOutput: whether `-` means standard output; when false it is an error.
  /// - Throws: `OutputError` saying why the path cannot be written.
  public init(_ argument: String, allowsStandardOutput: Bool = true) throws(OutputError) {
    self.argument = argument
    func failure(_ message: String) -> OutputError { OutputError(path: argument, message: message) }
    if argument.isEmpty { throw failure("the path is empty; give a file name") }
    if argument == "-" {
      guard allowsStandardOutput else {
        throw failure("standard output is not allowed for this output; give a file name")
      }
      path = "-"
      kind = .standardOutput
      identity = FileIdentity.ofStandardOutput()
      return
    }
    if argument.hasSuffix("/") { throw failure("names a folder (it ends with /); give a file name") }
    path = try Self.followingSymlinks(argument)
    var status = stat()
    if stat(path, &status) == 0 {
      switch status.st_mode & S_IFMT {
      case S_IFDIR: throw failure("is a folder; give a file name")
      case S_IFCHR, S_IFIFO:
        guard access(path, W_OK) == 0 else { throw failure("cannot write (\(String(cString: strerror(errno))))") }
        kind = .device
      case S_IFREG: kind = .file(exists: true)
      default: throw failure("is not a regular file, a character device or a FIFO")
      }
      identity = .inode(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
    } else {
      guard errno == ENOENT else { throw failure("cannot write (\(String(cString: strerror(errno))))") }
      kind = .file(exists: false)
      identity = .newFile(Self.absolute(path))
    }
    if case .file = kind {
      let folder = FilePath.directory(of: path)
      var folderStatus = stat()
      guard stat(folder, &folderStatus) == 0, (folderStatus.st_mode & S_IFMT) == S_IFDIR else {
        throw failure("the folder \(folder) does not exist")
      }
      guard access(folder, W_OK | X_OK) == 0 else {
        throw failure("cannot create a file in \(folder) (\(String(cString: strerror(errno))))")
      }
    }
  }

  /// Writes `bytes` as the whole contents: to standard output or a device directly, to a file atomically.
  /// - Parameter overwrite: whether an existing regular file may be replaced; when false and one exists
  ///   (even one created since the target was resolved), it is left untouched and this throws.
  /// - Throws: `OutputError` naming the path and the reason.
  public func write(_ bytes: [UInt8], overwrite: Bool) throws(OutputError) {
    switch kind {
    case .standardOutput:
      try AtomicFile.writeAll(bytes, to: 1, path: argument)
    case .device:
      let descriptor = try openDevice()
      defer { close(descriptor) }
      try AtomicFile.writeAll(bytes, to: descriptor, path: argument)
    case .file:
      try AtomicFile.store(bytes, at: path, overwrite: overwrite, shownAs: argument)
    }
  }

  /// Opens the target for a stream of writes: standard output, the device, or a new empty file put in
  /// place at once (replacing an existing one only when `overwrite`).
  /// - Returns: the descriptor and whether the caller owns it (must close it).
  func openStream(overwrite: Bool) throws(OutputError) -> (descriptor: Int32, owned: Bool) {
    switch kind {
    case .standardOutput: return (1, false)
    case .device: return (try openDevice(), true)
    case .file: return (try AtomicFile.create(at: path, overwrite: overwrite, shownAs: argument), true)
    }
  }

  private func openDevice() throws(OutputError) -> Int32 {
    let descriptor = open(path, O_WRONLY | O_CLOEXEC)
    guard descriptor >= 0 else {
      throw OutputError(path: argument, message: "cannot write (\(String(cString: strerror(errno))))")
    }
    return descriptor
  }

  /// `path` with every symlink in its last component followed (up to 40 links, as the kernel does).
  private static func followingSymlinks(_ path: String) throws(OutputError) -> String {
    var current = path
    for _ in 0..<40 {
      var status = stat()
      guard lstat(current, &status) == 0, (status.st_mode & S_IFMT) == S_IFLNK else { return current }
      var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
      let count = readlink(current, &buffer, buffer.count - 1)
      guard count > 0 else { return current }
      let target = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
      current = FilePath.resolve(target, against: target.hasPrefix("/") ? nil : FilePath.directory(of: current))
      if current.hasSuffix("/") {
        throw OutputError(path: path, message: "is a symlink to a folder (\(target)); give a file name")
      }
    }
    throw OutputError(path: path, message: "too many levels of symlinks")
  }

  /// `path` made absolute, its folder's symlinks resolved.
  private static func absolute(_ path: String) -> String {
    let folder = FilePath.directory(of: path)
    let name = path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
    guard let resolved = realpath(folder, nil) else { return FilePath.absolute(path) }
    defer { free(resolved) }
    return FilePath.resolve(name, against: String(cString: resolved))
  }
}
