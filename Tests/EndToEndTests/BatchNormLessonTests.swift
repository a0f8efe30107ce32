import Foundation
import Testing

/// The batch-norm lesson, run headless with its own seed by the release binary (see `LessonTests`): the
/// vanishing-gradients network trains once its hidden layers are batch-normalized, and the only
/// difference between the two runs is `model.batch_norm`.
@Suite("Batch normalization lesson")
struct BatchNormLessonTests {
  @Test("batch-norm: the eight sigmoid layers that cannot train without batch normalization train with it")
  func batchNormTrainsTheDeepSigmoidNet() throws {
    let normalized = try LessonTests.lesson("batch-norm")
    let plain = try LessonTests.lesson("batch-norm", settings: ["model.batch_norm=false"])
    // Measured (release, seed 4, step 1000): with batch norm first-layer gradient 0.52, last 0.073,
    // validation loss 0.196, accuracy 0.92; without it 5.5e-10 and 0.155, loss 0.691, accuracy 0.53.
    #expect(normalized.status == "completed")
    let first = try #require(normalized.last.layers.first?.gradientNorm)
    let last = try #require(normalized.last.layers.last?.gradientNorm)
    #expect(first > last / 10, "with batch norm: first \(first), last \(last)")
    let plainFirst = try #require(plain.last.layers.first?.gradientNorm)
    let plainLast = try #require(plain.last.layers.last?.gradientNorm)
    #expect(plainFirst < plainLast / 1000, "without batch norm: first \(plainFirst), last \(plainLast)")
    #expect(try #require(normalized.last.validationAccuracy) >= 0.85)
    #expect(try #require(plain.last.validationAccuracy) <= 0.65)
    #expect(normalized.last.validationLoss < plain.last.validationLoss / 2)
    #expect(!normalized.findingIDs.contains("vanishing_gradients"), "\(normalized.findingIDs.sorted())")
    LessonTests.expectFinding("vanishing_gradients", in: plain)
  }
}
