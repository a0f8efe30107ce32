#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes a regular file so that readers see either nothing, the old file, or the complete new file: the
/// bytes go to a temporary file in the same folder, are flushed to disk, then the temporary file is linked
/// (or, when overwriting, renamed) into place and the folder itself is flushed. A replaced file's mode and
/// owner carry over to the new one; a new file gets mode 0644.
///
/// `path` must already be resolved (`OutputTarget` follows symlinks, so a link's target is replaced and
/// the link stays).
enum AtomicFile {
  /// Writes `bytes` to `path`.
  /// - Parameters:
  ///   - overwrite: Replace an existing file; when false an existing file is an error and is left
  ///     untouched (the check and the creation are one atomic `link`).
  ///   - shown: how to name the file in errors.
  /// - Throws: `OutputError` naming the file and the reason; the old file is then unchanged.
  static func store(_ bytes: [UInt8], at path: String, overwrite: Bool, shownAs shown: String) throws(OutputError) {
    let (descriptor, temporary) = try makeTemporary(like: path, shownAs: shown)
    var placed = false
    defer {
      if !placed { unlink(temporary) }
    }
    do {
      defer { close(descriptor) }
      try writeAll(bytes, to: descriptor, path: shown)
      guard fsync(descriptor) == 0 else { throw failure(shown, "cannot flush", errno) }
    }
    try place(temporary, at: path, overwrite: overwrite, shownAs: shown)
    placed = true
    syncFolder(of: path)
  }

  /// Puts a new empty file at `path` at once, for a stream of writes.
  /// - Returns: its descriptor, open for writing; the caller closes it.
  /// - Throws: `OutputError` as `store` does.
  static func create(at path: String, overwrite: Bool, shownAs shown: String) throws(OutputError) -> Int32 {
    let (descriptor, temporary) = try makeTemporary(like: path, shownAs: shown)
    do {
      try place(temporary, at: path, overwrite: overwrite, shownAs: shown)
    } catch {
      close(descriptor)
      unlink(temporary)
      throw error
    }
    return descriptor
  }

  /// Writes every byte of `bytes` to `descriptor`, retrying after interruptions and partial writes.
  static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws(OutputError) {
    var offset = 0
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
      if written < 0 {
        if errno == EINTR { continue }
        throw failure(path, "write failed", errno)
      }
      offset += written
    }
  }

  /// A new temporary file next to `path`, with the mode and owner of the file there (0644 when none).
  private static func makeTemporary(like path: String, shownAs shown: String) throws(OutputError) -> (
    Int32, String
  ) {
    let directory = FilePath.directory(of: path)
    var template = Array((FilePath.resolve(".dam-tui-XXXXXX", against: directory)).utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard descriptor >= 0 else { throw failure(shown, "cannot create a temporary file in \(directory)", errno) }
    _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
    let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    var existing = stat()
    let mode: mode_t
    if stat(path, &existing) == 0 {
      mode = existing.st_mode & 0o7777
      if existing.st_uid != geteuid() || existing.st_gid != getegid() {
        _ = fchown(descriptor, existing.st_uid, existing.st_gid)
      }
    } else {
      mode = 0o644
    }
    guard fchmod(descriptor, mode) == 0 else {
      let code = errno
      close(descriptor)
      unlink(temporary)
      throw failure(shown, "cannot set the mode", code)
    }
    return (descriptor, temporary)
  }

  private static func place(_ temporary: String, at path: String, overwrite: Bool, shownAs shown: String)
    throws(OutputError)
  {
    if overwrite {
      guard rename(temporary, path) == 0 else { throw failure(shown, "cannot move the new file into place", errno) }
      return
    }
    guard link(temporary, path) == 0 else {
      if errno == EEXIST {
        throw OutputError(path: shown, message: "a file already exists there; choose another name or overwrite it")
      }
      throw failure(shown, "cannot move the new file into place", errno)
    }
    unlink(temporary)
  }

  private static func syncFolder(of path: String) {
    let folder = open(FilePath.directory(of: path), O_RDONLY | O_CLOEXEC)
    if folder >= 0 {
      fsync(folder)
      close(folder)
    }
  }

  private static func failure(_ path: String, _ what: String, _ code: Int32) -> OutputError {
    OutputError(path: path, message: "\(what) (\(String(cString: strerror(code))))")
  }
}
