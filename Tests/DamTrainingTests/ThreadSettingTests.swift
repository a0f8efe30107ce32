import Testing

@testable import DamTraining

/// `run.threads`: a count or "auto", checked like every other key; a sweep's trials take one thread.
struct ThreadSettingTests {
  @Test("run.threads takes a count or auto, and writes only a count")
  func parsing() throws {
    #expect(try PresetTestSupport.parse("[run]\nthreads = 3\n").run.threads == .count(3))
    #expect(try PresetTestSupport.parse("[run]\nthreads = \"auto\"\n").run.threads == .auto)
    #expect(try PresetTestSupport.parse("").run.threads == .auto)
    #expect(ThreadSetting.auto.count(headless: true) == ThreadSetting.onlineCores)
    #expect(ThreadSetting.auto.count(headless: false) == max(1, ThreadSetting.onlineCores - 1))
  }

  @Test(
    "A thread count below 1, above 256, fractional or a word other than auto is an error naming the key and what is allowed"
  )
  func errors() throws {
    for (text, problem) in [
      ("0", "out of range"), ("257", "out of range"), ("\"all\"", "out of range"), ("2.5", "wrong type"),
    ] {
      let diagnostics = PresetTestSupport.diagnostics("[run]\nthreads = \(text)\n")
      #expect(diagnostics.count == 1)
      let message = try #require(diagnostics.first?.message)
      #expect(message.contains("run.threads = \(text)") && message.contains(problem), "\(message)")
      #expect(message.contains("an integer in 1...256 or \"auto\""), "\(message)")
    }
  }
}
