/// One line of the key map: the keys, what they do, and where.
public struct KeyBinding: Sendable, Hashable {
  /// The keys, in the order the help lists them.
  public var keys: [KeyInput]
  /// What they do.
  public var action: AppAction
  /// The help text; nil when the row of another binding already explains these keys.
  public var summary: String?
  /// The panel that must have focus for the binding to apply; nil applies anywhere. A binding for the
  /// focused panel wins over one that applies anywhere.
  public var scope: Focus?

  /// How the help names the keys when not by their own names (a row covering several bindings).
  public var helpKeys: String?

  /// Creates a binding.
  public init(
    _ keys: [KeyInput], _ action: AppAction, _ summary: String?, scope: Focus? = nil, helpKeys: String? = nil
  ) {
    self.keys = keys
    self.action = action
    self.summary = summary
    self.scope = scope
    self.helpKeys = helpKeys
  }

  /// The keys as the help shows them: `Up k`.
  public var keyText: String { helpKeys ?? keys.map(\.displayName).joined(separator: " ") }
}
