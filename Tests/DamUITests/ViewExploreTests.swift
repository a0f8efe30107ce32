import DamEngine
import DamScreen
import DamScreenTesting
import Foundation
import Testing

@testable import DamTraining
@testable import DamUI

/// Whole screens with ghost runs, a fork, the range test and the overfit check.
@Suite("Views: ghosts, forks and experiments")
struct ViewExploreTests {
  /// A run like `ViewFixture.snapshot` that, from step `forkStep` on, has its losses scaled by `factor`:
  /// the fork's view of the same run.
  static func forkSnapshot(steps: Int = 2000, forkStep: Int = 1200, factor: Double = 0.6) -> Snapshot {
    var snapshot = ViewFixture.snapshot(steps: steps)
    var history = TrainingHistory(layerCount: 3)
    for step in 0..<steps {
      let scale = step >= forkStep ? factor : 1
      let progress = Double(step)
      let loss = (0.7 * exp(-progress / 600) + 0.05 + 0.02 * sin(progress * 1.7)) * scale
      history.recordStep(step, loss: loss, layers: ViewFixture.layers(atStep: step))
      if step % 100 == 0 {
        let validation = (0.7 * exp(-progress / 650) + 0.07 + 0.004 * progress / 1000) * scale
        history.recordEvaluation(
          step, trainingLoss: loss, validationLoss: validation, trainingAccuracy: 0.9, validationAccuracy: 0.88)
      }
      if step == 800 { history.recordChange(ChangeMarker(step: 800, setting: "lr", from: "0.1", to: "0.03")) }
      if step == forkStep { history.recordChange(ChangeMarker(step: forkStep, setting: "lr", from: "0.03", to: "0.1")) }
    }
    snapshot.history = history
    snapshot.step = steps - 3
    snapshot.evaluation?.validationLoss = 0.052
    snapshot.evaluation?.trainingLoss = 0.04
    return snapshot
  }

  /// The default state forked at step 1200, the fork's learning rate raised, with both runs drawn.
  static func forkedScreen(width: Int, height: Int, glyphs: GlyphSet) -> ScreenBuffer {
    var state = makeAppState(width: width, height: height)
    press(&state, .character("f"), .right)
    send(&state, .forked(step: 1200), .tick)
    return view(state, snapshot: ViewFixture.snapshot(), forkSnapshot: forkSnapshot(), glyphs: glyphs)
  }

