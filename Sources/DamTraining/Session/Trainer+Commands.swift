import DamData
import DamEngine

extension Trainer {
  /// Applies a settings command between two steps and returns the marker for the chart, if it changed
  /// anything. `pause`, `resume`, `step` and `stop` concern the loop that drives the trainer, not the
  /// trainer: they return nil.
  /// - Throws: `SessionError` when the command cannot apply (an invalid value, nothing to rewind); the
  ///   trainer is then unchanged.
  @discardableResult
  public mutating func apply(_ command: Command) throws(SessionError) -> ChangeMarker? {
    let marker: ChangeMarker?
    switch command {
    case .set(let override):
      let updated: Preset
      do {
        updated = try preset.applying([override])
      } catch {
        throw SessionError(error.description)
      }
      let diff = SettingsDiff(from: preset, to: updated)
      let dataBefore = data
      try adopt(updated)
      if !diff.isEmpty { window.markChange(atStep: step, sameData: data == dataBefore) }
      undoStack.append(preset)
      if undoStack.count > 64 { undoStack.removeFirst() }
      preset = updated
      marker = diff.isEmpty ? nil : ChangeMarker(step: step, summary: diff.summary)
    case .reinitialize:
      try rebuild(from: preset, keepStream: true)
      marker = ChangeMarker(step: step, summary: "re-initialized (\(preset.model.initializer.kind.rawValue))")
    case .resetToPreset:
      try rebuild(from: originalPreset, keepStream: false)
      preset = originalPreset
      undoStack.removeAll()
      marker = ChangeMarker(step: step, summary: "reset to preset")
    case .rewind:
      marker = try rewind()
    case .pause, .resume, .step, .stop:
      return nil
    }
    if let marker { history.recordChange(marker) }
    return marker
  }

  /// Puts what can change between steps into force; the rest waits for re-initialization.
  private mutating func adopt(_ updated: Preset) throws(SessionError) {
    var network = self.network
    var data = self.data
    var next = active
    next.title = updated.title
    next.description = updated.description
    next.run.steps = updated.run.steps
    next.run.evalEvery = updated.run.evalEvery
    next.training = updated.training
    next.model.activation = updated.model.activation
    if updated.data != active.data, updated.run.seed == active.run.seed {
      let prepared: PreparedData
      do {
        prepared = try updated.data.prepare(seed: updated.run.seed)
      } catch {
        throw SessionError("data: \(error)")
      }
      if prepared.featureCount == data.featureCount && prepared.outputHead == data.outputHead {
        try Self.checkBatchNorm(active.model, data: prepared)
        data = prepared
        next.data = updated.data
      }
    }
    do {
      try network.setHyperparameters(next.training)
    } catch {
      throw SessionError(error.description)
    }
    network.setActivation(next.model.activation)
    let dataChanged = data != self.data
    self.network = network
    self.data = data
    active = next
    if dataChanged {
      sampler = BatchSampler(count: data.train.count, network: &self.network)
      needsEvaluation = true
    }
  }

  /// Fresh weights for `target`. With `keepStream` (re-initialization) the network draws them from its own
  /// generator where the architecture and seed allow; otherwise (reset) everything is built from the
  /// target's seed exactly as at the start.
  private mutating func rebuild(from target: Preset, keepStream: Bool) throws(SessionError) {
    let sameData = target.data == active.data && target.run.seed == active.run.seed
    let data = sameData ? self.data : try Self.prepareData(target)
    try Self.checkBatchNorm(target.model, data: data)
    let architecture = target.model.architecture(inputs: data.featureCount, head: data.outputHead)
    var network: Network<Float>
    if keepStream && architecture == self.network.architecture {
      network = self.network
      do {
        try network.setHyperparameters(target.training)
        try network.reinitialize(with: target.model.initializer)
      } catch {
        throw SessionError(error.description)
      }
    } else {
      network = try Self.makeNetwork(target, data: data)
      if keepStream && target.run.seed == active.run.seed {
        network.generator = self.network.generator
        do {
          try network.reinitialize(with: target.model.initializer)
        } catch {
          throw SessionError(error.description)
        }
      }
    }
    network.metricsInterval = metricsInterval
    let layersChanged = network.architecture.layerCount != self.network.architecture.layerCount
    self.network = network
    initialParameters = network.parameters
    trajectory = WeightTrajectory()
    self.data = data
    active = target
    sampler = BatchSampler(count: data.train.count, network: &self.network)
    if layersChanged { history.restartLayers(count: network.architecture.layerCount) }
    restartMetrics()
  }

  /// After a divergence, the newest finite checkpoint; otherwise the settings before the last change.
  private mutating func rewind() throws(SessionError) -> ChangeMarker {
    if diverged {
      guard let checkpoint = checkpoints.newest else { throw SessionError("no finite checkpoint to rewind to") }
      do {
        try network.restore(checkpoint.network)
      } catch {
        throw SessionError(error.description)
      }
      if checkpoint.active.data != active.data || checkpoint.active.run.seed != active.run.seed {
        data = try Self.prepareData(checkpoint.active)
      }
      sampler = checkpoint.sampler
      preset = checkpoint.preset
      active = checkpoint.active
      restartMetrics(keepCheckpoints: true)
      return ChangeMarker(step: step, summary: "rewound to the weights of step \(FindingText.step(checkpoint.step))")
    }
    guard let previous = undoStack.last else { throw SessionError("nothing to rewind: no change to undo") }
    let diff = SettingsDiff(from: preset, to: previous)
    let dataBefore = data
    try adopt(previous)
    window.markChange(atStep: step, sameData: data == dataBefore)
    undoStack.removeLast()
    preset = previous
    return ChangeMarker(step: step, summary: "undo: " + diff.summary)
  }

  /// The weights changed under the metrics: forget the window, the divergence and old checkpoints.
  private mutating func restartMetrics(keepCheckpoints: Bool = false) {
    window = MetricWindow(layerCount: network.architecture.layerCount)
    findings = []
    diverged = false
    needsEvaluation = true
    if !keepCheckpoints {
      checkpoints.removeAll()
      takeCheckpoint()
    }
  }
}
