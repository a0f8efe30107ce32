import DamScreen
import DamScreenTesting
import Foundation
import Testing

@testable import DamTraining
@testable import DamUI

/// The loss-landscape view opened with `e`: its keys and its drawings of made-up landscapes.
@Suite("Views: loss landscape")
struct ViewLandscapeTests {
  /// A 1-D line: a valley at alpha 1 (the trained weights) above the initial loss at alpha 0.
  static let line: LandscapeResult = {
    let alphas = LandscapeGrid.evenlySpaced(-0.5...1.5, count: 41)
    let training = alphas.map { 0.05 + 0.7 * ($0 - 1) * ($0 - 1) }
    let validation = training.map { $0 * 1.2 + 0.02 }
    return LandscapeResult(
      kind: .line, grid: LandscapeGrid(alphas: alphas, betas: [0], trainingLoss: training, validationLoss: validation),
      branchLine: nil, path: [], step: 1500)
  }()

  /// A 2-D map: an elongated bowl around the current weights, with a path coming in from a corner.
  static func map(kind: LandscapeKind) -> LandscapeResult {
    let axis = LandscapeGrid.evenlySpaced(-1...1, count: 31)
    let losses = axis.flatMap { beta in axis.map { alpha in 0.02 + 0.3 * alpha * alpha + 2 * beta * beta } }
    let path =
      kind == .path
      ? [
        LandscapePoint(alpha: -0.9, beta: 0.6), LandscapePoint(alpha: -0.4, beta: 0.2),
        LandscapePoint(alpha: 0, beta: 0),
      ]
      : []
    return LandscapeResult(
      kind: kind,
      grid: LandscapeGrid(
        alphas: axis, betas: axis, trainingLoss: losses, validationLoss: [Double](repeating: .nan, count: losses.count)),
      branchLine: nil, path: path, step: 1500)
  }

  @Test("e opens the view and asks for the line; v cycles line, random, path; Esc cancels and closes")
  func keys() {
    var state = makeAppState()
    #expect(press(&state, .character("e")) == [.startLandscape(.main, .line)])
    #expect(state.dialog == .landscape)
    #expect(press(&state, .character("v")) == [.startLandscape(.main, .random)])
    #expect(press(&state, .character("v")) == [.startLandscape(.main, .path)])
    #expect(press(&state, .character("v")) == [.startLandscape(.main, .line)])
    send(&state, .landscapeProgress(done: 10, total: 41))
    #expect(state.landscape.map { $0.progress == (10, 41) } == true)
    #expect(press(&state, .escape) == [.cancelExploration])
    #expect(state.dialog == nil && state.landscape == nil)
  }

