/// The tags of a training run's TensorBoard series. Layers are named as on the screen: `L1` is the dense
/// layer nearest the input (index 0 in the JSON lines), the last one the output layer.
public enum TrainingTags {
  /// Mean data loss over the training split.
  public static let trainingLoss = "loss/train"
  /// Mean data loss over the validation split.
  public static let validationLoss = "loss/val"
  /// Accuracy on the training split (classification only).
  public static let trainingAccuracy = "accuracy/train"
  /// Accuracy on the validation split (classification only).
  public static let validationAccuracy = "accuracy/val"
  /// The learning rate of the next update.
  public static let learningRate = "lr"
  /// Text: each applied change.
  public static let changes = "changes"
  /// Text: the findings that appeared at an evaluation.
  public static let findings = "findings"

  /// Scalar ||dL/dW||_F of dense layer `index` (0-based).
  public static func gradientNorm(layer index: Int) -> String { "grad_norm/" + name(layer: index) }
  /// Scalar ||W||_F of dense layer `index`.
  public static func weightNorm(layer index: Int) -> String { "weight_norm/" + name(layer: index) }
  /// Scalar ||dW_step|| / ||W|| of dense layer `index`.
  public static func updateRatio(layer index: Int) -> String { "update_ratio/" + name(layer: index) }
  /// Histogram of the weights of dense layer `index`.
  public static func weights(layer index: Int) -> String { "weights/" + name(layer: index) }
  /// Histogram of the weight gradient of dense layer `index`.
  public static func gradients(layer index: Int) -> String { "gradients/" + name(layer: index) }

  /// "L1" for index 0.
  static func name(layer index: Int) -> String { "L\(index + 1)" }
}
