import Testing

@testable import DamTraining

@Suite("--change arguments")
struct ScheduledChangeTests {
  @Test("STEP:key=value parses into the step and the setting")
  func parses() throws {
    let change = try ScheduledChange(parsing: "12400:training.learning_rate=0.01")
    #expect(change.step == 12_400)
    #expect(change.override == (try PresetOverride(parsing: "training.learning_rate=0.01")))
    #expect(try ScheduledChange(parsing: "0:model.init=he-normal").step == 0)
  }

  @Test("A missing or negative step and a bad setting are errors naming the argument")
  func rejects() {
    for argument in ["training.learning_rate=0.01", "-5:training.learning_rate=0.01", "x:training.l2=0", "10:nokey"] {
      do {
        _ = try ScheduledChange(parsing: argument)
        Issue.record("\(argument) should not parse")
      } catch {
        #expect(error.description.hasPrefix("--change \(argument): "))
      }
    }
  }
}
