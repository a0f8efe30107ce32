import DamEngine
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Reads the per-thread allocation count of `bench/malloc-counter.c` when that library is preloaded
/// (`bench/check-allocations.sh` does it); nil otherwise.
private func allocationCounter() -> (@convention(c) () -> UInt)? {
  #if canImport(Glibc)
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "dam_thread_allocations") else { return nil }
    return unsafeBitCast(symbol, to: (@convention(c) () -> UInt).self)
  #else
    return nil
  #endif
}

/// Whether the environment demands the counter (`DAM_REQUIRE_ALLOCATION_COUNTER=1`, set by
/// `bench/check-allocations.sh`): then a missing library fails the test instead of skipping it.
private let counterRequired = ProcessInfo.processInfo.environment["DAM_REQUIRE_ALLOCATION_COUNTER"] == "1"

/// A training step allocates no heap memory after warm-up (run with `bench/check-allocations.sh`).
struct AllocationTests {
  @Test(
    "Training, evaluation and prediction allocate nothing after warm-up",
    .enabled(if: counterRequired || allocationCounter() != nil, "needs bench/check-allocations.sh"),
    arguments: [OutputHead.binary, .multiclass(classes: 4), .regression(outputs: 2)])
  func noAllocationsAfterWarmUp(head: OutputHead) throws {
    let count = try #require(
      allocationCounter(), "DAM_REQUIRE_ALLOCATION_COUNTER=1 but bench/malloc-counter.c is not preloaded")
    var h = Hyperparameters()
    h.optimizer = .adam
    h.l1 = 1e-4
    h.l2 = 1e-3
    h.dropout = 0.2
    h.clipNorm = 1
    h.schedule = .cosine
    let architecture = NetworkArchitecture(inputs: 5, hidden: [16, 9], activation: .tanh, head: head)
    var network = try Network<Float>(architecture: architecture, hyperparameters: h, seed: 1)
    let inputs: [Float] = TestData.inputs(count: 40, width: 5, seed: 2)
    let targets: [Float] = TestData.targets(for: head, count: 40, seed: 3)
    let indices = Array((0..<40).reversed())
    var output = [Float](repeating: 0, count: 40 * head.outputWidth)
    try inputs.withUnsafeBufferPointer { x in
      try targets.withUnsafeBufferPointer { t in
        try indices.withUnsafeBufferPointer { i in
          try output.withUnsafeMutableBufferPointer { y in
            func work() throws {
              for start in stride(from: 0, to: 40, by: 8) {
                let batchInputs = UnsafeBufferPointer(rebasing: x[(start * 5)..<((start + 8) * 5)])
                let batchTargets = UnsafeBufferPointer(
                  rebasing: t[(start * network.targetWidth)..<((start + 8) * network.targetWidth)])
                _ = try network.trainStep(inputs: batchInputs, targets: batchTargets, count: 8)
              }
              _ = try network.trainStep(samples: x, targets: t, indices: UnsafeBufferPointer(rebasing: i[0..<8]))
              _ = try network.evaluate(inputs: x, targets: t, count: 40)
              try network.predict(inputs: x, count: 40, into: y)
            }
            try work()  // warm-up: workspaces grow to the largest batch
            let before = count()
            for _ in 0..<10 { try work() }
            let after = count()
            #expect(after == before, "\(after - before) allocations in 10 rounds")
          }
        }
      }
    }
  }

  @Test(
    "Training and evaluation on two threads allocate nothing after warm-up: the worker pool's jobs are not boxed",
    .enabled(if: counterRequired || allocationCounter() != nil, "needs bench/check-allocations.sh"))
  func noAllocationsOnTwoThreads() throws {
    let count = try #require(
      allocationCounter(), "DAM_REQUIRE_ALLOCATION_COUNTER=1 but bench/malloc-counter.c is not preloaded")
    // Large enough that the first layer's products are split across the pool (see ThreadedTrainingTests).
    let (width, hidden, batch) = (64, 160, 208)
    let head = OutputHead.multiclass(classes: 10)
    var h = Hyperparameters()
    h.batchSize = batch
    h.dropout = 0.1
    let architecture = NetworkArchitecture(inputs: width, hidden: [hidden], activation: .relu, head: head)
    var network = try Network<Float>(architecture: architecture, hyperparameters: h, seed: 1)
    network.threads = 2
    network.keepsGradients = false
    let inputs: [Float] = TestData.inputs(count: batch, width: width, seed: 2)
    let targets: [Float] = TestData.targets(for: head, count: batch, seed: 3)
    try inputs.withUnsafeBufferPointer { x in
      try targets.withUnsafeBufferPointer { t in
        func work() throws {
          _ = try network.trainStep(inputs: x, targets: t, count: batch)
          _ = try network.evaluate(inputs: x, targets: t, count: batch)
        }
        try work()  // warm-up: workspaces grow, the pool starts
        let before = count()
        for _ in 0..<10 { try work() }
        let after = count()
        #expect(after == before, "\(after - before) allocations in 10 rounds")
      }
    }
  }
}
