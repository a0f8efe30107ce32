import DamUI
import Testing

@testable import DamApp

@Suite("The controller's event queue")
struct EventQueueTests {
  @Test("Events come out in the order they went in, also when added while draining")
  func firstInFirstOut() {
    var queue = EventQueue()
    queue.add(.tick)
    queue.add(contentsOf: [.quit, .resize(width: 80, height: 24)])
    #expect(queue.next() == .tick)
    queue.add(.dataPanel(inUse: true))
    #expect(queue.next() == .quit)
    #expect(queue.next() == .resize(width: 80, height: 24))
    #expect(queue.next() == .dataPanel(inUse: true))
    #expect(queue.next() == nil)
    queue.add(.tick)
    #expect(queue.next() == .tick)
  }
}
