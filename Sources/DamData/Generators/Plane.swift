import DamEngine

extension PlanarDatasets {
  /// Playground's "plane" regression: points uniform in [-6, 6]^2 and target (x0 + x1) / 10, computed at
  /// the point displaced by uniform [-6, 6] * `noise` per coordinate (the data scale is 6). Targets lie
  /// in about [-1.2, 1.2] without noise.
  public static func plane(samples: Int, noise: Double, generator: inout SeededGenerator) -> Dataset {
    regression(samples: samples, noise: noise, generator: &generator) { x, y in (x + y) / 10 }
  }
}
