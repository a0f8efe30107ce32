import Foundation
import Testing

/// The interactive UI of the release binary, driven in a real terminal (tmux, 120x40) as a person would:
/// keys in, screen text out, polling the screen instead of sleeping.
@Suite("Interactive UI", .serialized)
struct UITests {
  /// The terminal modes the shell prints after the program, when it gave the terminal back.
  static let restoredModes = "icanon echo"

  @Test("Training starts at once and the step number moves")
  func trainingStartsAtOnce() throws {
    let ui = try UIRun()
    let first = try ui.currentStep()
    try ui.waitForStep(above: first)
    try ui.tmux.send("q")
    #expect(try ui.exit().status == 0)
  }

  @Test("`+` raises the learning rate and a change marker says so")
  func plusRaisesLearningRate() throws {
    let ui = try UIRun()
    try ui.expectScreen("learning rate")
    try ui.currentStep()
    try ui.tmux.send("+")
    let screen = try ui.expectScreen("lr 0.01 -> ")
    let marker = try #require(screen.range(of: #"lr 0\.01 -> [0-9.e-]+"#, options: .regularExpression))
    let raised = try #require(Double(screen[marker].split(separator: " ").last ?? ""))
    #expect(raised > 0.01)
    try ui.tmux.send("q")
    #expect(try ui.exit().status == 0)
  }

  @Test("u undoes the last change, and the parameter panel shows the session's value again")
  func rewindUndoesChange() throws {
    let ui = try UIRun()
    try ui.currentStep()
    try ui.tmux.send("+")
    try ui.expectScreen("lr 0.01 -> ")
    let (raised, shown) = try ui.tmux.waitFor { UIRun.learningRate(in: $0).map { $0 > 0.01 } ?? false }
    #expect(shown, "the panel did not show the raised learning rate:\n\(raised)")
    try ui.tmux.send("u")
    let (screen, restored) = try ui.tmux.waitFor { UIRun.learningRate(in: $0) == 0.01 }
    #expect(restored, "the panel still shows the undone learning rate:\n\(screen)")
    try ui.tmux.send("q")
    #expect(try ui.exit().status == 0)
  }

  @Test("Space pauses (n then takes exactly one step) and Space resumes")
  func pauseAndResume() throws {
    let ui = try UIRun()
    try ui.currentStep()
    try ui.tmux.send("Space")
    // The status says paused at once; the throughput (`6.4k/s`, not the speed limit `200 steps/s`) leaves
    // the status line once the session has stopped stepping, and from then on the step number holds.
    let (pausedScreen, settled) = try ui.tmux.waitFor {
      guard let status = UIRun.statusLine(in: $0) else { return false }
      return status.hasPrefix("paused") && status.range(of: "[0-9][kMG]?/s", options: .regularExpression) == nil
    }
    #expect(settled, "training did not pause:\n\(pausedScreen)")
    let paused = try #require(UIRun.step(in: pausedScreen))
    try ui.tmux.send("n")
    let (stepped, matched) = try ui.tmux.waitFor { UIRun.step(in: $0) == paused + 1 }
    #expect(matched, "n did not take exactly one step from \(paused):\n\(stepped)")
    #expect(stepped.contains("paused"))
    try ui.tmux.send("Space")
    try ui.expectScreen("running")
    try ui.waitForStep(above: paused + 1)
    try ui.tmux.send("q")
    #expect(try ui.exit().status == 0)
  }

  @Test("Training keeps to the speed on the status bar; > and < change it, up to max speed")
  func speedLimit() throws {
    let ui = try UIRun(["--speed", "20"])
    try ui.expectScreen("| 20 steps/s |")
    let first = try ui.currentStep()
    let started = Date()
    try ui.waitForStep(above: first + 10)
    let (screen, _) = try ui.tmux.waitFor { _ in Date().timeIntervalSince(started) >= 2 }
    let elapsed = Date().timeIntervalSince(started)
    let step = try #require(UIRun.step(in: screen))
    // 20 steps a second at most (one step of slack for the first and one for the catch-up allowance).
    #expect(Double(step - first) <= elapsed * 20 + 2, "\(step - first) steps in \(elapsed) s:\n\(screen)")
    try ui.tmux.send(">")
    try ui.expectScreen("training at most 50 steps/s")
    try ui.expectScreen("| 50 steps/s |")
    for _ in 0..<20 { try ui.tmux.send(">") }
    try ui.expectScreen("| max speed |")
    try ui.waitForStep(above: step + 5_000)
    try ui.tmux.send("<")
    try ui.expectScreen("| 100000 steps/s |")
    try ui.tmux.send("q")
    #expect(try ui.exit().status == 0)
  }

