import DamEngine
import DamScreen
import DamTraining

/// The hyperparameter panel's rows, in order, as the view draws them.
public enum ParameterCatalog {
  /// Every tunable parameter in display order; index 0 (the learning rate) is selected at start.
  public static let parameters: [TunableParameter] = TunableParameter.allCases

  /// The panel rows for `settings`: label, shown value, and whether it waits for re-initialization
  /// (the model the weights were drawn with is `appliedModel`); with `fork`, the fork's value and
  /// pending mark beside them.
  public static func rows(settings: Preset, appliedModel: ModelSpec, fork: ForkedRun? = nil) -> [ParameterList.Row] {
    parameters.map { parameter in
      ParameterList.Row(
        name: parameter.label, value: parameter.displayValue(in: settings),
        isPending: parameter.isPending(in: settings, appliedModel: appliedModel),
        forkValue: fork.map { parameter.displayValue(in: $0.settings) },
        isForkPending: fork.map { parameter.isPending(in: $0.settings, appliedModel: $0.appliedModel) } ?? false)
    }
  }
}
