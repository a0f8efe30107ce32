#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// How the learning rate changes with the step count t (optimizer updates applied so far).
///
/// With base rate lr, `decayRate` r and `decaySteps` s:
/// - `constant`: lr.
/// - `step`: lr * r^floor(t / s).
/// - `exponential`: lr * r^(t / s).
/// - `inverseTime`: lr / (1 + r * t / s).
/// - `cosine`: lr * (1 + cos(pi * min(t, s) / s)) / 2, reaching 0 at t = s and staying there.
public enum LearningRateSchedule: String, CaseIterable, Sendable, Codable {
  case constant
  case step
  case exponential
  case inverseTime = "inverse-time"
  case cosine

  /// The learning rate in force for the update that follows `step` earlier updates.
  public func rate(base: Double, step: Int, decayRate: Double, decaySteps: Int) -> Double {
    let t = Double(step)
    let s = Double(max(decaySteps, 1))
    switch self {
    case .constant:
      return base
    case .step:
      return base * pow(decayRate, (t / s).rounded(.down))
    case .exponential:
      return base * pow(decayRate, t / s)
    case .inverseTime:
      return base / (1 + decayRate * t / s)
    case .cosine:
      return base * (1 + cos(Double.pi * min(t, s) / s)) / 2
    }
  }
}
