/// The `[lesson]` and lesson-related keys of a preset.
extension PresetSchema {
  /// `[lesson]`: `goal` (text, see `LessonGoal`) and `try` (an array of `{ set = [...], why = "...",
  /// reinitialize = true }`).
  static let lessonFields: [PresetField] = [
    PresetField(
      section: .lesson, name: "goal",
      read: { value, preset, context throws(FieldProblem) in
        let text = try context.string(value, nonEmpty: true)
        do throws(LessonGoalError) {
          preset.lesson.goal = try LessonGoal(parsing: text)
        } catch {
          throw FieldProblem(message: "\(context.key) = \(value.tomlText) is not a goal: \(error.description)")
        }
      },
      write: { $0.lesson.goal.map { PresetValue.string($0.description) } }),
    PresetField(
      section: .lesson, name: "try",
      read: { value, preset, context throws(FieldProblem) in
        let allowed = "an array of at most 9 tables { set = [\"section.key=value\", ...], why = \"...\" }"
        guard case .array(let elements) = value, elements.count <= 9 else {
          throw context.wrongType(value, allowed: allowed)
        }
        var bare = preset
        bare.lesson = Lesson()
        var tries: [LessonTry] = []
        for (index, element) in elements.enumerated() {
          tries.append(try lessonTry(element, number: index + 1, validatedOn: bare, context: context))
        }
        preset.lesson.tries = tries
      },
      write: { preset in
        preset.lesson.tries.isEmpty
          ? nil
          : .array(
            preset.lesson.tries.map { entry in
              var table: [String: PresetValue] = [
                "set": .array(entry.settings.map { .string($0.argument) }), "why": .string(entry.reason),
              ]
              if entry.reinitialize { table["reinitialize"] = .boolean(true) }
              return .table(table)
            })
      }),
  ]

  /// `run.stop_at_end`: whether the screen pauses at `run.steps` with the lesson's summary.
  static let stopAtEndField = PresetField(
    section: .run, name: "stop_at_end",
    read: { value, preset, context throws(FieldProblem) in preset.run.stopAtEnd = try context.boolean(value) },
    write: { $0.run.stopAtEnd ? nil : .boolean(false) })

  /// One element of `lesson.try`, its settings checked by applying them to `preset`.
  private static func lessonTry(
    _ element: PresetValue, number: Int, validatedOn preset: Preset, context: FieldContext
  ) throws(FieldProblem) -> LessonTry {
    let place = "\(context.key) #\(number)"
    guard case .table(let table) = element else {
      throw FieldProblem(
        message: "\(place) = \(element.tomlText) has the wrong type: expected a table, got \(element.typeDescription)")
    }
    if let unknown = table.keys.sorted().first(where: { !["set", "why", "reinitialize"].contains($0) }) {
      throw FieldProblem(message: "\(place): unknown key \"\(unknown)\". Allowed: set, why, reinitialize")
    }
    guard case .array(let settings)? = table["set"], !settings.isEmpty else {
      throw FieldProblem(message: "\(place): \"set\" must be a non-empty array of \"section.key=value\" strings")
    }
    guard case .string(let reason)? = table["why"], !reason.isEmpty else {
      throw FieldProblem(message: "\(place): \"why\" must be a non-empty string (one line: why to try it)")
    }
    var reinitialize = false
    if let flag = table["reinitialize"] {
      guard case .boolean(let value) = flag else {
        throw FieldProblem(message: "\(place): \"reinitialize\" must be true or false")
      }
      reinitialize = value
    }
    var overrides: [PresetOverride] = []
    for setting in settings {
      guard case .string(let text) = setting else {
        throw FieldProblem(
          message: "\(place): \"set\" holds \(setting.tomlText); expected \"section.key=value\" strings")
      }
      do throws(PresetError) {
        let override = try PresetOverride(parsing: text)
        _ = try preset.applying([override])
        overrides.append(override)
      } catch {
        let reasons = error.diagnostics.map(\.message).joined(separator: "; ")
        throw FieldProblem(message: "\(place): \"\(text)\" is not a valid setting: \(reasons)")
      }
    }
    return LessonTry(settings: overrides, reinitialize: reinitialize, reason: reason)
  }
}
