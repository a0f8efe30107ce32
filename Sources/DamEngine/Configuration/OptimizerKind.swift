/// The update rule. Each follows PyTorch's `torch.optim` exactly, with the L1/L2 terms added to the
/// gradient first (g = dL/dW + l2 * W + l1 * sign(W)):
/// - `sgd`: W -= lr * g  (`SGD(momentum=0)`).
/// - `momentum`: b = mu * b + g (b = g on the first step); W -= lr * b  (`SGD(momentum=mu)`).
/// - `nesterov`: b as for momentum; W -= lr * (g + mu * b)  (`SGD(momentum=mu, nesterov=True)`).
/// - `rmsprop`: v = rho * v + (1 - rho) * g^2; W -= lr * g / (sqrt(v) + eps)  (`RMSprop(alpha=rho)`).
/// - `adam`: m = b1 m + (1-b1) g; v = b2 v + (1-b2) g^2;
///   W -= lr * (m / (1-b1^t)) / (sqrt(v / (1-b2^t)) + eps)  (`Adam`).
///
/// Switching the optimizer resets the optimizer state (moments, step count) and nothing else.
public enum OptimizerKind: String, CaseIterable, Sendable, Codable {
  case sgd
  case momentum
  case nesterov
  case rmsprop
  case adam
}
