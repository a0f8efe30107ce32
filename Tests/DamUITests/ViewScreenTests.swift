import DamScreenTesting
import DamTraining
import Testing

@testable import DamUI

@Suite("Whole screens")
struct ViewScreenTests {
  @Test("80x24: parameters, loss chart, compact gradients and the status bar")
  func smallScreen() {
    expectSnapshot(
      ViewFixture.screen(makeAppState(width: 80, height: 24)),
      [
        "┌[ Hyperparameters ]───────┐┌ Loss (whole run) ────────────────────────────────┐",
        "│> learning rate      0.03 ││─ train ema 0.9 0.074  · val 0.115             log│",
        "│  L1                    0 ││                      lr 0.1 -> 0.03              │",
        "│  L2                    0 ││   │⠉⠒⠶⢄⣀⡀            ┆                           │",
        "│  dropout               0 ││0.5┤     ⠈⠉⠓⠢⠦⣀⣀      ┆                           │",
        "│  init     xavier-uniform ││   │           ⠈⠉⠚⠒⠤⠦⣀⠄ ⢀                         │",
        "│  init gain             1 ││0.2┤                  ⠉⠉⠒⠒⠢⢅⣀⣂ ⠠ ⢀                │",
        "│  init value          0.1 ││   │                  ┆      ⠈⠉⠙⠒⠒⠤⠤⢅⣀⡁⡀⠐ ⠠  ⠄ *  │",
        "│  optimizer          adam ││0.1┤                  ┆               ⠈⠈⠉⠉⠒⠒⠒⠤⠤⠤⢄⣀│",
        "│  batch size           32 ││   └┬──────────┬───────────┬──────────┬───────────│",
        "│  schedule       constant ││    0         500         1k        1.5k          │",
        "│  decay rate          0.5 │└──────────────────────────────────────────────────┘",
        "│  decay steps        1000 │┌ Gradient norms ──────────────────────────────────┐",
        "│  momentum            0.9 ││L1 ████       ···············             2.6e-7 v│",
        "│  beta1               0.9 ││L2 █████████████████▉········               0.02  │",
        "│  beta2             0.999 ││L3 ████████████████████▍·····               0.15  │",
        "│  clip norm           off ││              1e-4         10                     │",
        "│  activation         tanh ││Gradient history                                  │",
        "│  hidden         [16, 16] ││L1 ░░░░░░░░░░░░░░░░░░░░░░░░░░░░░················ v│",
        "│  batch norm        false ││L2 ▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒  │",
        "│  dataset          spiral ││L3 ▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒  │",
        "└──────────────────────────┘└──────────────────────────────────────────────────┘",
        "running | step 2000 | epoch 12 | loss 0.061 | val 0.083 | acc 95.5% | default   ",
        "vanishing gradients in layer 1: try relu or he-normal     d: 2 findings  ?: keys",
      ])
  }

