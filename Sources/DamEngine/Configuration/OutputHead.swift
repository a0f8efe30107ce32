/// The output layer and its loss, chosen by the kind of task.
public enum OutputHead: Sendable, Equatable, Hashable, Codable {
  /// One sigmoid output with binary cross-entropy; targets are 0 or 1.
  case binary
  /// `classes` softmax outputs with cross-entropy (computed stably with log-sum-exp);
  /// targets are class indices.
  case multiclass(classes: Int)
  /// `outputs` linear outputs with mean squared error, L = mean over the batch of
  /// (1/2) * sum_j (y_j - t_j)^2.
  case regression(outputs: Int)

  /// The width of the output layer.
  public var outputWidth: Int {
    switch self {
    case .binary: return 1
    case .multiclass(let classes): return classes
    case .regression(let outputs): return outputs
    }
  }

  /// The number of classes for classification heads (binary counts 2), nil for regression.
  public var classCount: Int? {
    switch self {
    case .binary: return 2
    case .multiclass(let classes): return classes
    case .regression: return nil
    }
  }
}
