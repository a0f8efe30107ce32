import DamEngine
import Synchronization
import Testing

@testable import DamTraining

@Suite("Loss landscape of a trained run")
struct LossLandscapeTests {
  /// A `default` run trained for `steps` steps, evaluated at the end.
  private func trained(steps: Int = 300) throws -> (trainer: Trainer, final: EvaluationReport) {
    var run = HeadlessRun(trainer: try Trainer(preset: Preset(name: "test", source: .builtIn)), steps: steps)
    let result = try run.run()
    return (run.trainer, result.last)
  }

  @Test("At (0, 0) the losses equal the run's own train_loss and val_loss, with any thread count")
  func centreIsTheRun() throws {
    let (trainer, final) = try trained()
    var settings = LandscapeSettings()
    settings.gridSize = 3
    let slice = try #require(LandscapeSlice.plane(around: trainer, settings: settings))
    for threads in [1, 2] {
      let grid = try #require(LossLandscape(trainer: trainer).evaluate(slice, threads: threads))
      #expect(grid.trainingLoss[4] == final.trainingLoss)
      #expect(grid.validationLoss[4] == final.validationLoss)
      #expect(grid.trainingLoss.enumerated().allSatisfy { $0.offset == 4 || $0.element > final.trainingLoss })
    }
  }

  @Test("The line passes through the initial weights at alpha 0 and the current ones at alpha 1")
  func lineEnds() throws {
    let (trainer, final) = try trained()
    let settings = LandscapeSettings()
    let slice = LandscapeSlice.line(from: trainer.initialParameters, to: trainer.network.parameters, settings: settings)
    #expect(slice.alphas.count == 41 && slice.alphas[10] == 0 && slice.alphas[30] == 1)
    let line = try #require(LossLandscape(trainer: trainer).evaluate(slice, threads: 2))
    var initial = trainer.network
    try initial.setParameters(trainer.initialParameters)
    let start = try initial.evaluate(
      inputs: trainer.data.train.features, targets: trainer.data.train.targets, count: trainer.data.train.count)
    #expect(line.trainingLoss[10] == start.loss)
    #expect(abs(line.trainingLoss[30] - final.trainingLoss) < 1e-5 * final.trainingLoss)
    #expect(line.trainingLoss[30] < line.trainingLoss[10])
  }

  @Test("Random directions are seeded, and the same seed gives the same grid")
  func seeded() throws {
    let (trainer, _) = try trained(steps: 50)
    var settings = LandscapeSettings()
    settings.gridSize = 3
    let layout = trainer.network.layout
    let weights = trainer.network.parameters
    let a = LandscapeSlice.random(around: weights, layout: layout, settings: settings)
    let b = LandscapeSlice.random(around: weights, layout: layout, settings: settings)
    settings.seed = 2
    let c = LandscapeSlice.random(around: weights, layout: layout, settings: settings)
    #expect(a.first == b.first && a.second == b.second)
    #expect(a.first != c.first)
    for layer in 0..<layout.layerCount {
      let bias = layout.biasOffset[layer]..<layout.biasOffset[layer] + layout.fanOut[layer]
      #expect(a.first[bias].allSatisfy { $0 == 0 })
    }
  }

  @Test("The path plane is orthonormal, puts the current weights at (0, 0) and projects every evaluation")
  func pathPlane() throws {
    let (trainer, _) = try trained(steps: 600)
    let evaluations = 600 / trainer.preset.run.evalEvery + 1
    #expect(trainer.trajectory.points.count == evaluations)
    var settings = LandscapeSettings()
    settings.plane = .path
    settings.gridSize = 5
    let slice = try #require(LandscapeSlice.plane(around: trainer, settings: settings))
    let first = slice.first
    let second = try #require(slice.second)
    func dot(_ x: [Float], _ y: [Float]) -> Double { zip(x, y).reduce(0) { $0 + Double($1.0) * Double($1.1) } }
    #expect(abs(dot(first, first) - 1) < 1e-4 && abs(dot(second, second) - 1) < 1e-4)
    #expect(abs(dot(first, second)) < 1e-4)
    #expect(slice.path.count == evaluations + 1)
    #expect(slice.path.last == LandscapePoint(alpha: 0, beta: 0))
    let start = try #require(slice.path.first)
    #expect(abs(start.alpha) <= slice.alphas.last! && abs(start.beta) <= slice.betas.last!)
  }

  @Test("A cancelled computation stops and returns nothing; progress counts every point")
  func cancellationAndProgress() throws {
    let (trainer, _) = try trained(steps: 10)
    var settings = LandscapeSettings()
    settings.gridSize = 4
    let slice = LandscapeSlice.random(
      around: trainer.network.parameters, layout: trainer.network.layout, settings: settings)
    let cancellation = LandscapeCancellation()
    let seen = Mutex(0)
    let stopped = LossLandscape(trainer: trainer).evaluate(slice, cancellation: cancellation) { done, _ in
      if done == 3 { cancellation.cancel() }
      seen.withLock { $0 = max($0, done) }
    }
    #expect(stopped == nil)
    #expect(seen.withLock { $0 } == 3)
    let counted = Mutex([Int]())
    _ = LossLandscape(trainer: trainer).evaluate(slice, validation: false) { done, total in
      counted.withLock { $0.append(done * 100 + total) }
    }
    #expect(counted.withLock { $0 } == (1...16).map { $0 * 100 + 16 })
  }
}

@Suite("Symmetric eigen-decomposition")
struct SymmetricEigenTests {
  @Test("Jacobi finds the eigenpairs of a known symmetric matrix")
  func knownMatrix() {
    // [[2, 1, 0], [1, 2, 0], [0, 0, 5]]: eigenvalues 1, 3, 5.
    let (values, vectors) = SymmetricEigen.decompose([[2, 1, 0], [1, 2, 0], [0, 0, 5]])
    #expect(values.map { ($0 * 1e9).rounded() / 1e9 }.sorted() == [1, 3, 5])
    let matrix: [[Double]] = [[2, 1, 0], [1, 2, 0], [0, 0, 5]]
    for (value, vector) in zip(values, vectors) {
      for row in 0..<3 {
        let product = (0..<3).reduce(0) { $0 + matrix[row][$1] * vector[$1] }
        #expect(abs(product - value * vector[row]) < 1e-9)
      }
    }
  }
}
