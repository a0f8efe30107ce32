import DamScreen
import DamTraining

/// The main screen: the hyperparameter panel on the left; on the right the loss chart (with the data
/// panel beside it where `AppLayout` has one in use) above the gradient panel; the status bar on the last
/// two rows; the neuron view (`N`) covers the chart, data and gradient panels while open. While forked, the data and gradient panels show the branch the parameter panel edits (`b`).
struct MainScreen {
  /// The UI state, including the layout.
  let state: AppState
  /// The session's latest snapshot, nil before the first.
  let snapshot: Snapshot?
  /// The fork's latest snapshot while a fork runs.
  var forkSnapshot: Snapshot?
  /// The glyphs to draw with.
  let glyphs: GlyphSet
  /// Whether the terminal shows colours.
  var colors = true

  /// Draws every panel into the rectangles of `state.layout`.
  func render(into buffer: inout ScreenBuffer) {
    let layout = state.layout
    ParameterPanel(state: state, glyphs: glyphs).render(in: layout.parameters, buffer: &buffer)
    let window = snapshot.map { StepWindow(zoom: state.zoom, history: $0.history, step: $0.step) }
    let edited = state.fork != nil && state.editedBranch == .fork ? forkSnapshot ?? snapshot : snapshot
    let editedWindow = edited.map { StepWindow(zoom: state.zoom, history: $0.history, step: $0.step) }
    let branch = state.fork == nil ? nil : state.editedBranch == .fork ? "B" : "A"
    if let edited, let editedWindow, !layout.data.isEmpty {
      var data = DataPanel(snapshot: edited, window: editedWindow, glyphs: glyphs, colors: colors)
      data.branch = branch
      data.render(in: layout.data, buffer: &buffer)
    }
    var chart = LossChartPanel(
      snapshot: snapshot, window: window, scale: state.chartScale, isFocused: state.focus == .chart, glyphs: glyphs)
    chart.smoothing = state.smoothing
    chart.ghosts = state.ghosts
    chart.currentSettings = state.settingsInForce
    chart.runStartStep = state.runStartStep
    if let forkSnapshot, let startStep = state.fork?.startStep { chart.fork = (forkSnapshot, startStep) }
    chart.render(in: layout.chart, buffer: &buffer)
    if let initialization = state.initialization {
      InitializationPanel(explorer: initialization, isFocused: state.focus == .gradients, glyphs: glyphs)
        .render(in: layout.gradients, buffer: &buffer)
    } else if state.showsWeights {
      WeightPanel(snapshot: edited, isFocused: state.focus == .gradients, glyphs: glyphs)
        .render(in: layout.gradients, buffer: &buffer)
    } else {
      var gradients = GradientPanel(
        snapshot: edited, window: editedWindow, view: state.gradientView, isFocused: state.focus == .gradients,
        glyphs: glyphs)
      gradients.branch = branch
      gradients.render(in: layout.gradients, buffer: &buffer)
    }
    if let neurons = state.neurons {
      let area = Rect(
        x: layout.chart.x, y: layout.chart.y, width: layout.screen.width - layout.chart.x,
        height: layout.gradients.maxY - layout.chart.y)
      let activation = (edited?.preset.model.activation).map(\.rawValue) ?? ""
      NeuronPanel(view: neurons, activation: activation, glyphs: glyphs, colors: colors).render(
        in: area, buffer: &buffer)
    }
    StatusLine(state: state, snapshot: snapshot, forkSnapshot: forkSnapshot).render(in: layout.status, buffer: &buffer)
  }
}
