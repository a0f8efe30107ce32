import DamEngine
import Foundation
import Testing

@testable import DamData

@Suite("Preparing data: split, determinism, train_samples")
struct PrepareTests {
  func spec(_ dataset: DataSpec.Source = .spiral, _ change: (inout DataSpec) -> Void = { _ in }) -> DataSpec {
    var spec = DataSpec()
    spec.dataset = dataset
    change(&spec)
    return spec
  }

  @Test("Splits follow train_fraction and together hold every sample once")
  func splitSizes() throws {
    let prepared = try spec(.circle) {
      $0.samples = 301
      $0.trainFraction = 0.7
      $0.normalize = .none
    }.prepare(seed: 1)
    #expect(prepared.train.count == 211 && prepared.validation.count == 90)
    var raw = SeededGenerator(seed: 1 ^ DataSpec.dataStreamSalt)
    let original = PlanarDatasets.circle(samples: 301, noise: 0.1, generator: &raw)
    func rows(_ data: Dataset) -> [[Float]] {
      (0..<data.count).map { Array(data.features[$0 * 2..<$0 * 2 + 2]) + [data.targets[$0]] }
    }
    let together = (rows(prepared.train) + rows(prepared.validation)).sorted { $0.lexicographicallyPrecedes($1) }
    #expect(together == rows(original).sorted { $0.lexicographicallyPrecedes($1) })
  }

  @Test("The same seed prepares identical data; another seed shuffles differently")
  func determinism() throws {
    for source in [DataSpec.Source.moons, .digits] {
      let s = spec(source)
      #expect(try s.prepare(seed: 9) == s.prepare(seed: 9))
      #expect(try s.prepare(seed: 9).validation.features != s.prepare(seed: 10).validation.features)
    }
  }

  @Test("The output head follows the data: binary, multiclass for digits, regression")
  func outputHeads() throws {
    #expect(try spec(.xor).prepare(seed: 1).outputHead == .binary)
    #expect(try spec(.digits).prepare(seed: 1).outputHead == .multiclass(classes: 10))
    #expect(try spec(.bump).prepare(seed: 1).outputHead == .regression(outputs: 1))
  }

  @Test("Digits ignore samples and split all 1,797 images")
  func digitsSplit() throws {
    let prepared = try spec(.digits) {
      $0.samples = 50
      $0.trainFraction = 0.8
    }.prepare(seed: 2)
    #expect(prepared.train.count == 1438 && prepared.validation.count == 359)
  }

  @Test("train_samples keeps only the first training samples and leaves validation bit-identical")
  func trainSamplesKeepValidation() throws {
    let base = spec(.spiral) { $0.samples = 2000 }
    let full = try base.prepare(seed: 4)
    for n in [10, 100, 1000] {
      let limited = try spec(.spiral) {
        $0.samples = 2000
        $0.trainSamples = n
      }.prepare(seed: 4)
      #expect(limited.validation == full.validation)
      #expect(limited.normalization == full.normalization)
      #expect(limited.train == full.train.prefix(n))
    }
  }

  @Test("train_samples beyond the training split is an error saying how large it may be")
  func trainSamplesTooLarge() {
    let error = dataError { () throws(DataError) in
      _ = try spec(.spiral) {
        $0.samples = 200
        $0.trainSamples = 150
      }.prepare(seed: 1)
    }
    #expect(error?.description.hasPrefix("data.train_samples = 150 is out of range; allowed: 1...100") == true)
  }

  @Test("Out-of-range values are errors naming the key and the range")
  func ranges() {
    func message(_ change: (inout DataSpec) -> Void) -> String? {
      dataError { () throws(DataError) in _ = try spec(.circle, change).prepare(seed: 1) }?.description
    }
    #expect(message { $0.samples = 49 } == "data.samples = 49 is out of range; allowed: 50...100000")
    #expect(message { $0.noise = 0.6 } == "data.noise = 0.6 is out of range; allowed: 0...0.5")
    #expect(message { $0.trainFraction = 0.95 } == "data.train_fraction = 0.95 is out of range; allowed: 0.1...0.9")
    #expect(message { $0.featureScale = 0.5 } == "data.feature_scale = 0.5 is out of range; allowed: 1...1000000")
    #expect(message { $0.augment = .nan } == "data.augment = nan is out of range; allowed: 0...1")
    #expect(message { $0.trainSamples = 0 } == "data.train_samples = 0 is out of range; allowed: at least 1")
  }

  @Test("A csv dataset needs path and target; a relative path resolves against the base directory")
  func csvSource() throws {
    #expect(
      dataError { () throws(DataError) in _ = try spec(.csv).prepare(seed: 1) }?.description
        == "dataset \"csv\" needs data.path")
    let path = try temporaryFile(
      "a,b,label\n" + (0..<40).map { "\($0),\($0 % 3),\($0 % 2 == 0 ? "even" : "odd")" }.joined(separator: "\n"))
    defer { removeTemporaryFile(path) }
    let folder = (path as NSString).deletingLastPathComponent
    var csv = spec(.csv) {
      $0.path = "data.csv"
      $0.trainFraction = 0.5
    }
    #expect(
      dataError { () throws(DataError) in _ = try csv.prepare(seed: 1, baseDirectory: folder) }
        == .missingKey(name: "target"))
    csv.target = "label"
    let prepared = try csv.prepare(seed: 1, baseDirectory: folder)
    #expect(prepared.train.count == 20 && prepared.validation.count == 20)
    #expect(prepared.train.classLabels == ["even", "odd"])
    #expect(csv.resolvedPath(baseDirectory: "/presets") == "/presets/data.csv")
    csv.path = "/abs/data.csv"
    #expect(csv.resolvedPath(baseDirectory: "/presets") == "/abs/data.csv")
  }
}
