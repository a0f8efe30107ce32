import Foundation
import Testing

@testable import DamTraining

@Suite("Line files: every line whole or absent, failures reported at once")
struct LineFileTests {
  @Test("A stream replaces an existing file atomically, keeping its mode")
  func replacesKeepingMode() throws {
    try PresetTestSupport.withTemporaryDirectory { folder in
      try PresetTestSupport.write("old\n", to: folder + "/run.jsonl")
      #expect(chmod(folder + "/run.jsonl", 0o600) == 0)
      let file = try LineFile(target: OutputTarget(folder + "/run.jsonl"), overwrite: true)
      try file.write(line: "{}")
      #expect(try String(contentsOfFile: folder + "/run.jsonl", encoding: .utf8) == "{}\n")
      var status = stat()
      #expect(stat(folder + "/run.jsonl", &status) == 0 && status.st_mode & 0o7777 == 0o600)
    }
  }

  @Test("A write to a full device throws at once, naming the file and the reason")
  func fullDeviceThrows() throws {
    try PresetTestSupport.withTemporaryDirectory { folder in
      let full = folder + "/full"
      // A private node with /dev/full's numbers (1, 7); only root may make one.
      guard mknod(full, S_IFCHR | 0o666, dev_t((1 << 8) | 7)) == 0 else {
        print("skipped: cannot mknod a private full device: \(String(cString: strerror(errno)))")
        return
      }
      let file = try LineFile(target: OutputTarget(full), overwrite: false)
      #expect(throws: SessionError("\(full): write failed (No space left on device)")) { try file.write(line: "{}") }
    }
  }
}
