import DamTraining
import Testing

@testable import DamUI

/// A UI state on the default settings at 80x24, with three presets to pick from.
func makeAppState(width: Int = 80, height: Int = 24) -> AppState {
  var preset = Preset(name: "default", source: .builtIn)
  preset.title = "Two circles"
  let listings = [
    PresetListing(name: "circle", title: "A circle", description: "One ring around another."),
    PresetListing(preset),
    PresetListing(name: "vanishing", title: "Vanishing gradients", description: "Sigmoid, ten layers deep."),
  ]
  return AppState(preset: preset, presets: listings, width: width, height: height)
}

/// Feeds `events` to `state` and returns every effect, in order.
@discardableResult
func send(_ state: inout AppState, _ events: InputEvent...) -> [Effect] {
  events.flatMap { reduce(&state, $0) }
}

/// Presses each key in turn and returns every effect, in order.
@discardableResult
func press(_ state: inout AppState, _ keys: KeyInput...) -> [Effect] {
  keys.flatMap { reduce(&state, .key($0)) }
}

/// Types `text` one character at a time.
func type(_ state: inout AppState, _ text: String) {
  for character in text { _ = reduce(&state, .key(.character(character))) }
}

/// The effect of sending `argument` (`section.key=value`) to the session.
func setting(_ argument: String) throws -> Effect {
  .send(.set(try PresetOverride(parsing: argument)))
}

/// Selects `parameter` with the down key from the top.
func select(_ parameter: TunableParameter, in state: inout AppState) {
  while state.selectedIndex > 0 { press(&state, .up) }
  while state.selectedParameter != parameter { press(&state, .down) }
}
