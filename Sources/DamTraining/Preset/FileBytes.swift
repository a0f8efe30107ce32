import DamData

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
  /// - Throws: `PresetError` naming the file as `shown`: missing, not a regular file (a FIFO is refused
  ///   before it is read, never waited on), unreadable or too large.
  static func contents(of path: String, shownAs shown: String, limit: Int) throws(PresetError) -> [UInt8] {
    do {
      return try RegularFile.contents(atPath: path, limit: limit)
    } catch .tooLarge(let size, _) {
      throw PresetError(file: shown, message: "the file has \(size) bytes; a preset is at most \(limit) bytes")
    } catch {
      throw PresetError(file: shown, message: "cannot read the preset: \(error)")
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
}
