#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reading a whole (small) file with POSIX calls, failing with a message that says why.
enum FileBytes {
  /// The contents of the regular file at `path`, at most `limit` bytes.
  /// - Throws: `PresetError` naming the file as `shown`: missing, not a regular file, unreadable or too large.
  static func contents(of path: String, shownAs shown: String, limit: Int) throws(PresetError) -> [UInt8] {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw failure(shown, errno) }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { throw failure(shown, errno) }
    guard (status.st_mode & S_IFMT) == S_IFREG else {
      let what = (status.st_mode & S_IFMT) == S_IFDIR ? "a directory" : "not a regular file"
      throw PresetError(file: shown, message: "cannot read the preset: it is \(what)")
    }
    guard status.st_size <= limit else {
      throw PresetError(
        file: shown, message: "the file has \(status.st_size) bytes; a preset is at most \(limit) bytes")
    }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 64 * 1024)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw failure(shown, errno)
      }
      if count == 0 { return bytes }
      bytes += chunk[..<count]
      guard bytes.count <= limit else {
        throw PresetError(file: shown, message: "the file is larger than \(limit) bytes; a preset is at most that")
      }
    }
  }

  /// Whether a regular file exists at `path`.
  static func isRegularFile(_ path: String) -> Bool {
    var status = stat()
    return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
  }

  /// The names of the entries of the directory at `path` (empty when it cannot be read).
  static func directoryEntries(_ path: String) -> [String] {
    guard let directory = opendir(path) else { return [] }
    defer { closedir(directory) }
    var names: [String] = []
    while let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      if name != "." && name != ".." { names.append(name) }
    }
    return names
  }

  private static func failure(_ path: String, _ code: Int32) -> PresetError {
    let reason = code == ENOENT ? "no such file" : String(cString: strerror(code))
    return PresetError(file: path, message: "cannot read the preset: \(reason)")
  }
}
