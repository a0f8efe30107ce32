import ArgumentParser

/// `dam-tui run` (the default command): the interactive terminal UI.
struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run", abstract: "Open the interactive terminal UI (the default command).")

  func run() throws {
    throw CommandFailure("dam-tui: the terminal UI is not available in this build; see `dam-tui --help`")
  }
}
