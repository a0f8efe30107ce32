import DamTraining
import Dispatch

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The progress display of `train` and `replay` on standard error: step, losses and samples/s on one line, redrawn at
/// most ten times a second.
final class ProgressLine {
  private let enabled: Bool
  private let total: Int
  private var lastDrawn: UInt64 = 0
  private var drawn = false

  init(enabled: Bool, total: Int) {
    self.enabled = enabled
    self.total = total
  }

  /// Redraws the line if a tenth of a second has passed since the last time.
  func show(step: Int, report: EvaluationReport?) {
    guard enabled else { return }
    let now = DispatchTime.now().uptimeNanoseconds
    guard now - lastDrawn >= 100_000_000 else { return }
    lastDrawn = now
    var line = "\r\u{1B}[2Kstep \(step)/\(total)"
    if let report {
      line += "  train \(rounded(report.trainingLoss))  val \(rounded(report.validationLoss))"
      line += "  \(Int(report.samplesPerSecond)) samples/s"
    }
    writeStandardError(line)
    drawn = true
  }

  /// Ends the line so later output starts on a fresh one.
  func finish() {
    if drawn { writeStandardError("\n") }
  }

  private func rounded(_ value: Double) -> String {
    value.isFinite ? String((value * 10_000).rounded() / 10_000) : String(value)
  }

  private func writeStandardError(_ text: String) {
    var bytes = Array(text.utf8)
    _ = bytes.withUnsafeMutableBytes { write(2, $0.baseAddress, $0.count) }
  }
}
