import Foundation

/// Prints measurements as they arrive: table rows, or JSON lines.
struct Report {
  /// JSON lines instead of a table.
  let json: Bool

  /// Starts the report (the table's header).
  init(json: Bool) {
    self.json = json
    if !json {
      print(Self.row("workload", "samples/s", "us/step", "GFLOP/s"))
    }
  }

  /// Prints one measurement.
  func add(_ measurement: Measurement) {
    if json {
      print(measurement.jsonLine)
    } else {
      print(
        Self.row(
          measurement.name,
          measurement.samplesPerSecond.map { String(format: "%.0f", $0) } ?? "-",
          String(format: "%.2f", measurement.microsecondsPerIteration),
          String(format: "%.2f", measurement.gigaflops)))
    }
    fflush(nil)  // all streams: lines reach a pipe as they are measured
  }

  private static func row(_ name: String, _ samples: String, _ micros: String, _ gflops: String) -> String {
    name.padding(toLength: 30, withPad: " ", startingAt: 0) + pad(samples, 14) + pad(micros, 14) + pad(gflops, 10)
  }

  private static func pad(_ text: String, _ width: Int) -> String {
    String(repeating: " ", count: max(0, width - text.count)) + text
  }
}
