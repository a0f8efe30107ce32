/// What a key on the main screen does; the key map binds keys to these.
public enum AppAction: Sendable, Hashable {
  /// Select the parameter above.
  case selectPrevious
  /// Select the parameter below.
  case selectNext
  /// Move the selected parameter's value by one step (or cycle its choice).
  case adjust(AdjustStep)
  /// Open the value entry for the selected parameter.
  case typeValue
  /// Pause a running session, or resume a paused or diverged one.
  case togglePause
  /// Train faster (`true`) or slower: the next speed on `TrainingSpeed.ladder`.
  case changeSpeed(faster: Bool)
  /// Take one training step (while paused).
  case stepOnce
  /// Draw fresh weights with the current (pending) initializer, gain and layout.
  case reinitialize
  /// Return every setting to the preset's.
  case resetToPreset
  /// Restore the newest finite checkpoint, or undo the last change.
  case rewind
  /// Open the preset picker.
  case openPresetPicker
  /// Open the name prompt to save the settings as a preset.
  case openSavePrompt
  /// Switch the loss chart between log and linear scale.
  case toggleChartScale
  /// Switch the loss chart between the whole run and the recent window.
  case toggleZoom
  /// Smooth the training loss on the chart by the next `LossSmoothing`.
  case cycleSmoothing
  /// Show the next gradient view.
  case cycleGradientView
  /// Show the weight view in place of the gradient panel, or the gradients again.
  case toggleWeights
  /// Show or hide the initialization explorer in place of the gradient panel.
  case toggleInitialization
  /// Show or hide the neuron view in place of the chart, data and gradient panels.
  case toggleNeurons
  /// Open the list of all findings.
  case openFindings
  /// Remove the earlier runs' curves from the loss chart.
  case clearGhosts
  /// Copy the run (weights and optimizer state) into a second branch that trains alongside.
  case fork
  /// Switch the branch the parameter panel edits.
  case switchBranch
  /// Keep the branch with the lower validation loss and drop the other.
  case keepBetterBranch
  /// Run a learning-rate range test on a copy of the weights.
  case rangeTest
  /// Run the overfit-one-batch check on a copy of the weights.
  case overfitCheck
  /// Compute the loss landscape around a copy of the weights.
  case landscape
  /// Move focus to the next panel.
  case focusNext
  /// Move focus to the previous panel.
  case focusPrevious
  /// Show or hide the lesson card.
  case toggleLessonCard
  /// Apply the lesson's suggested change with this number (1-9).
  case applyLessonTry(Int)
  /// Open the run browser: the runs kept under `runs/`, Enter loads one as a ghost.
  case openRunBrowser
  /// Apply the action the leading finding offers (`FindingAction`) as a recorded change.
  case applyFindingAction
  /// Open the key help.
  case openHelp
  /// Quit.
  case quit
}