  @Test("80x24: the progress bar while computing, then the line with init and now marked")
  func lineScreen() {
    var state = makeAppState(width: 80, height: 24)
    press(&state, .character("e"))
    send(&state, .landscapeProgress(done: 20, total: 41))
    expectSnapshot(
      view(state, snapshot: ViewFixture.snapshot(), glyphs: .ascii),
      [
        "+[ Hyperparameters ]-------++ Loss (whole run) --------------------------------+",
        "|>+[ Loss landscape: 1-D line ]----------------------------------------------+g|",
        "| | Training (green) and validation (yellow) loss on the straight line from  | |",
        "| | the initial weights (alpha 0) through the current ones (alpha 1).        | |",
        "| | Computing on a copy of the weights: [############## ] 20/41              | |",
        "| |                                                                          | |",
        "| |                                                                          | |",
        "| |                                                                          | |",
        "| |                                                                          |.|",
        "| |                                                                          |-|",
        "| |                                                                          | |",
        "| |                                                                          |-+",
        "| |                               computing...                               |-+",
        "| |                                                                          |v|",
        "| |                                                                          | |",
        "| |                                                                          | |",
        "| |                                                                          | |",
        "| |                                                                          | |",
        "| |                                                                          |v|",
        "| |                                                                          | |",
        "| |                                                                          | |",
        "+-| v: 1-D line / 2-D random / 2-D path  Enter: recompute  Esc: close        |-+",
        "ru+--------------------------------------------------------------------------+  ",
        "vanishing gradients in layer 1: try relu or he-normal     d: 2 findings  ?: keys",
      ])
    send(&state, .landscapeFinished(Self.line))
    expectSnapshot(
      view(state, snapshot: ViewFixture.snapshot(), glyphs: .ascii),
      [
        "+[ Hyperparameters ]-------++ Loss (whole run) --------------------------------+",
        "|>+[ Loss landscape: 1-D line ]----------------------------------------------+g|",
        "| | Training (green) and validation (yellow) loss on the straight line from  | |",
        "| | the initial weights (alpha 0) through the current ones (alpha 1).        | |",
        "| | Computed on a copy of the weights at step 1.5k; training goes on.        | |",
        "| | - train 0.225  - val 0.29                                            log | |",
        "| |                       init                             now               | |",
        "| |     |:||-....         :                                :                 | |",
        "| |     |   '''--:||--.   :                                :                 |.|",
        "| |    1+           ''-::||-..                             :                 |-|",
        "| |     |                 :'--:--..                        :                 | |",
        "| |  0.5+                 :    ''--:--..                   :                 |-+",
        "| |     |                 :         ''--:-.                :              .. |-+",
        "| |  0.2+                 :             '--::-.            :           .-:-- |v|",
        "| |     |                 :                  |.:--.        :        |':--'   | |",
        "| |  0.1+                 :                     '-:--..    :   .--''|'       | |",
        "| |     |                 :                       '--. '-----'' .-''         | |",
        "| | 0.05+                 :                           '-.....--'             | |",
        "| |     ++----------------+---------------+----------------+---------------+ |v|",
        "| |    -0.5               0              0.5               1             1.5 | |",
        "| |                                                                          | |",
        "+-| v: 1-D line / 2-D random / 2-D path  Enter: recompute  Esc: close        |-+",
        "ru+--------------------------------------------------------------------------+  ",
        "vanishing gradients in layer 1: try relu or he-normal     d: 2 findings  ?: keys",
      ])
  }

