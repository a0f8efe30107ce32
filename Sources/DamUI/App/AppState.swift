import DamEngine
import DamScreen
import DamTraining

/// Everything the screen shows that is not a training snapshot: the settings as the UI sees them, the
/// selection, focus, chart and gradient view options, the open dialog and the status message.
///
/// Change it only through `reduce(_:_:)`; compare two states to decide whether to redraw.
public struct AppState: Sendable, Equatable {
  /// How many ticks (frames of about 33 ms) a status message stays: about three seconds.
  public static let statusMessageTicks = 90

  /// The preset as loaded: `r` returns every setting to it.
  public internal(set) var preset: Preset
  /// The current settings, including model changes that wait for re-initialization.
  public internal(set) var settings: Preset
  /// The model the current weights were drawn with; model settings that differ are pending.
  public internal(set) var appliedModel: ModelSpec
  /// The presets the picker offers.
  public internal(set) var presets: [PresetListing]
  /// The index of the selected row in `ParameterCatalog.parameters`.
  public internal(set) var selectedIndex = 0
  /// The panel with keyboard focus.
  public internal(set) var focus = Focus.parameters
  /// The loss chart's vertical scale: logarithmic at start.
  public internal(set) var chartScale = AxisScale.logarithmic
  /// How much of the run the loss chart shows.
  public internal(set) var zoom = ChartZoom.wholeRun
  /// How the loss chart smooths the training loss.
  public internal(set) var smoothing = LossSmoothing.medium
  /// What the gradient panel shows.
  public internal(set) var gradientView = GradientView.bars
  /// Whether the weight view (`w`) stands in place of the gradient panel.
  public internal(set) var showsWeights = false
  /// The initialization explorer (`I`) while it stands in place of the gradient panel.
  public internal(set) var initialization: InitializationExplorer?
  /// The neuron view (`N`) while it stands in place of the chart, data and gradient panels.
  public internal(set) var neurons: NeuronView?
  /// The open dialog, if any.
  public internal(set) var dialog: AppDialog?
  /// A short message for the status line (what a key just did, or why it did nothing).
  public internal(set) var statusMessage: String?
  /// Ticks left before `statusMessage` disappears.
  var statusTicksLeft = 0
  /// The most steps per second, for the main run and the fork alike (`<` and `>` change it).
  public internal(set) var speed: TrainingSpeed
  /// Whether the session runs, waits or has diverged, as far as the UI knows.
  public internal(set) var runState = RunState.running
  /// Set once the user asked to quit.
  public internal(set) var isQuitting = false
  /// The session's current findings, root cause first, as the findings dialog lists them.
  public internal(set) var findings: [Finding] = []
  /// The main run's recorded changes, oldest first, as the findings dialog lists them.
  public internal(set) var changes: [ChangeMarker] = []
  /// Whether the run has data for the data panel (accuracies, a decision map or a confusion matrix);
  /// without it the chart takes the data panel's place in `layout`.
  public internal(set) var dataPanelInUse: Bool
  /// Where each panel goes on the current screen.
  public internal(set) var layout: AppLayout
  /// Earlier runs kept on the loss chart, oldest first (at most `GhostRun.capacity`).
  public internal(set) var ghosts: [GhostRun] = []
  /// The second branch after `f`, until `F` keeps one of the two.
  public internal(set) var fork: ForkedRun?
  /// The branch the parameter panel edits (`b` switches while forked).
  public internal(set) var editedBranch = Branch.main
  /// The learning-rate range test of the open range-test dialog.
  public internal(set) var rangeTest: RangeTestRun?
  /// The overfit-one-batch check of the open check dialog.
  public internal(set) var overfitCheck: OverfitCheckRun?
  /// The loss landscape of the open landscape view.
  public internal(set) var landscape: LandscapeRun?
  /// The session step the current run started at: 0, or the step of the latest reset or
  /// re-initialization (the loss chart starts there while it shows ghosts).
  public internal(set) var runStartStep = 0
  /// The lesson card, the run's progress toward the goal, and the end stop.
  public internal(set) var lesson: LessonState
  /// What the run browser (`R`) lists: nil until the runs are read.
  public internal(set) var runs: RunBrowserListing?