  @Test("120x40 adds the accuracy chart and stacks the gradient history under the bars")
  func mediumScreen() {
    expectSnapshot(
      ViewFixture.screen(makeAppState(width: 120, height: 40)),
      [
        "┌[ Hyperparameters ]───────────────┐┌ Loss (whole run) ────────────────────────────────────┐┌ Accuracy ────────────────┐",
        "│> learning rate              0.03 ││─ train ema 0.9 0.074  · val 0.115  * best 0.115   log││─ train 0.989       linear│",
        "│  L1                            0 ││░ batch                                               ││─ val 0.969               │",
        "│  L2                            0 ││                        lr 0.1 -> 0.03                ││   │             ⢀⡠⠔⢒⣒⣒⠭⠭ │",
        "│  dropout                       0 ││   │⠑⠤⣀                 ┆                             ││   │          ⣀⢔⡪⠕⠊⠉⠁     │",
        "│  init             xavier-uniform ││   │  ⠈⠒⠤⡄              ┆                             ││0.9┤        ⡠⡪⠒⠁          │",
        "│  init gain                     1 ││0.5┤     ⠈⠑⠴⡀           ┆                             ││   │      ⢀⡮⠊             │",
        "│  init value                  0.1 ││   │        ⠈⠑⠥⣀⠠       ┆                             ││   │     ⢀⡾⠁              │",
        "│  optimizer                  adam ││   │           ⠈⠑⠢⣀⠂    ┆                             ││0.8┤    ⢀⡾⠁               │",
        "│  batch size                   32 ││   │               ⠑⠢⢌⡀ ⠄                             ││   │   ⢠⡳⠁                │",
        "│  schedule               constant ││   │                  ⠈⠣⠤⡀⠐  ⡀                        ││0.7┤  ⢠⡳⠁                 │",
        "│  decay rate                  0.5 ││0.2┤                    ┆⠈⠉⠢⢤⡀ ⠂ ⢀                    ││   │  ⣼⠁                  │",
        "│  decay steps                1000 ││   │                    ┆    ⠈⠑⠢⢄⡀  ⠂ ⢀               ││   │ ⢠⡇                   │",
        "│  momentum                    0.9 ││   │                    ┆        ⠈⠑⠤⢄⡀   ⠁ ⠠  ⡀       ││0.6┤ ⣼                    │",
        "│  beta1                       0.9 ││   │                    ┆            ⠈⠉⠒⠤⣀⡀     ⠈  *  ││   │⢠⡇                    │",
        "│  beta2                     0.999 ││0.1┤                    ┆                 ⠉⠑⠒⠤⣀⡀      ││   │⣸                     │",
        "│  clip norm                   off ││   │                    ┆                      ⠈⠉⠑⠒⠤⢄⣀││0.5┤⡏                     │",
        "│  activation                 tanh ││   └┬───────────┬────────────┬───────────┬────────────││   └┬──────────┬──────────│",
        "│  hidden                 [16, 16] ││    0          500          1k         1.5k           ││    0         1k          │",
        "│  batch norm                false │└──────────────────────────────────────────────────────┘└──────────────────────────┘",
        "│  dataset                  spiral │┌ Gradient norms ──────────────────────────────────────────────────────────────────┐",
        "│  samples                     500 ││L1 ███████▌             ···························                       2.6e-7 v│",
        "│  noise                       0.1 ││L2 █████████████████████████████████▌··············                         0.02  │",
        "│  train samples               all ││L3 ██████████████████████████████████████▏·········                         0.15  │",
        "│  train fraction              0.5 ││                        1e-4                     10                               │",
        "│  normalize              standard ││Gradient history                                                                  │",
        "│  feature scale                 1 ││L1 ░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░··························· v│",
        "│  augment                       0 ││L2 ▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒  │",
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
        "running | step 2000 | epoch 12 | loss 0.061 | val 0.083 | acc 95.5% | 51.2k/s | 200 steps/s | default                   ",
        "vanishing gradients in layer 1: try relu or he-normal                                             d: 2 findings  ?: keys",
      ])
  }

