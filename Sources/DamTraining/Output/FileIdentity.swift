#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// What makes two paths the same file: the device and inode of an existing file (so hard links and
/// symlinks compare equal), the absolute path of one not yet created, or the process's standard output
/// when that is not a regular file.
enum FileIdentity: Sendable, Equatable {
  /// An existing file.
  case inode(device: UInt64, inode: UInt64)
  /// A file that does not exist yet, by its absolute path with the folder's symlinks resolved.
  case newFile(String)
  /// Standard output on a terminal, pipe or device.
  case standardOutput

  /// The identity of the existing file at `path` (symlinks followed), or nil.
  static func existing(_ path: String) -> FileIdentity? {
    var status = stat()
    guard stat(path, &status) == 0 else { return nil }
    return .inode(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
  }

  /// The identity of standard output: its inode when it is a regular file, else `.standardOutput`.
  static func ofStandardOutput() -> FileIdentity {
    var status = stat()
    guard fstat(1, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return .standardOutput }
    return .inode(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
  }
}
