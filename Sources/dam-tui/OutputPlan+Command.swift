import DamTraining

extension OutputPlan {
  /// Ends the command before any work when an output has a problem.
  /// - Throws: `CommandFailure` listing every problem.
  func requireWritable() throws(CommandFailure) {
    guard problems.isEmpty else { throw CommandFailure(problems.joined(separator: "\n")) }
  }
}
