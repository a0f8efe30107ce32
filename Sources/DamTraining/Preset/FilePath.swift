#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Small path helpers on plain strings (POSIX paths).
enum FilePath {
  /// `path` itself when absolute or when there is no base, otherwise `base/path`.
  static func resolve(_ path: String, against base: String?) -> String {
    guard let base, !path.hasPrefix("/") else { return path }
    return base.hasSuffix("/") ? base + path : base + "/" + path
  }

  /// The folder part of `path` ("." for a bare file name).
  static func directory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }

  /// The last component without the `.toml` extension.
  static func presetName(of path: String) -> String {
    let file = path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
    return file.hasSuffix(".toml") ? String(file.dropLast(5)) : file
  }

  /// The process's working directory, or "." if it cannot be determined.
  static func currentDirectory() -> String {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    guard getcwd(&buffer, buffer.count) != nil else { return "." }
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// `path` made absolute against `directory` (the current directory by default).
  static func absolute(_ path: String, in directory: String = currentDirectory()) -> String {
    resolve(path, against: directory)
  }
}
