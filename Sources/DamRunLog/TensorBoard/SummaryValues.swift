internal import Foundation
internal import SwiftProtobuf

/// The values of one TensorBoard event: scalars, histograms and texts, each under a tag. Tags name
/// series across steps ("loss/train"); a slash groups them in TensorBoard's tabs.
public struct SummaryValues: Sendable {
  var values: [Tensorboard_Summary.Value] = []

  /// No values.
  public init() {}

  /// Whether there is nothing to write.
  public var isEmpty: Bool { values.isEmpty }

  /// Adds a scalar (Scalars tab). TensorBoard keeps scalars as float32.
  public mutating func addScalar(_ value: Double, tag: String) {
    var entry = Tensorboard_Summary.Value()
    entry.tag = tag
    entry.simpleValue = Float(value)
    values.append(entry)
  }

  /// Adds a histogram (Histograms and Distributions tabs).
  public mutating func addHistogram(_ histogram: Histogram, tag: String) {
    var proto = Tensorboard_HistogramProto()
    proto.min = histogram.min
    proto.max = histogram.max
    proto.num = histogram.count
    proto.sum = histogram.sum
    proto.sumSquares = histogram.sumOfSquares
    proto.bucketLimit = histogram.limits
    proto.bucket = histogram.counts
    var entry = Tensorboard_Summary.Value()
    entry.tag = tag
    entry.histo = proto
    values.append(entry)
  }

  /// Adds a text (Text tab, which renders it as Markdown): a string tensor of rank 0 marked for the
  /// `text` plugin.
  public mutating func addText(_ text: String, tag: String) {
    var tensor = Tensorboard_TensorProto()
    tensor.dtype = .dtString
    tensor.tensorShape = Tensorboard_TensorShapeProto()
    tensor.stringVal = [Data(text.utf8)]
    var entry = Tensorboard_Summary.Value()
    entry.tag = tag
    entry.metadata.pluginData.pluginName = "text"
    entry.metadata.dataClass = .tensor
    entry.tensor = tensor
    values.append(entry)
  }
}
