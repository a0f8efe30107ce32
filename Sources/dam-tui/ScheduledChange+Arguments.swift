import DamTraining

extension ScheduledChange {
  /// Every `--change` argument parsed, in argument order.
  /// - Throws: `CommandFailure` naming each malformed argument.
  static func parsing(_ arguments: [String]) throws(CommandFailure) -> [ScheduledChange] {
    try ArgumentList.parse(arguments) { argument throws(PresetError) in try ScheduledChange(parsing: argument) }
  }

  /// The changes as the commands of a headless run of `trainer` to `lastStep`, in step order (in argument
  /// order within a step), after a rehearsal on a copy of the trainer.
  /// - Throws: `CommandFailure` naming each `--change` that cannot happen: past the last step, an invalid
  ///   value, or a setting that waits for a re-initialization the run never makes.
  static func commands(_ changes: [ScheduledChange], trainer: Trainer, lastStep: Int) throws(CommandFailure)
    -> [RecordedCommand]
  {
    let ordered = changes.enumerated().sorted { ($0.element.step, $0.offset) < ($1.element.step, $1.offset) }
      .map(\.element)
    let commands = ordered.map { RecordedCommand(step: $0.step, command: .set($0.override)) }
    let problems = CommandRehearsal.problems(in: commands, on: trainer, lastStep: lastStep, headless: true) {
      index, message in PresetDiagnostic(file: "--change \(ordered[index].argument)", message: message)
    }
    guard problems.isEmpty else { throw CommandFailure(problems.map(\.description).joined(separator: "\n")) }
    return commands
  }
}
