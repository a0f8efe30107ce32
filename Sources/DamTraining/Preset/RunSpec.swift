/// How long to train and how often to evaluate: the `[run]` table of a preset.
public struct RunSpec: Sendable, Equatable, Hashable, Codable {
  /// Seed of the one random generator (initialization, shuffling, dropout, data): 0...2^63 - 1.
  public var seed: UInt64 = 1
  /// Optimizer updates to run headless (the UI keeps going until paused): 1...10^9.
  public var steps: Int = 2000
  /// Evaluate on the validation split every this many steps: 1...10^9.
  public var evalEvery: Int = 50
  /// Whether the screen pauses at `steps` and shows the lesson's summary (headless runs always end there).
  public var stopAtEnd = true
  /// Threads that run the network's large products (`ThreadSetting`; the screen resolves `auto` to the
  /// cores beside it, headless `train` to every core, and a sweep's trials take one each).
  public var threads = ThreadSetting.auto
  /// The lesson's own pace on the interactive screen (`run.speed`), nil for the screen's default;
  /// `--speed` overrides it and headless runs ignore it.
  public var speed: TrainingSpeed?

  /// The allowed `steps`, and the most updates any headless run may take (`--steps`, `--epochs`).
  public static let stepsRange: ClosedRange<Int> = 1...1_000_000_000

  /// The defaults listed on each property.
  public init() {}

  /// Creates a run description.
  public init(seed: UInt64, steps: Int, evalEvery: Int) {
    self.seed = seed
    self.steps = steps
    self.evalEvery = evalEvery
  }
}