  @Test("120x40: the random-direction map and the path plane with its path")
  func mapScreens() {
    var state = makeAppState(width: 120, height: 40)
    press(&state, .character("e"), .character("v"))
    send(&state, .landscapeFinished(Self.map(kind: .random)))
    expectSnapshot(
      view(state, snapshot: ViewFixture.snapshot(), glyphs: .braille),
      [
        "┌[ Hyperparameters ]───────────────┐┌ Loss (whole run) ────────────────────────────────────┐┌ Accuracy ────────────────┐",
        "│>┌[ Loss landscape: 2-D random directions ]─────────────────────────────────────────────────────────────────────────┐r│",
        "│ │ Training loss around the current weights (+) along two random filter-normalized directions, [-1, 1] on each      │ │",
        "│ │ axis: a wide low basin is a flat minimum, a narrow one a sharp minimum.                                          │ │",
        "│ │ Computed on a copy of the weights at step 1.5k; training goes on.                                                │ │",
        "│ │                           ████████████████████████████████████████████████████████████                           │ │",
        "│ │                           ████████████████████████████████████████████████████████████                           │ │",
        "│ │                           ████████████████████████████████████████████████████████████                           │ │",
        "│ │                           ████████████████████████████████████████████████████████████                           │ │",
        "│ │                           ████████████████████████████████████████████████████████████                           │ │",
        "│ │                           ████████████████████████████████████████████████████████████                           │ │",
        "│ │                           ██████████▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓██████████                           │ │",
        "│ │                           ▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓                           │ │",
        "│ │                           ▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓                           │ │",
        "│ │                           ▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▒▒▒▒▒▒▒▒▒▒▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓                           │ │",
        "│ │                           ▓▓▓▓▓▓▓▓▓▓▓▓▓▓▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▓▓▓▓▓▓▓▓▓▓▓▓▓▓                           │ │",
        "│ │                           ▓▓▓▓▓▓▓▓▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▓▓▓▓▓▓▓▓                           │ │",
        "│ │                           ▓▓▓▓▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒░░░░░░░░░░░░░░░░░░░░░░▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▓▓▓▓                           │─│",
        "│ │                           ▓▓▒▒▒▒▒▒▒▒▒▒▒▒▒░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░▒▒▒▒▒▒▒▒▒▒▒▒▒▓▓                           │ │",
        "│ │                           ▒▒▒▒▒▒▒▒▒▒▒▒▒▒░░░░░░░·········+········░░░░░░░▒▒▒▒▒▒▒▒▒▒▒▒▒▒                           │─┘",
        "│ │                           ▒▒▒▒▒▒▒▒▒▒▒▒▒▒░░░░░░░··················░░░░░░░▒▒▒▒▒▒▒▒▒▒▒▒▒▒                           │─┐",
        "│ │                           ▓▓▒▒▒▒▒▒▒▒▒▒▒▒▒░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░▒▒▒▒▒▒▒▒▒▒▒▒▒▓▓                           │v│",
        "│ │                           ▓▓▓▓▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒░░░░░░░░░░░░░░░░░░░░░░▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▓▓▓▓                           │ │",
        "│ │                           ▓▓▓▓▓▓▓▓▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▓▓▓▓▓▓▓▓                           │ │",
        "│ │                           ▓▓▓▓▓▓▓▓▓▓▓▓▓▓▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▓▓▓▓▓▓▓▓▓▓▓▓▓▓                           │ │",
        "│ │                           ▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▒▒▒▒▒▒▒▒▒▒▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓                           │ │",
        "│ │                           ▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓                           │v│",
        "│ │                           ▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓                           │ │",
        "│ │                           ██████████▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓██████████                           │ │",
        "│ │                           ████████████████████████████████████████████████████████████                           │ │",
        "│ │                           ████████████████████████████████████████████████████████████                           │ │",
        "│ │                           ████████████████████████████████████████████████████████████                           │ │",
        "│ │                           ████████████████████████████████████████████████████████████                           │ │",
        "│ │                           ████████████████████████████████████████████████████████████                           │ │",
        "│ │                           ████████████████████████████████████████████████████████████                           │ │",
        "│ │ log scale: 0.02 ·░▒▓█ 2.32   + current                                                                           │ │",
        "│ │                                                                                                                  │ │",
        "└─│ v: 1-D line / 2-D random / 2-D path  Enter: recompute  Esc: close                                                │─┘",
        "ru└──────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘  ",
        "vanishing gradients in layer 1: try relu or he-normal                                             d: 2 findings  ?: keys",
      ])
    press(&state, .character("v"))
    send(&state, .landscapeFinished(Self.map(kind: .path)))
    expectSnapshot(
      view(state, snapshot: ViewFixture.snapshot(), glyphs: .ascii),
      [
        "+[ Hyperparameters ]---------------++ Loss (whole run) ------------------------------------++ Accuracy ----------------+",
        "|>+[ Loss landscape: 2-D training path ]-----------------------------------------------------------------------------+r|",
        "| | Training loss on the plane of the training path's two main directions; o: the weights at each evaluation, X the  | |",
        "| | current ones.                                                                                                    | |",
        "| | Computed on a copy of the weights at step 1.5k; training goes on.                                                | |",
        "| |                           @@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@                           | |",
        "| |                           @@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@                           | |",
        "| |                           @@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@                           | |",
        "| |                           @@@@@@@@@@@@@@@%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%@@@@@@@@@@@@@@@                           | |",
        "| |                           @@%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%@@                           | |",
        "| |                           %%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%                           | |",
        "| |                           %%%o~~%%%%%%%%%##############################%%%%%%%%%%%%%%%                           | |",
        "| |                           %%%%%~~~~#############################################%%%%%%                           | |",
        "| |                           ########~~~############**************#######################                           | |",
        "| |                           ##########*~~*************************************##########                           | |",
        "| |                           ####*********~~~***++++++++++++++++++++++***************####                           | |",
        "| |                           ************+++~~~+++++++++======+++++++++++++++************                           | |",
        "| |                           ********+++++++===o~~~=======================+++++++********                           |-|",
        "| |                           ******++++++=======---~~~~-::::::--------=======++++++******                           | |",
        "| |                           ****++++++=====------:::::~~~~X..::::::------=====++++++****                           |-+",
        "| |                           ****++++++=====------::::::......::::::------=====++++++****                           |-+",
        "| |                           ******++++++=======--------::::::--------=======++++++******                           |v|",
        "| |                           ********+++++++==============================+++++++********                           | |",
        "| |                           ************+++++++++++++++======+++++++++++++++************                           | |",
        "| |                           ####***************++++++++++++++++++++++***************####                           | |",
        "| |                           ##########****************************************##########                           | |",
        "| |                           #######################**************#######################                           |v|",
        "| |                           %%%%%%################################################%%%%%%                           | |",
        "| |                           %%%%%%%%%%%%%%%##############################%%%%%%%%%%%%%%%                           | |",
        "| |                           %%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%                           | |",
        "| |                           @@%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%@@                           | |",
        "| |                           @@@@@@@@@@@@@@@%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%@@@@@@@@@@@@@@@                           | |",
        "| |                           @@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@                           | |",
        "| |                           @@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@                           | |",
        "| |                           @@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@                           | |",
        "| | log scale: 0.02 .:-=+*#%@ 2.32   X current   o~~ path                                                            | |",
        "| |                                                                                                                  | |",
        "+-| v: 1-D line / 2-D random / 2-D path  Enter: recompute  Esc: close                                                |-+",
        "ru+------------------------------------------------------------------------------------------------------------------+  ",
        "vanishing gradients in layer 1: try relu or he-normal                                             d: 2 findings  ?: keys",
      ])
  }

