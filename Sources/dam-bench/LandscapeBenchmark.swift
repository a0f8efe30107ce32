import DamTraining
import Foundation

/// `landscape`: the wall time of the default 31 x 31 loss-landscape grid (training loss only) on the
/// `default` preset's whole training split, around its freshly initialized weights, on one thread and on
/// every core this process may use. Issue 13 asks for under 2 s on one thread. Each figure is the fastest
/// of `rounds` rounds.
struct LandscapeBenchmark {
  /// Timed rounds per thread count (the fastest counts).
  var rounds: Int

  /// Times the grid on one thread and on all cores and prints both.
  func run() throws {
    let trainer = try Trainer(preset: try PresetLibrary().resolve("default"))
    let slice = LandscapeSlice.random(
      around: trainer.network.parameters, layout: trainer.network.layout, settings: LandscapeSettings())
    let landscape = LossLandscape(trainer: trainer)
    let cores = ThreadSetting.onlineCores
    let serial = Timer.fastest(rounds: rounds) { _ = landscape.evaluate(slice, validation: false, threads: 1) }
    let parallel = Timer.fastest(rounds: rounds) { _ = landscape.evaluate(slice, validation: false, threads: cores) }
    print(
      String(
        format: "landscape (default preset, 31x31 grid, %d training samples): 1 thread %.3f s, %d threads %.3f s"
          + " (target < 2 s on 1 thread)",
        trainer.data.train.count, serial, cores, parallel))
    fflush(nil)
  }
}