  @Test("120x40 fork: both branches' settings side by side, both curves with a legend, both in the status bar")
  func forkScreen() {
    let screen = Self.forkedScreen(width: 120, height: 40, glyphs: .braille)
    expectSnapshot(
      screen,
      [
        "┌[ A | B, editing B (b) ]──────────┐┌ Loss (whole run) ────────────────────────────────────┐┌ Accuracy ────────────────┐",
        "│> learning rate     0.03   0.0315 ││─ A train ema 0.9 0.074  · A val 0.115             log││─ train 0.9         linear│",
        "│  L1                   0        0 ││+ B train 0.0444  o B val 0.0691  * best 0.115        ││─ val 0.88                │",
        "│  L2                   0        0 ││░ batch                                               ││  0.9┤⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉ │",
        "│  dropout              0        0 ││                        2 changes                     ││     │                    │",
        "│  init          xavier-… xavier-… ││    │⠑⠢⣤                ┆                             ││     │                    │",
        "│  init gain            1        1 ││ 0.5┤   ⠉⠑⠢⢄⢀           ┆                             ││0.895┤                    │",
        "│  init value         0.1      0.1 ││    │       ⠉⠒⠲⢄⡀⡀      ┆                             ││     │                    │",
        "│  optimizer         adam     adam ││    │           ⠉⠒⠢⢔⡀ ⡀ ┆                             ││     │                    │",
        "│  batch size          32       32 ││    │               ⠉⠑⠢⠤⣐  ⡀                          ││     │                    │",
        "│  schedule      constant constant ││ 0.2┤                   ⠈⠉⠒⠤⢄⡈ ⠠  ⡀                   ││ 0.89┤                    │",
        "│  decay rate         0.5      0.5 ││    │                   ┆    ⠈⠑⠒⠤⢄⡀ ⠐  ⠄ ⢀            ││     │                    │",
        "│  decay steps       1000     1000 ││    │                   ┆         ⠈⠉⠒⠢⢄⣀    ⠂ ⠄ ⠠  *  ││     │                    │",
        "│  momentum           0.9      0.9 ││ 0.1┤                   ┆         o o  o⠉⠉⠒⠤⠤⣀⣀       ││0.885┤                    │",
        "│  beta1              0.9      0.9 ││    │                   ┆          +++++ o  o o⠉o⠒⠒⠢⠤⢄││     │                    │",
        "│  beta2            0.999    0.999 ││    │                   ┆               ++++++     o  ││     │                    │",
        "│  clip norm          off      off ││0.05┤                   ┆                     ++++++++││ 0.88┤⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀ │",
        "│  activation        tanh     tanh ││    └┬───────────┬───────────┬───────────┬────────────││     └┬─────────┬─────────│",
        "│  hidden        [16, 16] [16, 16] ││     0          500         1k         1.5k           ││      0        1k         │",
        "│  batch norm       false    false │└──────────────────────────────────────────────────────┘└──────────────────────────┘",
        "│  dataset         spiral   spiral │┌ Branch B: Gradient norms ────────────────────────────────────────────────────────┐",
        "│  samples            500      500 ││L1 ███████▌             ···························                       2.6e-7 v│",
        "│  noise              0.1      0.1 ││L2 █████████████████████████████████▌··············                         0.02  │",
        "│  train samples      all      all ││L3 ██████████████████████████████████████▏·········                         0.15  │",
        "│  train fractio      0.5      0.5 ││                        1e-4                     10                               │",
        "│  normalize     standard standard ││Gradient history                                                                  │",
        "│  feature scale        1        1 ││L1 ░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░··························· v│",
        "│  augment              0        0 ││L2 ▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒  │",
        "│                                  ││L3 ▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒  │",
        "│                                  ││1e-8 ·░▒▓█ 100k                                                                   │",
        "│                                  ││Layer health                                                                      │",
        "│                                  ││layer        upd/w act mean  act std     sat    dead                              │",
        "│                                  ││L1        2e-5 low      0.8      0.3    !62%       -                              │",
        "│                                  ││L2       1.2e-3 ok      0.4      0.3      5%       -                              │",
        "│                                  ││L3         8e-4 ok      0.1      0.3      5%       -                              │",
        "│                                  ││                                                                                  │",
        "│                                  ││                                                                                  │",
        "└──────────────────────────────────┘└──────────────────────────────────────────────────────────────────────────────────┘",
        "running | step 2000 | epoch 12 | A loss 0.061 | A val 0.083 | acc 95.5% | 51.2k/s | B loss 0.04 val 0.052 | default     ",
        "B: learning rate 0.0315                                                                           d: 2 findings  ?: keys",
      ])
  }

  @Test("80x24 fork in ASCII: the fork's curve keeps its + and o marks")
  func forkScreenASCII() {
    let screen = Self.forkedScreen(width: 80, height: 24, glyphs: .ascii)
    expectSnapshot(
      screen,
      [
        "+[ A | B, editing B (b) ]--++ Loss (whole run) --------------------------------+",
        "|> learning    0.03 0.0315 ||- A train ema 0.9 0.074  . A val 0.115         log|",
        "|  L1             0      0 ||                      2 changes                   |",
        "|  L2             0      0 ||0.6+''--.. .          :                           |",
        "|  dropout        0      0 ||0.4+      '''|--... . :                           |",
        "|  init      xav... xav... ||0.2+              '''-|-|..- . .                  |",
        "|  init gain      1      1 ||   |                  :    '''---|..: - - .  . *  |",
        "|  init valu    0.1    0.1 ||   |                  :        o+o++o'o'o'o--o-o..|",
        "|  optimizer   adam   adam ||   |                  :              +++++++++++++|",
        "|  batch siz     32     32 ||   ++----------+-----------+----------+-----------|",
        "|  schedule  con... con... ||    0         500         1k        1.5k          |",
        "|  decay rat    0.5    0.5 |+--------------------------------------------------+",
        "|  decay ste   1000   1000 |+ Branch B: Gradient norms ------------------------+",
        "|  momentum     0.9    0.9 ||L1 ####       ...............             2.6e-7 v|",
        "|  beta1        0.9    0.9 ||L2 #################=........               0.02  |",
        "|  beta2      0.999  0.999 ||L3 #################### .....               0.15  |",
        "|  clip norm    off    off ||              1e-4         10                     |",
        "|  activatio   tanh   tanh ||Gradient history                                  |",
        "|  hidden    [16... [16... ||L1 ::::::::::::::::::::::::::::::::::::::::::::: v|",
        "|  batch nor  false  false ||L2 +++++++++++++++++++++++++++++++++++++++++++++  |",
        "|  dataset   spiral spiral ||L3 +++++++++++++++++++++++++++++++++++++++++++++  |",
        "+--------------------------++--------------------------------------------------+",
        "running | step 2000 | A loss 0.061 | A val 0.083 | B loss 0.04 val 0.052        ",
        "B: learning rate 0.0315                                   d: 2 findings  ?: keys",
      ])
  }

