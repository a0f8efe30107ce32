import Testing

@testable import DamTraining

@Suite("A preset's [lesson]: goal and tries, validated like every other key")
struct LessonPresetTests {
  private static let lesson = """
    title = "x"

    [training]
    learning_rate = 0.0001

    [lesson]
    goal = "val_acc >= 0.9"
    try = [
      { set = ["training.learning_rate=0.1"], why = "a larger step" },
      { set = ["model.activation=relu", "model.init=he-normal"], reinitialize = true, why = "relu with he" },
    ]
    """

  @Test("Goal and tries are read in order, with their commands")
  func readsLesson() throws {
    let preset = try PresetTestSupport.parse(Self.lesson)
    #expect(preset.lesson.goal == .atLeast(.validationAccuracy, 0.9))
    #expect(preset.lesson.tries.count == 2)
    let first = try #require(preset.lesson.tries.first)
    #expect(first.summary == "training.learning_rate=0.1")
    #expect(first.reason == "a larger step")
    #expect(first.commands == [.set(try PresetOverride(parsing: "training.learning_rate=0.1"))])
    let second = preset.lesson.tries[1]
    #expect(second.commands.count == 3)
    #expect(second.commands.last == .reinitialize)
    #expect(second.summary == "model.activation=relu, model.init=he-normal (then i)")
  }

  @Test("A preset with a lesson saves and loads back to the same lesson; without one, no [lesson] is written")
  func roundTrip() throws {
    let preset = try PresetTestSupport.parse(Self.lesson)
    let text = preset.tomlText
    #expect(text.contains("[lesson]"))
    #expect(try PresetTestSupport.parse(text).lesson == preset.lesson)
    #expect(!(try PresetTestSupport.parse("title = \"x\"\n").tomlText.contains("[lesson]")))
  }

  @Test("A change applied to the settings keeps the lesson")
  func applyingKeepsLesson() throws {
    let preset = try PresetTestSupport.parse(Self.lesson)
    let changed = try preset.applying([try PresetOverride(parsing: "training.l2=0.01")])
    #expect(changed.lesson == preset.lesson)
  }

  @Test(
    "A bad goal or try is reported at its file, line and key, saying what is allowed",
    arguments: [
      ("goal = \"val_accuracy >= 0.9\"", 5, "lesson.goal", "not a goal metric"),
      ("goal = \"finding overfit\"", 5, "lesson.goal", "is not a finding"),
      ("goal = \"val_acc > 0.9\"", 5, "lesson.goal", "expected \"METRIC >= NUMBER\""),
      ("try = [{ set = [\"training.learnin_rate=0.1\"], why = \"w\" }]", 5, "lesson.try", "Did you mean"),
      ("try = [{ set = [\"training.learning_rate=-1\"], why = \"w\" }]", 5, "lesson.try", "out of range"),
      ("try = [{ set = [\"training.l2=0.1\"] }]", 5, "lesson.try", "\"why\" must be"),
      ("try = [{ set = [], why = \"w\" }]", 5, "lesson.try", "\"set\" must be"),
      ("try = [{ set = [\"training.l2=0.1\"], why = \"w\", redo = true }]", 5, "lesson.try", "unknown key \"redo\""),
      ("tries = []", 5, "lesson.tries", "unknown key \"tries\" in [lesson]"),
    ])
  func badLesson(line: String, expectedLine: Int, key: String, message: String) throws {
    let text = "title = \"x\"\n\n\n[lesson]\n\(line)\n"
    let diagnostics = PresetTestSupport.diagnostics(text)
    let diagnostic = try #require(diagnostics.first, "no error for \(line)")
    #expect(diagnostics.count == 1)
    #expect(diagnostic.line == expectedLine)
    #expect(diagnostic.key == key)
    #expect(diagnostic.message.contains(message), "\(diagnostic.message)")
    #expect(diagnostic.description.hasPrefix("test.toml:\(expectedLine): "))
  }

  @Test("Every built-in lesson has a goal and at least one try")
  func builtInLessons() throws {
    for name in PresetTestSupport.lessonNames.sorted() {
      let preset = try PresetLibrary().resolve(name)
      #expect(preset.lesson.goal != nil, "\(name) has no goal")
      #expect(!preset.lesson.tries.isEmpty, "\(name) has no try")
    }
  }

  @Test("run.stop_at_end is true by default and written only when false")
  func stopAtEnd() throws {
    #expect(try PresetTestSupport.parse("").run.stopAtEnd)
    let off = try PresetTestSupport.parse("[run]\nstop_at_end = false\n")
    #expect(!off.run.stopAtEnd)
    #expect(off.tomlText.contains("stop_at_end = false"))
    #expect(!(try PresetTestSupport.parse("").tomlText.contains("stop_at_end")))
  }
}
