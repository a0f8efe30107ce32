import DamApp
import DamScreen
import DamTerminal
import DamTraining
import Dispatch
import Foundation
import Testing

/// The controller running on a thread of its own against a 120x40 `TestTerminal`, in an
/// empty working folder with an empty user preset folder, so only the built-in presets, plus any written
/// into `folder`, exist: the in-process twin of the end-to-end tests' tmux run. Tests send keys and wait
/// for frames with bounded waits, never sleeping.
final class AppRun: Sendable {
  /// The terminal the controller reads and draws on.
  let terminal: TestTerminal
  /// The working folder; `presets/` inside it is searched first.
  let folder: URL
  /// `XDG_CONFIG_HOME`: saved presets go to `dam-tui/presets` inside it.
  let config: URL
  private let finished = DispatchSemaphore(value: 0)
  private let reason = Locked<QuitReason?>(nil)
  private let endedJournals = Locked<[SessionJournal]>([])

  /// Starts the controller on preset `name` with `overrides` (`section.key=value`), at `speed` (without
  /// one, as `dam-tui` without `--speed`: the preset's own pace, else the default); with
  /// `recording`, the session is recorded to that file name inside `folder` (`--record`), or with
  /// `recordingSink`, to that stand-in for the file. The session pauses at the lesson's end only when
  /// `stopsAtEnd` (`--no-stop` otherwise), so tests that train on past `run.steps` at full speed are not
  /// stopped. The run browser lists `runs/` inside `folder` (`logDirectory` there when given); with
  /// `comparing`, that run is a ghost from the start (`--compare`). Sessions write run directories only
  /// with `logDirectory`, a folder name inside `folder` (`--log-dir`).
  init(
    preset name: String = "default", overrides: [String] = [], speed: TrainingSpeed? = nil,
    unicode: Bool = true, recording: String? = nil, recordingSink: (any LineSink)? = nil, stopsAtEnd: Bool = false,
    comparing: String? = nil, logDirectory: String? = nil, setUp: (URL) throws -> Void = { _ in }
  ) throws {
    let folder = try Self.temporaryFolder()
    self.folder = folder
    config = try Self.temporaryFolder()
    try setUp(folder)
    let library = PresetLibrary(currentDirectory: folder.path, environment: ["XDG_CONFIG_HOME": config.path])
    let preset = try library.resolve(name, overrides: try overrides.map { try PresetOverride(parsing: $0) })
    let trainer = try Trainer(preset: preset)
    let recorder =
      try recordingSink.map { try InteractiveRecorder(lines: $0, preset: preset) }
      ?? recording.map { try InteractiveRecorder(path: folder.appendingPathComponent($0).path, preset: preset) }
    let terminal = TestTerminal(capabilities: TerminalCapabilities(unicode: unicode, colors: unicode))
    self.terminal = terminal
    terminal.start()
    let presets = InteractivePresets(library: library)
    let glyphs = GlyphSet(utf8: unicode)
    let logs = logDirectory.map { folder.appendingPathComponent($0).path }
    let runs = RunCatalog(root: logs ?? folder.appendingPathComponent("runs").path)
    let ghost = try comparing.map { try runs.ghost(named: $0) }
    let thread = Thread { [finished, reason, endedJournals] in
      let app = InteractiveApp(
        terminal: terminal, trainer: trainer, preset: preset, speed: TrainingSpeed.starting(preset, requested: speed),
        recorder: recorder, presets: presets,
        glyphs: glyphs, sessions: SessionFactory(stopsAtEnd: stopsAtEnd), runs: runs, logDirectory: logs,
        comparing: ghost)
      let ended = app.run()
      endedJournals.withLock { $0 = app.journals }
      reason.withLock { $0 = ended }
      finished.signal()
    }
    thread.start()
  }

  deinit {
    terminal.send(.quit(.terminate))
    finished.wait()
    for url in [folder, config] { try? FileManager.default.removeItem(at: url) }
  }

  /// The newest frame as text, one line per row; empty before the first frame.
  var screen: String {
    terminal.lastFrame?.lines.joined(separator: "\n") ?? ""
  }