  /// A run of 3000 steps reset at step 1500 after a learning-rate change: the first 1500 steps are the ghost.
  static func ghostState(width: Int, height: Int) -> (AppState, Snapshot) {
    var state = makeAppState(width: width, height: height)
    let snapshot = ViewFixture.snapshot(steps: 3000)
    press(&state, .right)
    let effects = press(&state, .character("r"))
    guard case .captureGhost(let ghost) = effects.first else { return (state, snapshot) }
    send(&state, .ghostCaptured(ghost.capturing(snapshot.history, through: 1500)), .tick)
    return (state, snapshot)
  }

  @Test("80x24 ghost in ASCII: the earlier run drawn with its number, labelled with what differed")
  func ghostScreenASCII() {
    let (state, snapshot) = Self.ghostState(width: 80, height: 24)
    expectSnapshot(
      view(state, snapshot: snapshot, glyphs: .ascii),
      [
        "+[ Hyperparameters ]-------++ Loss (this run and ghosts) ----------------------+",
        "|> learning rate      0.03 ||1 ghost 1: lr 0.0315, 1 change during the run: lr |",
        "|  L1                    0 ||0.15+.^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^1111    '  .|",
        "|  L2                    0 ||    |   '  -  .                           11111   |",
        "|  dropout               0 || 0.1+---..       '  '  -  . .                  111|",
        "|  init     xavier-uniform ||    |   ''----...              '  '  '  -  -  *   |",
        "|  init gain             1 ||    |          '''---....                         |",
        "|  init value          0.1 ||    |                    '''------.......         |",
        "|  optimizer          adam ||    |                                   ''''''''''|",
        "|  batch size           32 ||    ++--------------+-------------+--------------+|",
        "|  schedule       constant ||     0             500           1k           1.5k|",
        "|  decay rate          0.5 |+--------------------------------------------------+",
        "|  decay steps        1000 |+ Gradient norms ----------------------------------+",
        "|  momentum            0.9 ||L1 ###        ...............             1.4e-7 v|",
        "|  beta1               0.9 ||L2 #################=........               0.02  |",
        "|  beta2             0.999 ||L3 #################### .....               0.15  |",
        "|  clip norm           off ||              1e-4         10                     |",
        "|  activation         tanh ||Gradient history                                  |",
        "|  hidden         [16, 16] ||L1 ::::::::::::::::::::::::::::::::::::::::::::: v|",
        "|  batch norm        false ||L2 +++++++++++++++++++++++++++++++++++++++++++++  |",
        "|  dataset          spiral ||L3 +++++++++++++++++++++++++++++++++++++++++++++  |",
        "+--------------------------++--------------------------------------------------+",
        "running | step 3000 | epoch 12 | loss 0.061 | val 0.083 | acc 95.5% | default   ",
        "reset every setting to preset default; the old run st...  d: 2 findings  ?: keys",
      ])
  }

  @Test("A ghost shows without colour: its own glyph and label, not only a dim style")
  func ghostWithoutColour() {
    let (state, snapshot) = Self.ghostState(width: 120, height: 40)
    let screen = view(state, snapshot: snapshot, glyphs: .braille)
    let text = screen.lines.joined(separator: "\n")
    #expect(text.contains("1 ghost 1: lr 0.0315"))
    #expect(text.contains("Loss (this run and ghosts)"))
    let chart = state.layout.chart.inset(by: 1)
    let marks = (chart.y + 2..<chart.maxY).flatMap { y in (chart.x..<chart.maxX).map { screen[$0, y] } }
      .filter { $0.glyph == "1" }
    #expect(marks.count > 10)
    #expect(marks.allSatisfy { $0.style.dim })
  }

