#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A run's folder of files: `runs/<UTC yyyy-MM-dd_HH-mm-ss>_<preset>` by default (`RunFileNames` names
/// the files in it).
///
/// The folder is made with `mkdir`, which fails when the name exists, so an old run is never written
/// into and two runs started in the same second get distinct names (`.2`, `.3`, ... appended). The
/// files in it are new: created with `O_EXCL` (streams) or linked into place (`writeAtomically`), so
/// nothing there is followed or replaced except the run's own atomically rewritten files.
public struct RunDirectory: Sendable, Equatable {
  /// The default parent folder, in the working directory.
  public static let defaultParent = "runs"

  /// The folder holding this run and its siblings.
  public let parent: String
  /// The folder's name (`2026-12-07_17-09-37_default`).
  public let name: String
  /// The folder's path.
  public var path: String { FilePath.resolve(name, against: parent) }

  /// Makes a new run folder in `parent` (made first when missing, with its missing parents).
  /// - Parameters:
  ///   - started: seconds since the Unix epoch; its UTC date and time start the name.
  ///   - preset: the preset's name, which ends the name (a `/` in it becomes `_`).
  /// - Throws: `OutputError` naming the folder when it cannot be made.
  public static func create(in parent: String, started: Double, preset: String) throws(OutputError) -> RunDirectory {
    let safe = String(preset.map { $0 == "/" || $0 == "\0" ? "_" : $0 })
    return try make(in: parent, base: RunTime.folderStamp(started) + "_" + (safe.isEmpty ? "run" : safe))
  }

  /// Makes the folder of a fork's other branch next to this one: this name plus `-<branch>`.
  /// - Throws: `OutputError` when it cannot be made.
  public func sibling(branch: String) throws(OutputError) -> RunDirectory {
    try Self.make(in: parent, base: name + "-" + branch)
  }

  /// The path of the file `name` in the folder.
  public func file(_ name: String) -> String { FilePath.resolve(name, against: path) }

  /// Writes the file `name` whole (readers see the old contents or the new, never a part), replacing
  /// the run's earlier version of it.
  /// - Throws: `OutputError` naming the file when it cannot be written.
  public func writeAtomically(named name: String, contents: [UInt8]) throws(OutputError) {
    try AtomicFile.store(contents, at: file(name), overwrite: true, shownAs: file(name))
  }

  /// Writes the file `name` whole from text (see `writeAtomically(named:contents:)`).
  /// - Throws: `OutputError` naming the file when it cannot be written.
  public func writeAtomically(named name: String, text: String) throws(OutputError) {
    try writeAtomically(named: name, contents: Array(text.utf8))
  }

  /// A new file `name` in the folder, written line by line (`LineFile`).
  /// - Throws: `OutputError` when it exists or cannot be created.
  public func lineFile(named name: String) throws(OutputError) -> LineFile {
    try LineFile(target: OutputTarget(file(name), allowsStandardOutput: false), overwrite: false)
  }

  private static func make(in parent: String, base: String) throws(OutputError) -> RunDirectory {
    try makeParents(parent)
    for attempt in 1...10_000 {
      let name = attempt == 1 ? base : "\(base).\(attempt)"
      if mkdir(FilePath.resolve(name, against: parent), 0o755) == 0 {
        return RunDirectory(parent: parent, name: name)
      }
      guard errno == EEXIST else { throw failure(FilePath.resolve(name, against: parent), errno) }
    }
    throw OutputError(path: FilePath.resolve(base, against: parent), message: "too many runs with this name")
  }

  /// Makes `folder` and its missing parents; an existing folder (or a symlink to one) is used as it is.
  private static func makeParents(_ folder: String) throws(OutputError) {
    var status = stat()
    if stat(folder, &status) == 0 {
      guard status.st_mode & S_IFMT == S_IFDIR else {
        throw OutputError(path: folder, message: "is not a folder; give a folder for the run logs")
      }
      return
    }
    let above = FilePath.directory(of: folder)
    if above != folder && !above.isEmpty && above != "." { try makeParents(above) }
    guard mkdir(folder, 0o755) == 0 || errno == EEXIST else { throw failure(folder, errno) }
  }

  private static func failure(_ path: String, _ code: Int32) -> OutputError {
    OutputError(path: path, message: "cannot make the run folder (\(String(cString: strerror(code))))")
  }
}
