/// Every output of one command, checked together before any work is done: each path resolves to
/// something writable (`OutputTarget`), none is the same file as an input or as another output, and an
/// existing regular file is replaced only with `--force`.
///
/// ```swift
/// var plan = OutputPlan(force: force, inputs: preset.inputFiles)
/// let jsonl = plan.add("--jsonl", jsonlArgument)
/// let weights = plan.add("--save-weights", weightsArgument, allowsStandardOutput: false)
/// guard plan.problems.isEmpty else { ... }   // every problem at once
/// ```
public struct OutputPlan {
  private let force: Bool
  private var inputs: [(path: String, identity: FileIdentity)] = []
  private var outputs: [(option: String, identity: FileIdentity)] = []
  /// Every problem found so far, one sentence each, naming the option and the path.
  public private(set) var problems: [String] = []

  /// A plan that may replace existing files when `force`, and must not write over any of `inputs` (paths
  /// that do not exist are ignored).
  public init(force: Bool, inputs: [String]) {
    self.force = force
    for path in inputs {
      if let identity = FileIdentity.existing(path) { self.inputs.append((path, identity)) }
    }
  }

  /// Resolves the output of `option`, adding any problem to `problems`.
  /// - Returns: the target, or nil when `argument` is nil or has a problem.
  public mutating func add(_ option: String, _ argument: String?, allowsStandardOutput: Bool = true) -> OutputTarget? {
    guard let argument else { return nil }
    let target: OutputTarget
    do {
      target = try OutputTarget(argument, allowsStandardOutput: allowsStandardOutput)
    } catch {
      problems.append("\(option) \(error.description)")
      return nil
    }
    if let input = inputs.first(where: { $0.identity == target.identity }) {
      problems.append("\(option) \(argument): is the input \(input.path); write to another file")
      return nil
    }
    if let other = outputs.first(where: { $0.identity == target.identity }) {
      problems.append("\(option) \(argument): is the same file as \(other.option); give each output its own file")
      return nil
    }
    outputs.append((option, target.identity))
    if target.kind == .file(exists: true) && !force {
      problems.append("\(option) \(argument) exists: give --force to replace it, or another file")
      return nil
    }
    return target
  }
}
