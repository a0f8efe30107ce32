import DamData
import DamEngine
import Testing

@testable import DamTraining

@Suite("Preset parsing")
struct PresetParsingTests {
  @Test("Every lesson the issue names is shipped and built in")
  func lessonsAreShipped() {
    #expect(Set(BuiltInPresets.files.map(\.name)) == PresetTestSupport.lessonNames)
  }

  @Test("Every shipped preset parses, with a title and a description", arguments: BuiltInPresets.files.map(\.name))
  func shippedPresetParses(name: String) throws {
    let preset = try Preset.load(path: PresetTestSupport.presetsDirectory + "/\(name).toml")
    #expect(preset.name == name)
    #expect(!preset.title.isEmpty)
    #expect(preset.description.count > 80)
    #expect(preset.run.steps <= 5000)
  }

  @Test("An empty file is the default preset")
  func emptyFileIsDefault() throws {
    let preset = try PresetTestSupport.parse("")
    #expect(preset == Preset(name: "test", source: .file(path: "test.toml")))
  }

  @Test("Every key is read into its setting")
  func everyKeyIsRead() throws {
    let preset = try PresetTestSupport.parse(
      """
      title = "T"
      description = "D"
      [data]
      dataset = "csv"
      samples = 600
      noise = 0.2
      train_fraction = 0.6
      train_samples = 100
      normalize = "minmax"
      feature_scale = 10
      augment = 0.25
      path = "data/points.csv"
      target = "label"
      features = ["a", "b"]
      [model]
      hidden = [4, 3]
      activation = "leaky-relu"
      init = "uniform"
      init_gain = 2
      init_value = 0.5
      dropout = 0.1
      dropout_per_layer = [0.2, 0.3]
      [training]
      optimizer = "rmsprop"
      learning_rate = 0.5
      momentum = 0.8
      beta1 = 0.7
      beta2 = 0.99
      rho = 0.95
      epsilon = 1e-6
      batch_size = 16
      l1 = 0.001
      l2 = 0.002
      schedule = "inverse-time"
      decay_rate = 0.3
      decay_steps = 200
      clip_norm = 5
      [run]
      seed = 42
      steps = 700
      eval_every = 7
      """)
    #expect(preset.title == "T" && preset.description == "D")
    var data = DataSpec()
    data.dataset = .csv
    data.samples = 600
    data.noise = 0.2
    data.trainFraction = 0.6
    data.trainSamples = 100
    data.normalize = .minmax
    data.featureScale = 10
    data.augment = 0.25
    data.path = "/base/data/points.csv"
    data.target = "label"
    data.features = ["a", "b"]
    #expect(preset.data == data)
    #expect(
      preset.model
        == ModelSpec(
          hidden: [4, 3], activation: .leakyRelu, initializer: Initializer(kind: .uniform, gain: 2, value: 0.5)))
    var training = Hyperparameters()
    training.optimizer = .rmsprop
    training.learningRate = 0.5
    training.momentum = 0.8
    training.beta1 = 0.7
    training.beta2 = 0.99
    training.rho = 0.95
    training.epsilon = 1e-6
    training.batchSize = 16
    training.l1 = 0.001
    training.l2 = 0.002
    training.schedule = .inverseTime
    training.decayRate = 0.3
    training.decaySteps = 200
    training.clipNorm = 5
    training.dropout = 0.1
    training.dropoutPerLayer = [0.2, 0.3]
    #expect(preset.training == training)
    #expect(preset.run == RunSpec(seed: 42, steps: 700, evalEvery: 7))
  }

  @Test("An integer is accepted where a decimal is expected")
  func integerForDecimal() throws {
    let preset = try PresetTestSupport.parse("[model]\ndropout = 0\n[training]\nlearning_rate = 1\nl2 = 0\n")
    #expect(preset.training.dropout == 0)
    #expect(preset.training.learningRate == 1)
  }

  @Test("Dotted keys and inline tables are the same keys")
  func dottedAndInlineKeys() throws {
    let preset = try PresetTestSupport.parse("training.learning_rate = 0.2\nmodel = { hidden = [3] }\n")
    #expect(preset.training.learningRate == 0.2)
    #expect(preset.model.hidden == [3])
  }

  @Test("A relative CSV path is resolved against the preset's folder, an absolute one kept")
  func csvPathResolution() throws {
    let relative = try PresetTestSupport.parse("[data]\ndataset = \"csv\"\npath = \"a.csv\"\ntarget = \"y\"\n")
    #expect(relative.data.path == "/base/a.csv")
    let absolute = try PresetTestSupport.parse("[data]\ndataset = \"csv\"\npath = \"/x/a.csv\"\ntarget = \"y\"\n")
    #expect(absolute.data.path == "/x/a.csv")
  }
}
