import DamTraining
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One run of a sweep for the command: the runner, the live board, the JSON lines and the shutdown signals.
struct SweepExecution {
  /// How the sweep went.
  struct Outcome {
    /// Every trial's final state, and the ranking.
    var board: SweepBoard
    /// Whether the board was drawn live on standard error.
    var shownLive: Bool
  }

  let plan: SweepPlan
  let jobs: Int
  let output: LineFile?
  /// Where each trial's run directory goes, if anywhere.
  let logs: SweepTrialLogs?

  /// Runs the sweep; SIGINT, SIGTERM or SIGHUP stops every trial at its next step.
  /// - Throws: `CommandFailure` when a JSON line cannot be written (the sweep stops at once).
  func run() throws(CommandFailure) -> Outcome {
    ShutdownSignals.install()
    let live = SweepLiveBoard(plan: plan, live: isatty(2) == 1)
    let writer = JSONLineWriter(plan: plan, file: output)
    let results = SweepRunner(plan: plan, jobs: jobs, logs: logs).run(
      shouldStop: { ShutdownSignals.received != nil || writer.failed },
      onEvent: { event in
        live.handle(event)
        if case .trialFinished(let result) = event, result.steps > 0 || result.status == .failed {
          writer.write(result)
        }
      })
    logs?.waitUntilWritten()
    let board = live.finish(with: results)
    if let failure = writer.failure { throw CommandFailure(failure) }
    return Outcome(board: board, shownLive: live.isLive)
  }
}

/// Writes trials' JSON lines, remembering the first failure (which stops the sweep). Unchecked: the file
/// is written only from the thread that runs the sweep (`trialFinished` events); `failed` is read from any.
private final class JSONLineWriter: @unchecked Sendable {
  private let plan: SweepPlan
  private let file: LineFile?
  private let problem = Mutex<String?>(nil)

  init(plan: SweepPlan, file: LineFile?) {
    self.plan = plan
    self.file = file
  }

  /// Writes `result`'s line.
  func write(_ result: TrialResult) {
    guard let file, !failed else { return }
    do {
      try file.write(line: SweepRecordEncoder.line(result, plan: plan))
    } catch {
      problem.withLock { $0 = error.message }
    }
  }

  /// Whether a write failed.
  var failed: Bool { problem.withLock { $0 != nil } }
  /// The first failure's message.
  var failure: String? { problem.withLock { $0 } }
}
