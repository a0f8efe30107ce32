import DamKernelTable
import Testing

@testable import DamEngine

/// A network large enough that its biggest products are split across threads gives the same bits on
/// any number of threads: every head, every optimizer, the fused SGD update (its sums are added per
/// task) and evaluation.
struct ThreadedTrainingTests {
  /// 64 inputs, 160 hidden units, batches of 208: the first layer's forward and weight-gradient products
  /// (208 x 160 x 64 multiply-adds) are above the split threshold.
  private static let (inputs, hidden, batch) = (64, [160], 208)

  static let heads: [OutputHead] = [.binary, .multiclass(classes: 10), .regression(outputs: 3)]

  @Test("The threaded path is taken by this network's first layer")
  func networkIsSplit() {
    let split = BlockedGemm.ColumnSplit(m: Self.batch, n: Self.hidden[0], k: Self.inputs)
    #expect(split.taskCount > 1)
  }

  @Test(
    "Training and evaluation give the same bits on 1, 2, 3 and 4 threads",
    arguments: heads, OptimizerKind.allCases)
  func sameBits(head: OutputHead, optimizer: OptimizerKind) throws {
    var h = Hyperparameters()
    h.optimizer = optimizer
    h.batchSize = Self.batch
    h.l1 = 1e-4
    h.l2 = 1e-3
    h.dropout = 0.1
    let architecture = NetworkArchitecture(inputs: Self.inputs, hidden: Self.hidden, activation: .tanh, head: head)
    let inputs: [Float] = TestData.inputs(count: Self.batch, width: Self.inputs, seed: 5)
    let targets: [Float] = TestData.targets(for: head, count: Self.batch, seed: 6)
    func run(threads: Int) throws -> (results: [StepResult], evaluation: Evaluation, state: NetworkState<Float>) {
      var network = try Network<Float>(architecture: architecture, hyperparameters: h, seed: 3)
      network.threads = threads
      // Step 0 measures metrics; step 1 (plain SGD) fuses its update into the weight-gradient products.
      network.metricsInterval = 2
      network.keepsGradients = false
      var results: [StepResult] = []
      for _ in 0..<2 { results.append(try network.trainStep(inputs: inputs, targets: targets, count: Self.batch)) }
      let evaluation = try network.evaluate(inputs: inputs, targets: targets, count: Self.batch)
      return (results, evaluation, network.snapshot())
    }
    let one = try run(threads: 1)
    for threads in 2...4 {
      let many = try run(threads: threads)
      #expect(many.results == one.results, "\(threads) threads")
      #expect(many.evaluation == one.evaluation, "\(threads) threads")
      #expect(many.state.parameters == one.state.parameters, "\(threads) threads")
    }
  }
}
