// swift-tools-version:6.0
import PackageDescription

/// The engine's kernels: a portable build inside DamEngine, plus (on x86-64) the same sources compiled
/// for AVX2+FMA and AVX-512F+FMA in release builds, chosen at run time by CPUID (CCPUFeatures). Each
/// build exports one `KernelTable` (the DamKernelTable target: the table type every build fills).
/// Debug builds keep the baseline CPU so that nothing they emit needs those sets.
var gemmKernelTargets: [Target] = [.target(name: "CCPUFeatures"), .target(name: "DamKernelTable")]
var engineDependencies: [Target.Dependency] = ["CCPUFeatures", "DamKernelTable"]
#if arch(x86_64)
  for (name, flags) in [("DamGemmAVX2", ["-mavx2", "-mfma"]), ("DamGemmAVX512", ["-mavx512f", "-mfma"])] {
    gemmKernelTargets.append(
      .target(
        name: name,
        dependencies: ["DamKernelTable"],
        swiftSettings: [.unsafeFlags(flags.flatMap { ["-Xcc", $0] }, .when(configuration: .release))]
      )
    )
    engineDependencies.append(.target(name: name))
  }
#endif

let package = Package(
  name: "dam-tui",
  products: [
    .executable(name: "dam-tui", targets: ["dam-tui"]),
    .executable(name: "dam-bench", targets: ["dam-bench"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    .package(url: "https://github.com/apple/swift-protobuf", from: "1.39.0"),
  ],
  targets: [
    .target(
      name: "CNCurses",
      linkerSettings: [.linkedLibrary("ncursesw")]
    ),
    .target(name: "DamEngine", dependencies: engineDependencies),
    .target(name: "DamData", dependencies: ["DamEngine"]),
    .target(
      name: "DamTraining",
      dependencies: ["DamEngine", "DamData", .product(name: "TOMLKit", package: "TOMLKit")]
    ),
    .target(
      name: "DamRunLog",
      dependencies: ["DamTraining", "DamEngine", .product(name: "SwiftProtobuf", package: "swift-protobuf")],
      exclude: ["Proto/tensorboard_event.proto"]
    ),
    .target(name: "DamScreen"),
    .target(name: "DamUI", dependencies: ["DamScreen", "DamTraining", "DamData", "DamEngine"]),
    .target(name: "DamTerminal", dependencies: ["CNCurses", "DamScreen"]),
    .target(name: "DamApp", dependencies: ["DamTerminal", "DamScreen", "DamUI", "DamTraining", "DamRunLog"]),
    .executableTarget(
      name: "dam-tui",
      dependencies: [
        "DamApp", "DamTerminal", "DamScreen", "DamUI", "DamTraining", "DamData", "DamEngine", "DamRunLog",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .executableTarget(
      name: "dam-bench",
      dependencies: [
        "DamEngine", "DamData", "DamTraining", "DamScreen", "DamUI", "DamRunLog",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(name: "DamEngineTests", dependencies: ["DamEngine"], resources: [.copy("Fixtures")]),
    .testTarget(name: "DamDataTests", dependencies: ["DamData"]),
    .testTarget(name: "DamTrainingTests", dependencies: ["DamTraining", "DamTestTools"]),
    .testTarget(
      name: "DamRunLogTests",
      dependencies: ["DamRunLog", "DamTestTools", .product(name: "SwiftProtobuf", package: "swift-protobuf")]
    ),
    .target(name: "DamScreenTesting", dependencies: ["DamScreen"], path: "Tests/DamScreenTesting"),
    .testTarget(name: "DamScreenTests", dependencies: ["DamScreen", "DamScreenTesting"]),
    .testTarget(name: "DamUITests", dependencies: ["DamUI", "DamScreenTesting"]),
    .testTarget(name: "DamTerminalTests", dependencies: ["DamTerminal"]),
    .testTarget(name: "DamAppTests", dependencies: ["DamApp", "DamTestTools"]),
    .testTarget(name: "EndToEndTests", dependencies: ["DamTestTools"]),
    // The pinned Python tools some tests drive (Tests/requirements.txt), shared by the test targets.
    .target(name: "DamTestTools", path: "Tests/DamTestTools"),
  ] + gemmKernelTargets,
  swiftLanguageModes: [.v6]
)