  @Test("A bad --speed exits 2 naming what is allowed, and the terminal is untouched")
  func badSpeed() throws {
    let ui = try UIRun(["--speed", "fast"])
    let (status, screen) = try ui.exit()
    #expect(status == 2)
    #expect(screen.contains("speed 'fast' is not a number: give steps per second (1 to 10000000) or max"), "\(screen)")
    #expect(screen.contains(UITests.restoredModes), "\(screen)")
  }

  @Test("Below the minimum size a too-small screen shows, and the UI comes back at full size")
  func resizeToTooSmallAndBack() throws {
    let ui = try UIRun()
    let before = try ui.currentStep()
    try ui.tmux.resize(width: 50, height: 15)
    try ui.expectScreen("too small")
    try ui.tmux.resize(width: 120, height: 40)
    let (screen, matched) = try ui.tmux.waitFor(timeout: 20) { !$0.contains("too small") && UIRun.step(in: $0) != nil }
    #expect(matched, "the UI did not come back:\n\(screen)")
    try ui.waitForStep(above: before)
    try ui.tmux.send("q")
    #expect(try ui.exit().status == 0)
  }

  @Test("q quits on the too-small screen")
  func quitWhenTooSmall() throws {
    let ui = try UIRun(width: 50, height: 15)
    try ui.expectScreen("too small")
    try ui.tmux.send("q")
    let (status, screen) = try ui.exit()
    #expect(status == 0)
    #expect(screen.contains(Self.restoredModes), "\(screen)")
  }

  @Test("The picker loads another preset")
  func pickerLoadsPreset() throws {
    let ui = try UIRun()
    try ui.currentStep()
    try ui.tmux.send("p")
    try ui.expectScreen("vanishing-gradients")
    // The first preset by name; k stops at the top of the list.
    for _ in 0..<20 { try ui.tmux.send("k") }
    try ui.tmux.send("Enter")
    try ui.expectScreen("loaded preset adam-vs-sgd")
    try ui.tmux.send("q")
    #expect(try ui.exit().status == 0)
  }

  @Test("A preset that fails to load from the picker shows why, and training goes on")
  func pickerShowsLoadError() throws {
    let ui = try UIRun { folder in
      try FileManager.default.createDirectory(
        at: folder.url.appendingPathComponent("presets"), withIntermediateDirectories: true)
      try folder.write("presets/aaa-broken.toml", "title = \"Broken\"\n[training]\nlearning_rate = -1\n")
    }
    try ui.currentStep()
    try ui.tmux.send("p")
    try ui.expectScreen("aaa-broken")
    for _ in 0..<20 { try ui.tmux.send("k") }
    try ui.tmux.send("Enter")
    try ui.expectScreen("Cannot load preset aaa-broken")
    try ui.tmux.send("Escape")
    let (screen, closed) = try ui.tmux.waitFor { !$0.contains("Cannot load preset") }
    #expect(closed, "\(screen)")
    let step = try ui.currentStep()
    try ui.waitForStep(above: step)
    try ui.tmux.send("q")
    #expect(try ui.exit().status == 0)
  }

