import DamTraining
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One run of a sweep for the command: the runner, the live board, the JSON lines and SIGINT.
struct SweepExecution {
  /// How the sweep went.
  struct Outcome {
    /// Every trial's final state, and the ranking.
    var board: SweepBoard
    /// Whether SIGINT stopped it.
    var interrupted: Bool
    /// Whether the board was drawn live on standard error.
    var shownLive: Bool
  }

  let plan: SweepPlan
  let jobs: Int
  let output: LineFile?

  /// Runs the sweep; SIGINT stops every trial at its next step.
  /// - Throws: `CommandFailure` when a JSON line cannot be written (the sweep stops at once).
  func run() throws(CommandFailure) -> Outcome {
    signal(SIGINT) { _ in sweepSignalled.store(true, ordering: .relaxed) }
    // A parent may start us with SIGINT blocked (a spawning thread's mask is inherited, as under
    // `swift test`); unblock it on this thread, or Ctrl-C could never reach the handler.
    var interrupt = sigset_t()
    sigemptyset(&interrupt)
    sigaddset(&interrupt, SIGINT)
    pthread_sigmask(SIG_UNBLOCK, &interrupt, nil)
    let live = SweepLiveBoard(plan: plan, live: isatty(2) == 1)
    let writer = JSONLineWriter(plan: plan, file: output)
    let results = SweepRunner(plan: plan, jobs: jobs).run(
      shouldStop: { sweepSignalled.load(ordering: .relaxed) || writer.failed },
      onEvent: { event in
        live.handle(event)
        if case .trialFinished(let result) = event, result.steps > 0 || result.status == .failed {
          writer.write(result)
        }
      })
    let board = live.finish(with: results)
    if let failure = writer.failure { throw CommandFailure(failure) }
    return Outcome(board: board, interrupted: sweepSignalled.load(ordering: .relaxed), shownLive: live.isLive)
  }
}

/// Set by the SIGINT handler of a running sweep.
private let sweepSignalled = Atomic<Bool>(false)

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
