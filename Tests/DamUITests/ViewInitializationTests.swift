import DamScreen
import DamScreenTesting
import DamTraining
import Testing

@testable import DamUI

@Suite("The initialization explorer view")
struct ViewInitializationTests {
  /// The survey of `Preset`'s defaults (2-16-16-1 tanh on its data), its own init xavier-uniform.
  static func explorer() throws -> InitializationExplorer {
    let trainer = try Trainer(preset: Preset(name: "default", source: .builtIn))
    var explorer = InitializationExplorer()
    explorer.outcome = .surveyed(try InitializationSurvey(trainer: trainer))
    explorer.inputs = InitializationExplorer.Inputs(trainer)
    explorer.isComputing = false
    return explorer
  }

  @Test("Each initializer's activation std and gradient norm by depth, the run's own marked, zeros identical")
  func panel() throws {
    let panel = InitializationPanel(explorer: try Self.explorer(), isFocused: false, glyphs: .ascii)
    expectSnapshot(
      rendered(panel, width: 100, height: 11),
      [
        "+ Initializers before training (I: gradients) -----------------------------------------------------+",
        "|act std by depth (log)                                grad norm by depth (log)                    |",
        "| zeros                       identical                                                            |",
        "| normal 0.01    ====~~~~.... x0.000326                 ............ x0.668                        |",
        "| normal 1       ************ x1.78                     ************ x1.59                         |",
        "| xavier-uniform ****++++**** x1.32                     ************ x1.47                         |",
        "| he-normal      ********++++ x0.387                    ++++++++++++ x1.68                         |",
        "|*xavier-uniform ****++++**** x1.32                     ************ x1.47                         |",
        "|healthy: a flat row; L1..out left to right; x = last/first; * this run's init                     |",
        "|zeros: every unit identical; tiny init vanishes; sigma 1 saturates or explodes                    |",
        "+--------------------------------------------------------------------------------------------------+",
      ])
  }

  @Test("While the first survey computes, the panel says so")
  func computing() {
    let panel = InitializationPanel(explorer: InitializationExplorer(), isFocused: false, glyphs: .ascii)
    let buffer = rendered(panel, width: 60, height: 5)
    #expect(buffer.line(2).contains("comparing initializers on one batch..."))
  }
}