  @Test("s saves the settings as a valid preset, and never overwrites one silently")
  func saveWritesValidPreset() throws {
    let ui = try UIRun()
    try ui.currentStep()
    try ui.tmux.send("+")
    try ui.expectScreen("lr 0.01 -> ")
    try ui.tmux.send("s")
    try ui.expectScreen("Save settings as a preset")
    try ui.tmux.type("my-run")
    try ui.tmux.send("Enter")
    try ui.expectScreen("saved preset my-run")
    let file = ui.config.url.appendingPathComponent("dam-tui/presets/my-run.toml").path
    let text = try String(contentsOfFile: file, encoding: .utf8)
    #expect(!text.contains("learning_rate = 0.01\n"), "the raised learning rate was not saved:\n\(text)")
    try ui.tmux.send("s")
    try ui.expectScreen("Save settings as a preset")
    try ui.tmux.type("my-run")
    try ui.tmux.send("Enter")
    try ui.expectScreen("Overwrite preset?")
    try ui.tmux.send("Escape")
    try ui.tmux.send("q")
    #expect(try ui.exit().status == 0)
    #expect(try String(contentsOfFile: file, encoding: .utf8) == text)
    let check = try CommandRun.damTUI(["check", file])
    #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
  }

  @Test("q exits 0 and gives the terminal back")
  func quitRestoresTerminal() throws {
    let ui = try UIRun()
    try ui.currentStep()
    try ui.tmux.send("q")
    let (status, screen) = try ui.exit()
    #expect(status == 0)
    #expect(screen.contains(Self.restoredModes), "\(screen)")
    #expect(UIRun.step(in: screen) == nil, "the UI is still on screen:\n\(screen)")
  }

  @Test("Ctrl-C exits 0 and gives the terminal back")
  func controlCRestoresTerminal() throws {
    let ui = try UIRun()
    try ui.currentStep()
    try ui.tmux.send("C-c")
    let (status, screen) = try ui.exit()
    #expect(status == 0)
    #expect(screen.contains(Self.restoredModes), "\(screen)")
    #expect(UIRun.step(in: screen) == nil, "the UI is still on screen:\n\(screen)")
  }

  @Test("SIGTERM exits 143 and gives the terminal back")
  func terminateRestoresTerminal() throws {
    let ui = try UIRun()
    try ui.currentStep()
    try ui.signal(SIGTERM)
    let (status, screen) = try ui.exit()
    #expect(status == 143)
    #expect(screen.contains(Self.restoredModes), "\(screen)")
  }

  @Test("A non-UTF-8 locale and --ascii draw ASCII only")
  func asciiOnly() throws {
    for (arguments, locale) in [([String](), "C"), (["--ascii"], "C.UTF-8")] {
      let ui = try UIRun(arguments, environment: ["LANG": locale, "LC_ALL": locale])
      let step = try ui.currentStep()
      let screen = try ui.waitForStep(above: step)
      let foreign = screen.unicodeScalars.filter { !$0.isASCII }
      #expect(
        foreign.isEmpty, "\(arguments) in \(locale) drew \(String(String.UnicodeScalarView(foreign))):\n\(screen)")
      try ui.tmux.send("q")
      #expect(try ui.exit().status == 0)
    }
  }

  @Test("NO_COLOR draws without colour; without it the screen has colours")
  func noColor() throws {
    // SGR colour parameters: 30-37, 90-97 (foreground), 40-47, 100-107 (background), 38;/48; (extended).
    let colour = #"\e\[([0-9;]*;)?(3[0-8]|4[0-8]|9[0-7]|10[0-7])(;[0-9;]*)?m"#
    for (noColor, expectColour) in [("1", false), ("", true)] {
      let ui = try UIRun(environment: ["NO_COLOR": noColor])
      try ui.currentStep()
      let styled = try ui.tmux.styledScreen()
      let hasColour = styled.range(of: colour, options: .regularExpression) != nil
      #expect(hasColour == expectColour, "NO_COLOR='\(noColor)':\n\(styled.debugDescription.prefix(2000))")
      try ui.tmux.send("q")
      #expect(try ui.exit().status == 0)
    }
  }

  @Test("Without a terminal the UI exits 2 and points to `dam-tui train`")
  func needsTerminal() throws {
    let run = try CommandRun.damTUI([])
    #expect(run.status == 2)
    #expect(run.stderr.contains("dam-tui needs a terminal; use `dam-tui train` for headless runs"), "\(run.stderr)")
  }
}