  /// The state at start: `preset` loaded and training at `speed`, the learning rate selected, the lesson
  /// card shown; the run stops at `run.steps` when `stopsAtEnd` (and the preset does not turn it off).
  public init(
    preset: Preset, presets: [PresetListing], width: Int, height: Int, speed: TrainingSpeed = .interactiveDefault,
    stopsAtEnd: Bool = true
  ) {
    lesson = LessonState(preset: preset, stopsAllowed: stopsAtEnd)
    self.speed = speed
    self.preset = preset
    self.settings = preset
    self.appliedModel = preset.model
    self.presets = presets
    dataPanelInUse = Self.hasDataPanel(preset)
    layout = AppLayout(width: width, height: height, dataPanelInUse: dataPanelInUse)
  }

  /// Whether the screen is below the minimum size: the view shows "terminal too small" and only the
  /// quit keys work.
  public var isTooSmall: Bool { layout.isTooSmall }

  /// The selected parameter.
  public var selectedParameter: TunableParameter { ParameterCatalog.parameters[selectedIndex] }

  /// The parameter panel's rows for the current settings, with the fork's values beside them while forked.
  public var parameterRows: [ParameterList.Row] {
    ParameterCatalog.rows(settings: settings, appliedModel: appliedModel, fork: fork)
  }

  /// The settings of the branch the panel edits.
  var editedSettings: Preset {
    get { editedBranch == .fork ? fork?.settings ?? settings : settings }
    set {
      if editedBranch == .fork, fork != nil { fork?.settings = newValue } else { settings = newValue }
    }
  }

  /// The model the edited branch's weights were drawn with.
  var editedAppliedModel: ModelSpec {
    editedBranch == .fork ? fork?.appliedModel ?? appliedModel : appliedModel
  }

  /// `command` for the session of the edited branch.
  func sendToEditedBranch(_ command: Command) -> Effect {
    editedBranch == .fork && fork != nil ? .sendFork(command) : .send(command)
  }

  /// The settings the current weights train with: `settings`, with the model they were drawn with
  /// (pending model changes left out).
  public var settingsInForce: Preset { Self.inForce(settings, drawnWith: appliedModel) }

  /// `settings` with the model of weights drawn with `model`, except the activation, which applies at once.
  static func inForce(_ settings: Preset, drawnWith model: ModelSpec) -> Preset {
    var inForce = settings
    inForce.model = model
    inForce.model.activation = settings.model.activation
    return inForce
  }

  /// The current run as a ghost to keep, its curve not captured yet (the main loop captures it from the
  /// latest snapshot before the run ends).
  public var currentRunGhost: GhostRun { GhostRun(settings: settingsInForce, startStep: runStartStep) }

  /// Whether `preset`'s data is expected to fill the data panel until the session says otherwise: its
  /// built-in data set is a classification (user CSV files count as one until their first snapshot).
  static func hasDataPanel(_ preset: Preset) -> Bool {
    switch preset.data.dataset {
    case .plane, .bump: false
    case .circle, .xor, .gauss, .spiral, .moons, .digits, .csv: true
    }
  }

  /// Lays the screen out again at its current size, e.g. after `dataPanelInUse` changed.
  mutating func relayout(width: Int, height: Int) {
    layout = AppLayout(width: width, height: height, dataPanelInUse: dataPanelInUse)
  }

  /// Adds `ghost` to the chart, dropping the oldest beyond `GhostRun.capacity`.
  mutating func keepGhost(_ ghost: GhostRun) {
    ghosts.append(ghost)
    if ghosts.count > GhostRun.capacity { ghosts.removeFirst(ghosts.count - GhostRun.capacity) }
  }

  /// Shows `message` on the status line for `statusMessageTicks` ticks.
  mutating func show(_ message: String) {
    statusMessage = message
    statusTicksLeft = Self.statusMessageTicks
  }
}
