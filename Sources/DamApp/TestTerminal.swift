import DamScreen
import DamTerminal
import DamTraining
import Dispatch

/// An in-memory `Terminal` (ratatui's `TestBackend`): the controller runs against it exactly as against
/// curses, in process. A test scripts events (keys, resizes, quit signals) from any thread; the loop
/// reads them in order and every frame it presents is recorded.
///
/// `readEvent` waits for a scripted event up to its timeout, so the loop ticks at its real frame rate.
/// Tests wait for frames with `waitForFrame`, a bounded wait woken by each new frame, never a sleep.
public final class TestTerminal: Terminal, Sendable {
  /// How many presented frames are kept, newest last.
  public static let frameCapacity = 64

  private struct State {
    var size: TerminalSize
    var events: [TerminalEvent] = []
    var frames: [ScreenBuffer] = []
    var frameCount = 0
  }

  /// What the terminal says it can show, as given at creation.
  public let capabilities: TerminalCapabilities
  private let state: Locked<State>
  private let eventArrived = DispatchSemaphore(value: 0)
  private let framePresented = DispatchSemaphore(value: 0)

  /// A terminal of `width` x `height` cells with `capabilities`.
  public init(
    width: Int = 120, height: Int = 40, capabilities: TerminalCapabilities = .init(unicode: true, colors: true)
  ) {
    self.capabilities = capabilities
    state = Locked(State(size: TerminalSize(width: width, height: height)))
  }

  /// The size given at creation, or by the latest scripted resize.
  public var size: TerminalSize { state.withLock { $0.size } }

  /// Nothing to take over: the terminal is memory.
  public func start() {}

  /// Nothing to give back.
  public func stop() {}

  /// Returns the oldest scripted event not read yet, waiting up to `timeoutMilliseconds` for one.
  public func readEvent(timeoutMilliseconds: Int) -> TerminalEvent? {
    if let event = takeEvent() { return event }
    _ = eventArrived.wait(timeout: .now() + .milliseconds(timeoutMilliseconds))
    return takeEvent()
  }

  /// Records `buffer` as the newest frame and wakes `waitForFrame`.
  public func present(_ buffer: ScreenBuffer) {
    state.withLock { state in
      state.frames.append(buffer)
      if state.frames.count > Self.frameCapacity { state.frames.removeFirst() }
      state.frameCount += 1
    }
    framePresented.signal()
  }

  /// Scripts `event`; a resize also changes `size`, as a real terminal's does before it reports one.
  public func send(_ event: TerminalEvent) {
    state.withLock { state in
      if case .resize(let size) = event { state.size = size }
      state.events.append(event)
    }
    eventArrived.signal()
  }

  /// Scripts a key press for each character of `text`.
  public func type(_ text: String) {
    for character in text { send(.key(.character(character))) }
  }

  /// The frames presented, oldest first (at most `frameCapacity`, the newest).
  public var frames: [ScreenBuffer] { state.withLock { $0.frames } }

  /// How many frames were presented in all.
  public var frameCount: Int { state.withLock { $0.frameCount } }

  /// The newest frame, if any.
  public var lastFrame: ScreenBuffer? { state.withLock { $0.frames.last } }

  /// Waits until the newest frame satisfies `condition`, at most `timeout`; returns that frame, or nil
  /// when the time ran out first.
  public func waitForFrame(
    timeout: Duration = .seconds(20), where condition: (ScreenBuffer) -> Bool
  ) -> ScreenBuffer? {
    let deadline = ContinuousClock.now + timeout
    while true {
      if let frame = lastFrame, condition(frame) { return frame }
      let left = ContinuousClock.now.duration(to: deadline)
      guard left > .zero else { return nil }
      let milliseconds = Int(left.components.seconds * 1_000 + left.components.attoseconds / 1_000_000_000_000_000)
      _ = framePresented.wait(timeout: .now() + .milliseconds(max(1, milliseconds)))
    }
  }

  private func takeEvent() -> TerminalEvent? {
    state.withLock { $0.events.isEmpty ? nil : $0.events.removeFirst() }
  }
}
