/// A dry run of the commands a headless run will apply (`--change`, a recording's lines): each is applied
/// in order to a copy of the trainer before the first step, so a command that cannot happen is reported
/// before any training or output, naming where it came from.
///
/// Applying a setting does not depend on the weights, so a setting that applies on the copy at step 0
/// applies at its step in the run. A `rewind` after a divergence restores a checkpoint, which only the run
/// knows: on the copy a rewind undoes the last change when it can and is skipped otherwise.
public enum CommandRehearsal {
  /// The problems of applying `commands` in order to a copy of `trainer`, in command order; empty when
  /// every command applies.
  /// - Parameters:
  ///   - commands: the commands, in the order the run applies them.
  ///   - trainer: the trainer the run starts with.
  ///   - lastStep: the run's last step; a command at a later step never happens. Nil: not checked.
  ///   - headless: whether nothing re-initializes the weights unless a command asks: then a setting that
  ///     would wait for a re-initialization never takes effect, and is a problem.
  ///   - origin: the diagnostic for a problem of `commands[index]` with `message`, naming its source.
  public static func problems(
    in commands: [RecordedCommand], on trainer: Trainer, lastStep: Int?, headless: Bool,
    origin: (_ index: Int, _ message: String) -> PresetDiagnostic
  ) -> [PresetDiagnostic] {
    var probe = trainer
    var problems: [PresetDiagnostic] = []
    for (index, entry) in commands.enumerated() {
      if let lastStep, entry.step > lastStep {
        problems.append(
          origin(index, "step \(entry.step) is after the run's last step: expected a step in 0...\(lastStep)"))
        continue
      }
      switch entry.command {
      case .set(let override):
        do {
          _ = try probe.preset.applying([override])
        } catch {
          problems += error.diagnostics.map { origin(index, $0.message) }
          continue
        }
        let waiting = Set(probe.pendingKeys)
        do {
          try probe.apply(entry.command)
        } catch {
          problems.append(origin(index, error.message))
          continue
        }
        let added = probe.pendingKeys.filter { !waiting.contains($0) }
        if headless && !added.isEmpty {
          problems.append(
            origin(
              index,
              "\(added.joined(separator: ", ")) waits for a re-initialization of the weights (the screen's i key), "
                + "which a headless run never makes: set it with --set before the run instead"))
        }
      case .reinitialize, .resetToPreset:
        do {
          try probe.apply(entry.command)
        } catch {
          problems.append(origin(index, error.message))
        }
      case .rewind:
        _ = try? probe.apply(entry.command)
      case .pause, .resume, .step, .stop:
        continue
      }
    }
    return problems
  }
}