  /// The line of a forked run: A's own line from its initial weights, and the line from A (alpha 0) to B
  /// (alpha 1) through a low ridge, B's valley wider than A's.
  static let forkedLine: LandscapeResult = {
    var result = line
    let alphas = result.grid.alphas
    let training = alphas.map { 0.03 + 3 * $0 * $0 * ($0 - 1) * ($0 - 1) + 0.4 * max(0, -$0) + 0.02 * $0 }
    result.branchLine = LandscapeGrid(
      alphas: alphas, betas: [0], trainingLoss: training, validationLoss: training.map { $0 * 1.1 + 0.01 })
    return result
  }()

  @Test("80x24: the forked line, from branch A at 0 to B at 1, alpha labelled -0.5 to 1.5")
  func forkedLineScreen() {
    var state = makeAppState(width: 80, height: 24)
    press(&state, .character("f"))
    #expect(press(&state, .character("e")) == [.startLandscape(.fork, .line)])
    send(&state, .landscapeFinished(Self.forkedLine))
    expectSnapshot(
      view(state, snapshot: ViewFixture.snapshot(), glyphs: .ascii),
      [
        "+[ A | B, editing B (b) ]--++ Loss (whole run) --------------------------------+",
        "|>+[ Loss landscape: 1-D line ]----------------------------------------------+g|",
        "| | Training (green) and validation (yellow) loss on the straight line from  | |",
        "| | the initial weights (alpha 0) through the current ones (alpha 1); cyan   | |",
        "| | and magenta: from branch A (0) to branch B (1).                          | |",
        "| | Computed on a copy of branch B at step 1.5k; training goes on.           | |",
        "| | - train 0.225  - val 0.29  - A-B train 1.75  - A-B val 1.93          log | |",
        "| |                      init/A                           now/B              | |",
        "| |    ||||-....         :                                :              .|- |.|",
        "| |   1+   |:'--|::||-.. :                                :            .||   |-|",
        "| |    |     '|.     '''||:||...                          :          .-'     | |",
        "| |    |       '|.       :   ''-::||.                     :        .|'       |-+",
        "| |    |         ||.     :          '||||...              :      .|'      .. |-+",
        "| |    |           ||    :       .|||||''''||||||..       :    .|'   ..-||'' |v|",
        "| |    |            '|.  :     ||'            '-:|||||    :   ||..--:--'     | |",
        "| | 0.1+             '|| :  .||'                 ''--:||||-||||'.-''         | |",
        "| |    |               ||.|:-'                       '--|-:-|--'             | |",
        "| |    |                '||                               :                  | |",
        "| |    ++----------------+----------------+---------------+----------------+ |v|",
        "| |   -0.5               0               0.5              1              1.5 | |",
        "| |                                                                          | |",
        "+-| v: 1-D line / 2-D random / 2-D path  Enter: recompute  Esc: close        |-+",
        "ru+--------------------------------------------------------------------------+  ",
        "forking: B copies A's weights and optimizer state; ed...  d: 2 findings  ?: keys",
      ])
  }

