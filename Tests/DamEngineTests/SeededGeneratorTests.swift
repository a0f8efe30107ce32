import Testing

@testable import DamEngine

/// Known answers: the generator must be the published xoshiro256** seeded by the published SplitMix64,
/// or every preset's seed would mean a different run than the documentation promises.
@Suite("SeededGenerator known answers")
struct SeededGeneratorTests {
  /// The reference implementation's first ten outputs from the state {1, 2, 3, 4} (Blackman and Vigna,
  /// xoshiro256starstar.c; the same vector is the `reference` test of Rust's rand_xoshiro).
  static let referenceOutputs: [UInt64] = [
    11520, 0, 1_509_978_240, 1_215_971_899_390_074_240, 1_216_172_134_540_287_360, 607_988_272_756_665_600,
    16_172_922_978_634_559_625, 8_476_171_486_693_032_832, 10_595_114_339_597_558_777, 2_904_607_092_377_533_576,
  ]

  /// Draws `count` outputs of SplitMix64 from `seed`, written out from Vigna's splitmix64.c.
  static func splitMix64(seed: UInt64, count: Int) -> [UInt64] {
    var state = seed
    return (0..<count).map { _ in
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  @Test("xoshiro256** from the state {1, 2, 3, 4} gives the reference implementation's outputs")
  func referenceSequence() {
    var generator = SeededGenerator(state: (1, 2, 3, 4))
    #expect((0..<10).map { _ in generator.next() } == Self.referenceOutputs)
  }

  @Test("The SplitMix64 transcription gives the published outputs for seeds 0 and 1234567")
  func splitMixVectors() {
    #expect(
      Self.splitMix64(seed: 0, count: 4) == [
        0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4, 0x06C4_5D18_8009_454F, 0xF88B_B8A8_724C_81EC,
      ])
    #expect(
      Self.splitMix64(seed: 1_234_567, count: 5) == [
        6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423, 4_593_380_528_125_082_431,
        16_408_922_859_458_223_821,
      ])
  }

  @Test("A seed fills the state with SplitMix64's first four outputs, in order", arguments: [0, 1, 42, UInt64.max])
  func seedingThroughSplitMix(seed: UInt64) {
    let words = Self.splitMix64(seed: seed, count: 4)
    #expect(SeededGenerator(seed: seed) == SeededGenerator(state: (words[0], words[1], words[2], words[3])))
  }

  @Test("Seed 42 draws what other SplitMix64-seeded xoshiro256** implementations draw")
  func seedFortyTwoStream() {
    var generator = SeededGenerator(seed: 42)
    #expect(
      (0..<3).map { _ in generator.next() } == [
        1_546_998_764_402_558_742, 6_990_951_692_964_543_102, 12_544_586_762_248_559_009,
      ])
  }
}
