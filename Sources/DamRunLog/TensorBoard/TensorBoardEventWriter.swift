import DamTraining
internal import SwiftProtobuf

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// An event file TensorBoard reads (`tensorboard --logdir FOLDER`):
/// `events.out.tfevents.<unix seconds>.<hostname>` in a folder, a TFRecord file (`TFRecordWriter`) of
/// `tensorboard.Event` messages whose first record names the format ("brain.Event:2"). Each `write` is
/// one record, handed to the kernel at once.
public final class TensorBoardEventWriter {
  /// The event file's path.
  public var path: String { records.path }
  private let records: TFRecordWriter
  private let clock: @Sendable () -> Double

  /// The format version TensorBoard expects in a file's first event.
  static let fileVersion = "brain.Event:2"

  /// Creates a new event file in `directory` (which must exist) and writes its first event.
  /// - Parameter clock: seconds since the Unix epoch, for the file name and each event's wall time.
  /// - Throws: `RunLogError` when the file cannot be created or written.
  public init(directory: String, clock: @escaping @Sendable () -> Double = RunTime.now)
    throws(RunLogError)
  {
    self.clock = clock
    let name = "events.out.tfevents.\(Int(clock())).\(hostName())"
    records = try TFRecordWriter(creating: directory.hasSuffix("/") ? directory + name : directory + "/" + name)
    var event = Tensorboard_Event()
    event.fileVersion = Self.fileVersion
    try append(event, step: 0)
  }

  /// Writes `values` as one event at `step`; nothing when there are none.
  /// - Throws: `RunLogError` when the record cannot be written (the file keeps every earlier record).
  public func write(_ values: SummaryValues, step: Int) throws(RunLogError) {
    guard !values.isEmpty else { return }
    var event = Tensorboard_Event()
    event.summary.value = values.values
    try append(event, step: step)
  }

  private func append(_ event: Tensorboard_Event, step: Int) throws(RunLogError) {
    var event = event
    event.wallTime = clock()
    event.step = Int64(step)
    let bytes: [UInt8]
    do {
      bytes = try event.serializedBytes()
    } catch {
      throw RunLogError(path: path, reason: "cannot encode an event (\(error))")
    }
    try records.append(bytes)
  }
}

/// This machine's name, as TensorBoard's writers put it in file names ("localhost" if unknown).
private func hostName() -> String {
  var buffer = [CChar](repeating: 0, count: 256)
  guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
  let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  return name.isEmpty ? "localhost" : name
}
