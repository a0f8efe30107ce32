/// The dialog open over the main screen. While one is open it receives every key; Esc closes it.
public enum AppDialog: Sendable, Hashable {
  /// The key help (`KeyMap.helpLines`), scrolled down by `scroll` lines.
  case help(scroll: Int)
  /// The second help page (`?` in the key help): what each panel and metric means, and how to work
  /// through a lesson (`ScreenGuide`), scrolled down by `scroll` lines.
  case guide(scroll: Int)
  /// Every current finding, scrolled down by `scroll` lines (at most the last screenful).
  case findings(scroll: Int)
  /// The preset picker over `AppState.presets`, with entry `selected` highlighted.
  case presetPicker(selected: Int)
  /// The name prompt of "save as preset", with the last problem with the name, if any.
  case savePrompt(TextField, error: String?)
  /// "A preset named `name` exists: overwrite it? y/n".
  case confirmOverwrite(name: String)
  /// Typing an exact value for `parameter`, with the last validation error, if any.
  case valueEntry(TunableParameter, TextField, error: String?)
  /// A message to acknowledge, such as a preset that failed to load.
  case message(title: String, lines: [String])
  /// "Setting `parameter` to `value` changes the data's input or output size: change it and
  /// re-initialize? y/n".
  case confirmReshape(TunableParameter, value: String)
  /// The learning-rate range test (`AppState.rangeTest`): its curve and suggestion.
  case rangeTest
  /// The overfit-one-batch check (`AppState.overfitCheck`): its numbers and verdict.
  case overfitCheck
  /// The run browser over `AppState.runs`, with run `selected` highlighted.
  case runBrowser(selected: Int)
  /// The loss landscape (`AppState.landscape`): its progress, line or map.
  case landscape

  /// The dialog's title.
  public var title: String {
    switch self {
    case .help: "Keys (page 1 of 2)"
    case .guide: "Reading the screen (page 2 of 2)"
    case .findings: "Findings"
    case .presetPicker: "Presets"
    case .savePrompt: "Save settings as a preset"
    case .confirmOverwrite: "Overwrite preset?"
    case .valueEntry(let parameter, _, _): "Set \(parameter.label)"
    case .message(let title, _): title
    case .confirmReshape: "Re-initialize for the new data?"
    case .rangeTest: "Learning-rate range test"
    case .overfitCheck: "Overfit-one-batch check"
    case .runBrowser: "Runs"
    case .landscape: "Loss landscape"
    }
  }

  /// The key hint for the dialog's footer.
  public var footer: String {
    switch self {
    case .help: "?: next page  Up/Down: scroll  Esc: close"
    case .guide: "?: close  Up/Down: scroll  Esc: close"
    case .findings: "Up/Down: scroll  Esc: close"
    case .presetPicker: "Up/Down: choose  Enter: load  Esc: close"
    case .savePrompt: "Enter: save  Esc: cancel"
    case .confirmOverwrite: "y: overwrite  n: choose another name"
    case .valueEntry: "Enter: apply  Esc: cancel"
    case .message: "Enter or Esc: close"
    case .confirmReshape: "y: change and re-initialize  n: keep the data"
    case .rangeTest: "Enter: apply the suggested learning rate  Esc: close"
    case .overfitCheck: "Enter or Esc: close"
    case .runBrowser: "Up/Down: choose  Enter: load as a ghost  Esc: close"
    case .landscape: "v: 1-D line / 2-D random / 2-D path  Enter: recompute  Esc: close"
    }
  }

  /// Whether the dialog takes typed text (so letters such as `q` are typed, not commands).
  public var takesText: Bool {
    switch self {
    case .savePrompt, .valueEntry: true
    default: false
    }
  }
}
