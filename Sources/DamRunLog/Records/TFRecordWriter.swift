#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file of TFRecords, TensorBoard's framing of event files. Each record is
///
///     length      UInt64, little-endian
///     masked CRC-32C of those 8 bytes, UInt32 little-endian
///     data        length bytes
///     masked CRC-32C of data, UInt32 little-endian
///
/// (`CRC32C.masked`). Every record goes to the kernel in one `write(2)` as soon as it is appended; a
/// short write (a full disk) is cut back to the end of the previous record. So a process killed at any
/// moment, even by SIGKILL, leaves a file that reads cleanly up to its last complete record: only a kill
/// inside that one system call can leave a partial record at the end, which readers (TensorBoard's
/// included) take as not yet written. There is no `fsync`: a power cut may lose what the kernel had not
/// yet stored.
public final class TFRecordWriter {
  /// The file's path.
  public let path: String
  private let descriptor: Int32
  /// The file's size after the last complete record.
  private var end: off_t
  /// Set when a partial record could not be cut off: nothing appended after it could be read.
  private var damaged = false

  /// Creates the file `path`, which must not exist yet.
  /// - Throws: `RunLogError` when it exists or cannot be created (missing or read-only folder).
  public convenience init(creating path: String) throws(RunLogError) {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw RunLogError(path: path, reason: Self.systemReason()) }
    self.init(path: path, descriptor: descriptor)
  }

  /// Writes to an open descriptor (append mode), which the writer then owns; for tests (/dev/full).
  init(path: String, descriptor: Int32) {
    self.path = path
    self.descriptor = descriptor
    end = lseek(descriptor, 0, SEEK_END)
  }

  deinit {
    close(descriptor)
  }

  /// Appends one record holding `data`.
  /// - Throws: `RunLogError` when the system does not take the whole record (disk full, I/O error); the
  ///   file then ends with the previous record, and later appends may succeed (unless the partial record
  ///   could not be cut off, after which every append throws).
  public func append(_ data: [UInt8]) throws(RunLogError) {
    guard !damaged else { throw RunLogError(path: path, reason: "ends with a partial record; no more records") }
    let record = Self.frame(data)
    var written: Int
    repeat {
      written = record.withUnsafeBytes { writeBytes(descriptor, $0.baseAddress, $0.count) }
    } while written < 0 && errno == EINTR
    guard written == record.count else {
      let reason = written < 0 ? Self.systemReason() : "short write (\(written) of \(record.count) bytes)"
      if written > 0 && ftruncate(descriptor, end) != 0 { damaged = true }
      throw RunLogError(path: path, reason: reason)
    }
    end += off_t(written)
  }

  /// The bytes of one record holding `data`.
  /// - Complexity: O(n) in the size of `data`.
  public static func frame(_ data: [UInt8]) -> [UInt8] {
    var record: [UInt8] = []
    record.reserveCapacity(data.count + 16)
    appendLittleEndian(UInt64(data.count), to: &record)
    appendLittleEndian(CRC32C.masked(CRC32C.checksum(record)), to: &record)
    record.append(contentsOf: data)
    appendLittleEndian(CRC32C.masked(CRC32C.checksum(data)), to: &record)
    return record
  }

  private static func appendLittleEndian(_ value: some FixedWidthInteger, to bytes: inout [UInt8]) {
    withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
  }

  private static func systemReason() -> String { String(cString: strerror(errno)) }
}

/// POSIX `write`, outside `TFRecordWriter` so its name does not collide with the method.
private func writeBytes(_ descriptor: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
  write(descriptor, bytes, count)
}