  @Test("200x60 shows bars, history and layer health side by side")
  func largeScreen() {
    expectSnapshot(
      ViewFixture.screen(makeAppState(width: 200, height: 60)),
      [
        "┌[ Hyperparameters ]───────────────────┐┌ Loss (whole run) ───────────────────────────────────────────────────────────────────────────────────────┐┌ Accuracy ─────────────────────────────────────────┐",
        "│> learning rate                  0.03 ││─ train ema 0.9 0.074  · val 0.115  * best 0.115  ░ batch                                             log││─ train 0.989  ─ val 0.969                   linear│",
        "│  L1                                0 ││                                            lr 0.1 -> 0.03                                               ││    │                                 ⣀⣀⡠⠤⠔⠒⠒⠒⠒⠉⠁  │",
        "│  L2                                0 ││   │⠑⢄⡀                                     ┆                                                            ││    │                           ⣀⠤⠒⠒⠉⠉⣀⣀⡠⠤⠔⠒⠒⠒⠒⠉⠁  │",
        "│  dropout                           0 ││   │  ⠈⠑⢄⡄                                  ┆                                                            ││0.95┤                       ⡠⠔⠒⠉⣀⠤⠒⠒⠉⠉             │",
        "│  init                 xavier-uniform ││   │     ⠈⠑⠤⡀                               ┆                                                            ││    │                    ⡠⠒⠉⡠⠔⠒⠉                   │",
        "│  init gain                         1 ││   │        ⠈⠑⠥⣀                            ┆                                                            ││ 0.9┤                 ⢀⠔⠉⢀⠔⠊                       │",
        "│  init value                      0.1 ││0.5┤           ⠈⠑⠢⣀⠂                        ┆                                                            ││    │                ⡠⢃⠔⠊⠁                         │",
        "│  optimizer                      adam ││   │              ⠈⠉⠢⣀  ⡀                   ┆                                                            ││    │              ⡠⠊⡠⠃                            │",
        "│  batch size                       32 ││   │                  ⠉⠢⢄⡀                  ┆                                                            ││0.85┤            ⢀⠎⡠⠊                              │",
        "│  schedule                   constant ││   │                     ⠈⠒⠤⣀⠁              ┆                                                            ││    │           ⢀⢎⠎                                │",
        "│  decay rate                      0.5 ││   │                        ⠉⠑⠦⣀⡀ ⠂         ┆                                                            ││ 0.8┤          ⢠⢃⠎                                 │",
        "│  decay steps                    1000 ││   │                           ⠈⠉⠢⢄⡀   ⠄    ┆                                                            ││    │         ⡰⢡⠃                                  │",
        "│  momentum                        0.9 ││   │                               ⠈⠒⠤⣀     ⡀                                                            ││    │        ⡰⡱⠁                                   │",
        "│  beta1                           0.9 ││   │                                  ⠈⠑⠒⢄⡀ ┆                                                            ││0.75┤       ⢠⡳⠁                                    │",
        "│  beta2                         0.999 ││   │                                      ⠉⠑⠤⣀   ⠁                                                       ││    │      ⢀⢧⠃                                     │",
        "│  clip norm                       off ││   │                                        ┆ ⠉⠒⠤⡀    ⠈                                                  ││ 0.7┤      ⣎⠇                                      │",
        "│  activation                     tanh ││0.2┤                                        ┆    ⠈⠑⠒⢄⣀     ⠈                                             ││    │     ⡸⡎                                       │",
        "│  hidden                     [16, 16] ││   │                                        ┆        ⠐⠑⠤⣀⢀      ⠈                                        ││    │    ⢰⡹                                        │",
        "│  batch norm                    false ││   │                                        ┆            ⠁⠑⠢⢄⡀       ⠈    ⢀                              ││0.65┤    ⣷⠁                                        │",
        "│  dataset                      spiral ││   │                                        ┆               ⠈⠈⠉⠒⠤⣀             ⠠                         ││    │   ⢸⡇                                         │",
        "│  samples                         500 ││   │                                        ┆                    ⠈⠉⠒⠢⢄⡀             ⠐                    ││ 0.6┤   ⣿                                          │",
        "│  noise                           0.1 ││   │                                        ┆                        ⠈⠈⠑⠒⠤⣀⡀             ⠈    ⠠          ││    │  ⡸⡇                                          │",
        "│  train samples                   all ││   │                                        ┆                              ⠈⠑⠲⢢⢄⡀                  *     ││    │ ⢀⡿                                           │",
        "│  train fraction                  0.5 ││0.1┤                                        ┆                                 ⠈⠈⠉⠊⠒⠔⢄⢄⡀                  ││0.55┤ ⣸⠇                                           │",
        "│  normalize                  standard ││   │                                        ┆                                        ⠁⠈⠉⠲⠤⡠⣀⢀            ││    │⢠⡻                                            │",
        "│  feature scale                     1 ││   │                                        ┆                                              ⠁⠁⠉⠑⠒⠔⡤⣀⢀⢀    ││ 0.5┤⣼⠃                                            │",
        "│  augment                           0 ││   │                                        ┆                                                   ⠈⠈⠁⠉⠊⠊⠒⠢⢢││    │⡜                                             │",
        "│                                      ││   └┬─────────┬─────────┬─────────┬─────────┬─────────┬─────────┬─────────┬─────────┬─────────┬──────────││    └┬──────────┬───────────┬──────────┬───────────│",
        "│                                      ││    0        200       400       600       800       1k       1.2k      1.4k      1.6k      1.8k         ││     0         500         1k        1.5k          │",
        "│                                      │└─────────────────────────────────────────────────────────────────────────────────────────────────────────┘└───────────────────────────────────────────────────┘",
        "│                                      │┌ Gradient norms ──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┐",
        "│                                      ││L1 ███████▏            ·························                      2.6e-7 v  Gradient history                                                              │",
        "│                                      ││L2 ███████████████████████████████▌·············                        0.02    L1 ░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░·························· v│",
        "│                                      ││L3 ███████████████████████████████████▉·········                        0.15    L2 ▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒  │",
        "│                                      ││                       1e-4                   10                                L3 ▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒▒  │",
        "│                                      ││                                                                                1e-8 ·░▒▓█ 100k                                                               │",
        "│                                      ││                                                                                Layer health                                                                  │",
        "│                                      ││                                                                                layer        upd/w act mean  act std     sat    dead                          │",
        "│                                      ││                                                                                L1        2e-5 low      0.8      0.3    !62%       -                          │",
        "│                                      ││                                                                                L2       1.2e-3 ok      0.4      0.3      5%       -                          │",
        "│                                      ││                                                                                L3         8e-4 ok      0.1      0.3      5%       -                          │",
        "│                                      ││                                                                                                                                                              │",
        "│                                      ││                                                                                                                                                              │",
        "│                                      ││                                                                                                                                                              │",
        "│                                      ││                                                                                                                                                              │",
        "│                                      ││                                                                                                                                                              │",
        "│                                      ││                                                                                                                                                              │",
        "│                                      ││                                                                                                                                                              │",
        "│                                      ││                                                                                                                                                              │",
        "│                                      ││                                                                                                                                                              │",
        "│                                      ││                                                                                                                                                              │",
        "│                                      ││                                                                                                                                                              │",
        "│                                      ││                                                                                                                                                              │",
        "│                                      ││                                                                                                                                                              │",
        "│                                      ││                                                                                                                                                              │",
        "│                                      ││                                                                                                                                                              │",
        "└──────────────────────────────────────┘└──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────┘",
        "running | step 2000 | epoch 12 | loss 0.061 | val 0.083 | acc 95.5% | 51.2k/s | 200 steps/s | default                                                                                                   ",
        "vanishing gradients in layer 1: try relu or he-normal                                                                                                                             d: 2 findings  ?: keys",
      ])
  }

