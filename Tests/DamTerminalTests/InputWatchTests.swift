import Testing

@testable import DamTerminal

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@Suite("Telling a closed input from a quiet one")
struct InputWatchTests {
  private let readable = Int16(POLLIN)

  @Test("A read that waited its full timeout is just a quiet input")
  func fullTimeout() {
    var watch = InputWatch()
    for _ in 0..<10 {
      let closed = watch.inputClosed(afterEmptyReadReturnedEarly: false, pollEvents: readable)
      #expect(!closed)
    }
  }

  @Test("A hang-up, error or invalid descriptor closes the input at once")
  func hangUp() {
    for events in [Int16(POLLHUP), Int16(POLLERR), Int16(POLLNVAL), Int16(POLLIN) | Int16(POLLHUP)] {
      var watch = InputWatch()
      let closed = watch.inputClosed(afterEmptyReadReturnedEarly: true, pollEvents: events)
      #expect(closed)
    }
  }

  @Test("Readable input that yields nothing, several times in a row, is end of file")
  func endOfFile() {
    var watch = InputWatch()
    for _ in 1..<InputWatch.endOfFileThreshold {
      let closed = watch.inputClosed(afterEmptyReadReturnedEarly: true, pollEvents: readable)
      #expect(!closed)
    }
    let closed = watch.inputClosed(afterEmptyReadReturnedEarly: true, pollEvents: readable)
    #expect(closed)
  }

  @Test("A successful read or a full wait in between starts the count again")
  func countResets() {
    var watch = InputWatch()
    var closings = 0
    for round in 0..<10 {
      if watch.inputClosed(afterEmptyReadReturnedEarly: true, pollEvents: readable) { closings += 1 }
      if watch.inputClosed(afterEmptyReadReturnedEarly: true, pollEvents: readable) { closings += 1 }
      if round.isMultiple(of: 2) {
        watch.readSucceeded()
      } else if watch.inputClosed(afterEmptyReadReturnedEarly: false, pollEvents: 0) {
        closings += 1
      }
    }
    #expect(closings == 0)
  }

  @Test("An early return with nothing to read (a signal) is not a closed input")
  func interrupted() {
    var watch = InputWatch()
    for _ in 0..<10 {
      let closed = watch.inputClosed(afterEmptyReadReturnedEarly: true, pollEvents: 0)
      #expect(!closed)
    }
  }
}
