import ArgumentParser
import DamTraining

/// `dam-tui init-stats`: the initialization survey of a preset's network on one batch of its data, at
/// step 0, as a table or (`--json`) one JSON object per initializer.
struct InitStatsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init-stats",
    abstract: "Compare initializers on the preset's network at step 0: each layer's activation std and gradient norm.",
    discussion: """
      Initializers: zeros, normal 0.01, normal 1, xavier-uniform, he-normal, and the preset's own (marked *). \
      act_std is the standard deviation of each dense layer's output (after the activation; the logits for the \
      output layer) over one batch and all its units; grad_norm is ||dL/dW|| of the layer's weights from one \
      backward pass of the data loss. Nothing is trained.
      """)

  @OptionGroup var presetOptions: PresetOptions

  @Flag(help: "Print one JSON object per initializer (per-layer act_std and grad_norm arrays) instead of a table.")
  var json = false

  func run() throws {
    let preset = try presetOptions.load()
    let trainer: Trainer
    let survey: InitializationSurvey
    do {
      trainer = try Trainer(preset: preset)
    } catch {
      throw CommandFailure(error.message)
    }
    do {
      survey = try InitializationSurvey(trainer: trainer)
    } catch {
      throw CommandFailure("\(preset.source.displayName): \(error.description)")
    }
    if json {
      for line in InitializationSurveyText.jsonLines(survey) { print(line) }
    } else {
      print(InitializationSurveyText.table(survey))
    }
  }
}
