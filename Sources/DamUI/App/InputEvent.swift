import DamScreen
import DamTraining

/// Everything the main loop tells the UI model, in the order it happened: input, terminal changes,
/// the session's state, and the results of earlier effects (Bubble Tea's messages).
public enum InputEvent: Sendable, Equatable {
  /// A key press.
  case key(KeyInput)
  /// A click or wheel turn.
  case mouse(MouseInput)
  /// The terminal now has this size.
  case resize(width: Int, height: Int)
  /// Quit now (SIGINT, SIGTERM, SIGHUP, or the input closed).
  case quit
  /// The session showed the lesson something new: an evaluation, or the end stop.
  case lessonObserved(LessonObservation)
  /// A frame went by with no input (about every 33 ms); expires status messages.
  case tick
  /// The session is now running, paused or diverged.
  case runState(RunState)
  /// The settings `branch`'s session reports, with the edits it has not acknowledged yet laid over them:
  /// the settings asked for (pending model changes included) and the model its weights were drawn with.
  case sessionSettings(Branch, settings: Preset, appliedModel: ModelSpec)
  /// The session's findings changed (root cause first); the findings dialog lists these.
  case findings([Finding])
  /// The session's recorded changes (the loss chart's markers) changed; the findings dialog lists these.
  case changes([ChangeMarker])
  /// Whether the run now has data for the data panel (classification accuracy) changed.
  case dataPanel(inUse: Bool)
  /// The preset asked for by `Effect.loadPreset` is loaded and a new session runs on it.
  case presetLoaded(Preset)
  /// The preset `name` could not be loaded; the current session goes on.
  case presetLoadFailed(name: String, message: String)
  /// `Effect.savePreset` wrote preset `name` to `path`.
  case presetSaved(name: String, path: String)
  /// `Effect.savePreset` failed; `fileExists` when only an existing file stood in the way.
  case presetSaveFailed(name: String, message: String, fileExists: Bool)
  /// The presets the picker offers changed.
  case presetListings([PresetListing])
  /// The fork asked for by `Effect.fork` runs, from session step `step`.
  case forked(step: Int)
  /// `Effect.keepBetterBranch` kept `choice.kept` and stopped the other branch, whose curve stays as
  /// `dropped` (a ghost from the same run start).
  case branchKept(BranchChoice, dropped: GhostRun)
  /// The range test asked for by `Effect.startRangeTest` has this curve so far (or final, with its end).
  case rangeTestProgress(LearningRateRangeResult)
  /// The check asked for by `Effect.startOverfitCheck` has these numbers so far (or final, with its
  /// verdict).
  case overfitCheckProgress(OverfitOneBatchReport)
  /// The check asked for by `Effect.startOverfitCheck` cannot run on this run (no training samples).
  case overfitCheckFailed(String)
  /// The survey asked for by `Effect.surveyInitialization`, made from `inputs`.
  case initializationSurveyed(InitializationExplorer.Outcome, inputs: InitializationExplorer.Inputs)
  /// The open initialization explorer's survey is out of date: the run's model, data or batch size
  /// changed.
  case initializationInputsChanged
  /// Fresh activations for the open neuron view, computed on a copy of the edited branch's weights.
  case neuronsComputed(NeuronActivations)
  /// The landscape asked for by `Effect.startLandscape` has `done` of its `total` points.
  case landscapeProgress(done: Int, total: Int)
  /// The landscape asked for by `Effect.startLandscape` is computed.
  case landscapeFinished(LandscapeResult)
  /// The landscape asked for by `Effect.startLandscape` cannot be computed (no training path yet).
  case landscapeFailed(String)
  /// A run ended (reset, re-initialization, preset load) and is kept on the chart as this ghost; the
  /// next run starts at its end step.
  case ghostCaptured(GhostRun)
  /// `Effect.listRuns` read these runs, newest first, or could not (`problem`: why, naming the folder).
  case runsListed([RunEntry], problem: String?)
  /// A run (`Effect.loadRunGhost`, `--compare`) is loaded as this ghost; the current run goes on.
  case runGhostLoaded(GhostRun)
  /// Run `name` could not be loaded as a ghost: why.
  case runGhostFailed(name: String, message: String)
  /// A line of `--record` could not be written (a full disk): why, and where the recording now ends.
  case recordingFailed(String)
  /// The session's run directory (or one of its files) cannot be written: why; training goes on.
  case runLogFailed(String)
}