  /// Presses keys named as tmux names them: `Enter`, `Escape`, `Space`, `BSpace`, `S-Right`, `C-c`; any
  /// other name is typed character by character.
  func send(_ keys: String...) {
    for key in keys {
      switch key {
      case "Enter": terminal.send(.key(.enter))
      case "Escape": terminal.send(.key(.escape))
      case "Space": terminal.send(.key(.character(" ")))
      case "BSpace": terminal.send(.key(.backspace))
      case "S-Right": terminal.send(.key(.shiftRight))
      case "C-c": terminal.send(.key(.character("\u{03}")))
      default: terminal.type(key)
      }
    }
  }

  /// Opens the preset picker, waits until it lists `name`, and loads the first preset by name (`k` stops
  /// at the top of the list).
  func chooseFirstPreset(listing name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    send("p")
    expectScreen(name, sourceLocation: sourceLocation)
    for _ in 0..<20 { send("k") }
    send("Enter")
  }

  /// Waits until the newest frame satisfies `predicate`, at most `timeout` seconds; returns that screen (or
  /// the newest one) and whether it matched.
  func waitFor(timeout: Double = 60, _ predicate: (String) -> Bool) -> (screen: String, matched: Bool) {
    let frame = terminal.waitForFrame(timeout: .milliseconds(Int(timeout * 1_000))) {
      predicate($0.lines.joined(separator: "\n"))
    }
    return (frame.map { $0.lines.joined(separator: "\n") } ?? screen, frame != nil)
  }

  /// Waits for `text` on screen, failing the test (with the screen) when it does not appear.
  @discardableResult
  func expectScreen(_ text: String, timeout: Double = 60, sourceLocation: SourceLocation = #_sourceLocation)
    -> String
  {
    let (screen, matched) = waitFor(timeout: timeout) { $0.contains(text) }
    #expect(matched, "\"\(text)\" never appeared:\n\(screen)", sourceLocation: sourceLocation)
    return screen
  }

  /// Waits until the status bar shows a step number, and returns it.
  @discardableResult
  func currentStep(timeout: Double = 60) throws -> Int {
    let (screen, matched) = waitFor(timeout: timeout) { Self.step(in: $0) != nil }
    return try #require(matched ? Self.step(in: screen) : nil, "no step number on screen:\n\(screen)")
  }

  /// Waits until the status bar shows a step number above `step`, and returns the screen.
  @discardableResult
  func waitForStep(above step: Int, timeout: Double = 60, sourceLocation: SourceLocation = #_sourceLocation)
    -> String
  {
    let (screen, matched) = waitFor(timeout: timeout) { (Self.step(in: $0) ?? Int.min) > step }
    #expect(matched, "the step number stayed at or below \(step):\n\(screen)", sourceLocation: sourceLocation)
    return screen
  }

  /// Waits for the controller's loop to end (at most `timeout` seconds); returns whether it ended, and the
  /// quit reason it returned (nil after `q`, as the program then exits 0).
  func exit(timeout: Double = 60) -> (ended: Bool, reason: QuitReason?) {
    let ended = finished.wait(timeout: .now() + timeout) == .success
    if ended { finished.signal() }
    return (ended, reason.withLock { $0 })
  }

  /// The journals of the sessions the loop ran, once it ended (`exit()`); empty before.
  var journals: [SessionJournal] {
    endedJournals.withLock { $0 }
  }

  /// Presses `q` and expects the loop to end as the program's exit 0 would.
  func quit(sourceLocation: SourceLocation = #_sourceLocation) {
    send("q")
    let (ended, reason) = exit()
    #expect(
      ended && reason == nil, "the loop did not end after q (\(String(describing: reason)))",
      sourceLocation: sourceLocation)
  }

  /// The step number on the status bar (`step N`), if shown.
  static func step(in screen: String) -> Int? {
    guard let range = screen.range(of: #"step [0-9,]+"#, options: .regularExpression) else { return nil }
    return Int(screen[range].dropFirst(5).filter(\.isNumber))
  }

  /// The learning rate on the parameter panel's first row, if shown.
  static func learningRate(in screen: String) -> Double? {
    guard let range = screen.range(of: #"learning rate +[0-9.e-]+"#, options: .regularExpression) else { return nil }
    return Double(screen[range].split(separator: " ").last ?? "")
  }

  /// The status bar's first line (`running | step 12 | ...`), if shown.
  static func statusLine(in screen: String) -> String? {
    screen.split(separator: "\n").last { $0.contains(" | step ") }.map(String.init)
  }

  private static func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("dam-app-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}
