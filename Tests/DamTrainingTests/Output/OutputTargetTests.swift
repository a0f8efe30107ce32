import Foundation
import Testing

@testable import DamTraining

@Suite("Output targets: resolved and checked before any work")
struct OutputTargetTests {
  private func error(_ argument: String, allowsStandardOutput: Bool = true) -> String? {
    do {
      _ = try OutputTarget(argument, allowsStandardOutput: allowsStandardOutput)
      return nil
    } catch {
      return error.description
    }
  }

  @Test("An empty path, a folder, a path ending in / and a missing folder are named in plain words")
  func badPaths() throws {
    try PresetTestSupport.withTemporaryDirectory { folder in
      #expect(error("") == "'': the path is empty; give a file name")
      #expect(error(folder) == "\(folder): is a folder; give a file name")
      #expect(error(folder + "/new/") == "\(folder)/new/: names a folder (it ends with /); give a file name")
      #expect(error(folder + "/new/x.csv") == "\(folder)/new/x.csv: the folder \(folder)/new does not exist")
    }
  }

  @Test("`-` is standard output where allowed, an error elsewhere")
  func dash() throws {
    #expect(try OutputTarget("-").kind == .standardOutput)
    #expect(error("-", allowsStandardOutput: false)?.contains("standard output is not allowed") == true)
  }

  @Test("A symlink resolves to its target; a FIFO is a device written in place")
  func symlinkAndFIFO() throws {
    try PresetTestSupport.withTemporaryDirectory { folder in
      try PresetTestSupport.write("x", to: folder + "/target")
      try FileManager.default.createSymbolicLink(atPath: folder + "/link", withDestinationPath: "target")
      let link = try OutputTarget(folder + "/link")
      #expect(link.path == folder + "/target" && link.kind == .file(exists: true))
      #expect(mkfifo(folder + "/fifo", 0o644) == 0)
      #expect(try OutputTarget(folder + "/fifo").kind == .device)
      #expect(try OutputTarget(folder + "/new").kind == .file(exists: false))
    }
  }

  @Test("A symlink's target is replaced, the link and the file's mode kept")
  func atomicWriteThroughSymlink() throws {
    try PresetTestSupport.withTemporaryDirectory { folder in
      try PresetTestSupport.write("old", to: folder + "/target.toml")
      #expect(chmod(folder + "/target.toml", 0o640) == 0)
      try FileManager.default.createSymbolicLink(atPath: folder + "/link.toml", withDestinationPath: "target.toml")
      try Preset(name: "saved", source: .builtIn).save(to: folder + "/link.toml", overwrite: true)
      let attributes = try FileManager.default.attributesOfItem(atPath: folder + "/link.toml")
      #expect(attributes[.type] as? FileAttributeType == .typeSymbolicLink)
      #expect(try String(contentsOfFile: folder + "/target.toml", encoding: .utf8).contains("[model]"))
      var status = stat()
      #expect(stat(folder + "/target.toml", &status) == 0 && status.st_mode & 0o7777 == 0o640)
      #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["link.toml", "target.toml"])
    }
  }

  @Test("A preset saved to a FIFO is written into it, and the FIFO stays")
  func presetToFIFO() throws {
    try PresetTestSupport.withTemporaryDirectory { folder in
      let fifo = folder + "/preset.toml"
      #expect(mkfifo(fifo, 0o644) == 0)
      let reader = FIFOContents(fifo)
      try Preset(name: "saved", source: .builtIn).save(to: fifo, overwrite: true)
      #expect(reader.text().contains("[model]"))
      var status = stat()
      #expect(lstat(fifo, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO)
    }
  }

  @Test("Without overwrite an existing file is refused and kept")
  func noOverwrite() throws {
    try PresetTestSupport.withTemporaryDirectory { folder in
      try PresetTestSupport.write("old", to: folder + "/x")
      #expect(throws: OutputError.self) { try OutputTarget(folder + "/x").write(Array("new".utf8), overwrite: false) }
      #expect(try String(contentsOfFile: folder + "/x", encoding: .utf8) == "old")
    }
  }
}

/// Reads a FIFO to its end on a thread, so a writer can open it.
private final class FIFOContents: @unchecked Sendable {
  private let lock = NSLock()
  private var data = Data()
  private let done = DispatchSemaphore(value: 0)

  init(_ path: String) {
    Thread {
      var contents = Data()
      let descriptor = open(path, O_RDONLY)
      var chunk = [UInt8](repeating: 0, count: 65536)
      while descriptor >= 0 {
        let count = read(descriptor, &chunk, chunk.count)
        if count < 0 && errno == EINTR { continue }
        if count <= 0 { break }
        contents.append(contentsOf: chunk[0..<count])
      }
      if descriptor >= 0 { close(descriptor) }
      self.lock.withLock { self.data = contents }
      self.done.signal()
    }.start()
  }

  /// Everything read once the writer closed the FIFO; empty after 30 seconds without one.
  func text() -> String {
    guard done.wait(timeout: .now() + 30) == .success else { return "" }
    return lock.withLock { String(decoding: data, as: UTF8.self) }
  }
}