  @Test("The range test dialog draws loss against log learning rate and marks the suggestion")
  func rangeTestDialog() {
    var state = makeAppState(width: 80, height: 24)
    press(&state, .character("L"))
    var points: [LearningRateRangePoint] = []
    var average = 0.0
    for index in 0..<60 {
      let rate = 1e-5 * pow(10, Double(index) / 10)
      let loss = 0.7 - 0.5 / (1 + exp(-(log10(rate) + 2.5) * 3)) + (rate > 0.3 ? 4 * (rate - 0.3) : 0)
      average = 0.9 * average + 0.1 * loss
      points.append(
        LearningRateRangePoint(
          step: index, learningRate: rate, loss: loss, smoothedLoss: average / (1 - pow(0.9, Double(index + 1)))))
    }
    let result = LearningRateRangeResult(
      points: points, end: .diverged,
      suggestion: LearningRateSuggestion.suggest(from: points, settings: LearningRateRangeSettings(steps: 60)))
    send(&state, .rangeTestProgress(result))
    expectSnapshot(
      ViewFixture.screen(state, glyphs: .ascii),
      [
        "+[ Hyperparameters ]-------++ Loss (whole run) --------------------------------+",
        "|>+[ Learning-rate range test ]----------------------------------------------+g|",
        "| | Raising the learning rate from 1e-7 to 10 over 200 steps on a copy of    | |",
        "| | the weights; the live run is untouched.                                  | |",
        "| | Stopped after 60 steps: the loss diverged. Suggested learning rate:      | |",
        "| | 7.94e-3 (where the smoothed loss falls fastest before it turns up); now  | |",
        "| | 0.03.                                                                    | |",
        "| | . batch loss 30.8  - smoothed 10.4  * suggested 7.94e-3              log | |",
        "| |                                                   now 0.03               |.|",
        "| |   |                                               :                 .-'  |-|",
        "| |   |                                               :                .-    | |",
        "| | 10+                                               :              .' .-'  |-+",
        "| |   |                                               :            .'  .|    |-+",
        "| |   |                                               :           .' .|      |v|",
        "| |   |                                               :          - .|        | |",
        "| |  1+                 ......................        :        .' .|         | |",
        "| |   |                                    ''-|::*|---...       .|           | |",
        "| |   |                                          ''----..:::::|'             | |",
        "| |   +---------+----------------+----------------+----------------+-------- |v|",
        "| |           1e-6             1e-4             0.01               1         | |",
        "| |                                                                          | |",
        "+-| Enter: apply 7.94e-3  Esc: close                                         |-+",
        "ru+--------------------------------------------------------------------------+  ",
        "vanishing gradients in layer 1: try relu or he-normal     d: 2 findings  ?: keys",
      ])
  }

  @Test("The overfit check dialog gives the verdict, its sentence and the loss against the target")
  func overfitDialog() {
    var state = makeAppState(width: 80, height: 24)
    press(&state, .character("o"))
    let losses = (0..<120).map { 0.69 * exp(-Double($0) / 40) }
    send(
      &state,
      .overfitCheckProgress(
        OverfitOneBatchReport(
          verdict: .memorised, batchSize: 32, steps: 120, initialLoss: 0.69, lowestLoss: losses.last!,
          finalLoss: losses.last!, targetLoss: 0.0345, finalAccuracy: 1, losses: losses)))
    expectSnapshot(
      ViewFixture.screen(state, glyphs: .ascii),
      [
        "+[ Hyperparameters ]-------++ Loss (whole run) --------------------------------+",
        "|>+[ Overfit-one-batch check ]-----------------------------------------------+g|",
        "| | Verdict: memorised (passes)                                              | |",
        "| | Training a copy of the weights on one batch with L1, L2 and dropout off, | |",
        "| | for at most 500 steps; the live run is untouched.                        | |",
        "| | The network can memorise one batch: the loss on 32 samples fell from     | |",
        "| | 0.69 to 0.0352 (5% of its start) in 120 steps.                           | |",
        "| | - target 0.0345  - batch loss 0.0352                                 log | |",
        "| |     |||                                                                  |.|",
        "| |  0.5+ '|.                                                                |-|",
        "| |     |   '|.                                                              | |",
        "| |     |     ||                                                             |-+",
        "| |  0.2+      '|.                                                           |-+",
        "| |     |        '|.                                                         |v|",
        "| |  0.1+          ||                                                        | |",
        "| |     |           '|.                                                      | |",
        "| | 0.05+             ||                                                     | |",
        "| |     |...............|................................................... | |",
        "| |     +-------------+------------+-------------+------------+------------+ |v|",
        "| |                  100          200           300          400         500 | |",
        "| |                                                                          | |",
        "+-| Enter or Esc: close                                                      |-+",
        "ru+--------------------------------------------------------------------------+  ",
        "vanishing gradients in layer 1: try relu or he-normal     d: 2 findings  ?: keys",
      ])
  }
}