  @Test("80x24: the random map and the path plane keep their legend, the current mark and the path apart")
  func smallMapScreens() {
    var state = makeAppState(width: 80, height: 24)
    press(&state, .character("e"), .character("v"))
    send(&state, .landscapeFinished(Self.map(kind: .random)))
    expectSnapshot(
      view(state, snapshot: ViewFixture.snapshot(), glyphs: .braille),
      [
        "┌[ Hyperparameters ]───────┐┌ Loss (whole run) ────────────────────────────────┐",
        "│>┌[ Loss landscape: 2-D random directions ]─────────────────────────────────┐g│",
        "│ │ Training loss around the current weights (+) along two random            │ │",
        "│ │ filter-normalized directions, [-1, 1] on each axis: a wide low basin is  │ │",
        "│ │ a flat minimum, a narrow one a sharp minimum.                            │ │",
        "│ │ Computed on a copy of the weights at step 1.5k; training goes on.        │ │",
        "│ │                        ██████████████████████████                        │ │",
        "│ │                        ██████████████████████████                        │ │",
        "│ │                        ██████████████████████████                        │⣀│",
        "│ │                        ▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓                        │─│",
        "│ │                        ▓▓▓▓▓▓▒▒▒▒▒▒▒▒▒▒▒▒▒▒▓▓▓▓▓▓                        │ │",
        "│ │                        ▓▒▒▒▒▒▒░░░░░░░░░░░░▒▒▒▒▒▒▓                        │─┘",
        "│ │                        ▒▒▒▒▒░░░░····+···░░░░▒▒▒▒▒                        │─┐",
        "│ │                        ▓▒▒▒▒▒▒░░░░░░░░░░░░▒▒▒▒▒▒▓                        │v│",
        "│ │                        ▓▓▓▓▓▓▒▒▒▒▒▒▒▒▒▒▒▒▒▒▓▓▓▓▓▓                        │ │",
        "│ │                        ▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓                        │ │",
        "│ │                        ██████████████████████████                        │ │",
        "│ │                        ██████████████████████████                        │ │",
        "│ │                        ██████████████████████████                        │v│",
        "│ │ log scale: 0.02 ·░▒▓█ 2.32   + current                                   │ │",
        "│ │                                                                          │ │",
        "└─│ v: 1-D line / 2-D random / 2-D path  Enter: recompute  Esc: close        │─┘",
        "ru└──────────────────────────────────────────────────────────────────────────┘  ",
        "vanishing gradients in layer 1: try relu or he-normal     d: 2 findings  ?: keys",
      ])
    press(&state, .character("v"))
    send(&state, .landscapeFinished(Self.map(kind: .path)))
    expectSnapshot(
      view(state, snapshot: ViewFixture.snapshot(), glyphs: .braille),
      [
        "┌[ Hyperparameters ]───────┐┌ Loss (whole run) ────────────────────────────────┐",
        "│>┌[ Loss landscape: 2-D training path ]─────────────────────────────────────┐g│",
        "│ │ Training loss on the plane of the training path's two main directions;   │ │",
        "│ │ o: the weights at each evaluation, + the current ones.                   │ │",
        "│ │ Computed on a copy of the weights at step 1.5k; training goes on.        │ │",
        "│ │                       ████████████████████████████                       │ │",
        "│ │                       ████████████████████████████                       │ │",
        "│ │                       █o██████████████████████████                       │ │",
        "│ │                       ▓▓•••▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓                       │⣀│",
        "│ │                       ▓▓▓▓•••▓▓▓▓▓▒▒▒▒▓▓▓▓▓▓▓▓▓▓▓▓                       │─│",
        "│ │                       ▓▓▒▒▒▒▒•o•░░░░░░░░░▒▒▒▒▒▒▒▓▓                       │ │",
        "│ │                       ▒▒▒▒▒▒░░░░••••+···░░░░▒▒▒▒▒▒                       │─┘",
        "│ │                       ▒▒▒▒▒▒░░░░········░░░░▒▒▒▒▒▒                       │─┐",
        "│ │                       ▓▓▒▒▒▒▒▒▒░░░░░░░░░░▒▒▒▒▒▒▒▓▓                       │v│",
        "│ │                       ▓▓▓▓▓▓▓▓▓▓▓▓▒▒▒▒▓▓▓▓▓▓▓▓▓▓▓▓                       │ │",
        "│ │                       ▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓                       │ │",
        "│ │                       ████████████████████████████                       │ │",
        "│ │                       ████████████████████████████                       │ │",
        "│ │                       ████████████████████████████                       │v│",
        "│ │ log scale: 0.02 ·░▒▓█ 2.32   + current   o•• path                        │ │",
        "│ │                                                                          │ │",
        "└─│ v: 1-D line / 2-D random / 2-D path  Enter: recompute  Esc: close        │─┘",
        "ru└──────────────────────────────────────────────────────────────────────────┘  ",
        "vanishing gradients in layer 1: try relu or he-normal     d: 2 findings  ?: keys",
      ])
    expectSnapshot(
      view(state, snapshot: ViewFixture.snapshot(), glyphs: .ascii),
      [
        "+[ Hyperparameters ]-------++ Loss (whole run) --------------------------------+",
        "|>+[ Loss landscape: 2-D training path ]-------------------------------------+g|",
        "| | Training loss on the plane of the training path's two main directions;   | |",
        "| | o: the weights at each evaluation, X the current ones.                   | |",
        "| | Computed on a copy of the weights at step 1.5k; training goes on.        | |",
        "| |                       @@@@@@@@@@@@@@@@@@@@@@@@@@@@                       | |",
        "| |                       @@@@@@@%%%%%%%%%%%%%%@@@@@@@                       | |",
        "| |                       %o%%%%%%%%%%%%%%%%%%%%%%%%%%                       | |",
        "| |                       %%~~~####################%%%                       |.|",
        "| |                       ####~~~****************#####                       |-|",
        "| |                       ****+++~o~===========+++****                       | |",
        "| |                       **+++==---~~~~X:::---==+++**                       |-+",
        "| |                       **+++==---:::..:::---==+++**                       |-+",
        "| |                       ****+++==============+++****                       |v|",
        "| |                       #####******************#####                       | |",
        "| |                       %%%######################%%%                       | |",
        "| |                       %%%%%%%%%%%%%%%%%%%%%%%%%%%%                       | |",
        "| |                       @@@@@@@%%%%%%%%%%%%%%@@@@@@@                       | |",
        "| |                       @@@@@@@@@@@@@@@@@@@@@@@@@@@@                       |v|",
        "| | log scale: 0.02 .:-=+*#%@ 2.32   X current   o~~ path                    | |",
        "| |                                                                          | |",
        "+-| v: 1-D line / 2-D random / 2-D path  Enter: recompute  Esc: close        |-+",
        "ru+--------------------------------------------------------------------------+  ",
        "vanishing gradients in layer 1: try relu or he-normal     d: 2 findings  ?: keys",
      ])
  }

  @Test("A path plane without a path yet says why")
  func failure() {
    var state = makeAppState()
    press(&state, .character("e"), .character("v"), .character("v"))
    send(&state, .landscapeFailed("no training path yet: train past a few evaluations first"))
    let screen = view(state, snapshot: ViewFixture.snapshot(), glyphs: .ascii).lines.joined(separator: "\n")
    #expect(screen.contains("Cannot compute: no training path yet"), "\(screen)")
  }
}
