import DamTraining
import Testing

@testable import DamUI

@Suite("App reducer: typed numbers")
struct ValueEntryNumberTests {
  @Test("A typed number beyond 64-bit floating point is out of range, not a string of the wrong type")
  func overflowingNumber() {
    var state = makeAppState()
    press(&state, .enter)
    for _ in 0..<4 { press(&state, .backspace) }
    type(&state, "1e999")
    #expect(press(&state, .enter).isEmpty)
    guard case .valueEntry(.learningRate, _, let error?) = state.dialog else {
      Issue.record("no error shown")
      return
    }
    #expect(error.contains("1e999 is out of range"), "\(error)")
    #expect(!error.contains("wrong type"), "\(error)")
  }
}
