import DamScreen
import DamTraining

/// Draws the whole screen for `state` and the session's latest `snapshot` (nil before the first one),
/// with the fork's latest `forkSnapshot` while a fork runs, at the size of `state.layout`: the
/// "terminal too small" screen below the minimum size, otherwise the parameter, loss, data and gradient
/// panels with the status bar, and the open dialog over them. `colors` tells whether the terminal shows
/// colours (the decision map draws finer with them).
///
/// Pure and cheap (no per-cell string work), so the main loop can call it every frame and a benchmark
/// can call it with a synthetic state.
/// - Complexity: O(screen cells + history buckets).
public func view(
  _ state: AppState, snapshot: Snapshot?, forkSnapshot: Snapshot? = nil, glyphs: GlyphSet, colors: Bool = true
) -> ScreenBuffer {
  let layout = state.layout
  var buffer = ScreenBuffer(width: layout.screen.width, height: layout.screen.height)
  guard !layout.isTooSmall else {
    TooSmallScreen(width: layout.screen.width, height: layout.screen.height).render(in: buffer.area, buffer: &buffer)
    return buffer
  }
  MainScreen(state: state, snapshot: snapshot, forkSnapshot: forkSnapshot, glyphs: glyphs, colors: colors)
    .render(into: &buffer)
  if state.lesson.isCardShown && state.neurons == nil {
    LessonCard(preset: state.preset, lesson: state.lesson, glyphs: glyphs).render(in: layout.gradients, buffer: &buffer)
  }
  if let dialog = state.dialog {
    DialogView(dialog: dialog, state: state, glyphs: glyphs)
      .render(in: buffer.area, buffer: &buffer)
  }
  return buffer
}
