import DamTraining

/// A repeated option's arguments (`--set`, `--change`), each parsed on its own.
enum ArgumentList {
  /// Every argument parsed with `parse`, in argument order.
  /// - Throws: `CommandFailure` naming every malformed argument, one per line.
  static func parse<Value>(_ arguments: [String], with parse: (String) throws(PresetError) -> Value)
    throws(CommandFailure) -> [Value]
  {
    var parsed: [Value] = []
    var problems: [String] = []
    for argument in arguments {
      do {
        parsed.append(try parse(argument))
      } catch {
        problems.append(error.description)
      }
    }
    guard problems.isEmpty else { throw CommandFailure(problems.joined(separator: "\n")) }
    return parsed
  }
}
