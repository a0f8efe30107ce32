#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes a file so that readers see either nothing, the old file, or the complete new file: the bytes go
/// to a temporary file in the same folder, are flushed to disk, then the temporary file is linked (or,
/// when overwriting, renamed) into place and the folder itself is flushed.
enum AtomicFile {
  /// Writes `bytes` to `path`.
  /// - Parameter overwrite: Replace an existing file; when false an existing file is an error and is left
  ///   untouched (the check and the creation are one atomic `link`).
  /// - Throws: `PresetError` naming `path` and the reason.
  static func store(_ bytes: [UInt8], at path: String, overwrite: Bool) throws(PresetError) {
    let directory = FilePath.directory(of: path)
    var template = Array((FilePath.resolve(".dam-tui-preset-XXXXXX", against: directory)).utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard descriptor >= 0 else { throw failure(path, "cannot create a temporary file in \(directory)", errno) }
    let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    var linked = false
    defer {
      if !linked { unlink(temporary) }
    }
    do {
      defer { close(descriptor) }
      try writeAll(bytes, to: descriptor, path: path)
      guard fchmod(descriptor, 0o644) == 0, fsync(descriptor) == 0 else { throw failure(path, "cannot flush", errno) }
    }
    if overwrite {
      guard rename(temporary, path) == 0 else { throw failure(path, "cannot move the new file into place", errno) }
      linked = true
    } else {
      guard link(temporary, path) == 0 else {
        if errno == EEXIST {
          throw PresetError(file: path, message: "a file already exists there; choose another name or overwrite it")
        }
        throw failure(path, "cannot move the new file into place", errno)
      }
      unlink(temporary)
      linked = true
    }
    let folder = open(directory, O_RDONLY | O_CLOEXEC)
    if folder >= 0 {
      fsync(folder)
      close(folder)
    }
  }

  private static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws(PresetError) {
    var offset = 0
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
      if written < 0 {
        if errno == EINTR { continue }
        throw failure(path, "cannot write", errno)
      }
      offset += written
    }
  }

  private static func failure(_ path: String, _ what: String, _ code: Int32) -> PresetError {
    PresetError(file: path, message: "\(what): \(String(cString: strerror(code)))")
  }
}