  @Test("50x15 is too small: it names the minimum and says q quits")
  func tooSmallScreen() {
    expectSnapshot(
      ViewFixture.screen(makeAppState(width: 50, height: 15)),
      [
        "                                                  ",
        "                                                  ",
        "                                                  ",
        "                                                  ",
        "                                                  ",
        "                                                  ",
        "         terminal too small (need 60x16)          ",
        "                    now 50x15                     ",
        "                     q quits                      ",
        "                                                  ",
        "                                                  ",
        "                                                  ",
        "                                                  ",
        "                                                  ",
        "                                                  ",
      ])
  }

  @Test("ASCII glyphs on a non-UTF-8 terminal: no character beyond ASCII")
  func asciiScreen() {
    let screen = ViewFixture.screen(makeAppState(width: 80, height: 24), glyphs: .ascii)
    expectSnapshot(
      screen,
      [
        "+[ Hyperparameters ]-------++ Loss (whole run) --------------------------------+",
        "|> learning rate      0.03 ||- train ema 0.9 0.074  . val 0.115             log|",
        "|  L1                    0 ||                      lr 0.1 -> 0.03              |",
        "|  L2                    0 ||   |'---..            :                           |",
        "|  dropout               0 ||0.5+     ''|--..      :                           |",
        "|  init     xavier-uniform ||   |           ''||-|.- .                         |",
        "|  init gain             1 ||0.2+                  '''--:.| - .                |",
        "|  init value          0.1 ||   |                  :       '''--|:.: - -  - *  |",
        "|  optimizer          adam ||0.1+                  :                ''''-----..|",
        "|  batch size           32 ||   ++----------+-----------+----------+-----------|",
        "|  schedule       constant ||    0         500         1k        1.5k          |",
        "|  decay rate          0.5 |+--------------------------------------------------+",
        "|  decay steps        1000 |+ Gradient norms ----------------------------------+",
        "|  momentum            0.9 ||L1 ####       ...............             2.6e-7 v|",
        "|  beta1               0.9 ||L2 #################=........               0.02  |",
        "|  beta2             0.999 ||L3 #################### .....               0.15  |",
        "|  clip norm           off ||              1e-4         10                     |",
        "|  activation         tanh ||Gradient history                                  |",
        "|  hidden         [16, 16] ||L1 ::::::::::::::::::::::::::::::::::::::::::::: v|",
        "|  batch norm        false ||L2 +++++++++++++++++++++++++++++++++++++++++++++  |",
        "|  dataset          spiral ||L3 +++++++++++++++++++++++++++++++++++++++++++++  |",
        "+--------------------------++--------------------------------------------------+",
        "running | step 2000 | epoch 12 | loss 0.061 | val 0.083 | acc 95.5% | default   ",
        "vanishing gradients in layer 1: try relu or he-normal     d: 2 findings  ?: keys",
      ])
    #expect(screen.lines.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) })
  }
}
