import Foundation
import Testing

/// The interactive UI of the release binary in a real terminal (tmux, 120x40): what only a real terminal
/// shows (signals, resize, locale, colour, no TTY, giving the terminal back), and the speed limit, whose
/// bounds need the release binary's pace. Keys, settings, presets and exploring are tested in process
/// (`DamAppTests`), against an in-memory terminal.
@Suite("Interactive UI", .serialized)
struct UITests {
  /// The terminal modes the shell prints after the program, when it gave the terminal back.
  static let restoredModes = "icanon echo"

  @Test("Training keeps to the speed on the status bar; > and < change it, up to max speed")
  func speedLimit() throws {
    // --no-stop: at max speed the run passes the default lesson's 3,000 steps, where it would stop.
    let ui = try UIRun(["--speed", "20", "--no-stop"])
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

  @Test("q exits 0 and gives the terminal back")
  func quitRestoresTerminal() throws {
    let ui = try UIRun()
    try ui.currentStep()
    try ui.tmux.send("q")
    let (status, screen) = try ui.exit()
    #expect(status == 0)
    #expect(screen.contains(Self.restoredModes), "\(screen)")
    // The panels are gone; what follows the restored terminal is the session journal.
    #expect(!screen.contains("Hyperparameters"), "the UI is still on screen:\n\(screen)")
    #expect(screen.contains("# Session journal: default"), "\(screen)")
  }

  @Test("Ctrl-C exits 0 and gives the terminal back")
  func controlCRestoresTerminal() throws {
    let ui = try UIRun()
    try ui.currentStep()
    try ui.tmux.send("C-c")
    let (status, screen) = try ui.exit()
    #expect(status == 0)
    #expect(screen.contains(Self.restoredModes), "\(screen)")
    // The panels are gone; what follows the restored terminal is the session journal.
    #expect(!screen.contains("Hyperparameters"), "the UI is still on screen:\n\(screen)")
    #expect(screen.contains("# Session journal: default"), "\(screen)")
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
