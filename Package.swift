// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "dam-tui",
  products: [
    .executable(name: "dam-tui", targets: ["dam-tui"]),
    .executable(name: "dam-bench", targets: ["dam-bench"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
  ],
  targets: [
    .target(
      name: "CNCurses",
      linkerSettings: [.linkedLibrary("ncursesw")]
    ),
    .target(name: "DamEngine"),
    .target(name: "DamData", dependencies: ["DamEngine"]),
    .target(
      name: "DamTraining",
      dependencies: ["DamEngine", "DamData", .product(name: "TOMLKit", package: "TOMLKit")]
    ),
    .target(name: "DamUI", dependencies: ["DamTraining"]),
    .target(name: "DamTerminal", dependencies: ["CNCurses", "DamUI"]),
    .executableTarget(
      name: "dam-tui",
      dependencies: [
        "DamTerminal", "DamUI", "DamTraining", "DamData", "DamEngine",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .executableTarget(
      name: "dam-bench",
      dependencies: [
        "DamEngine", "DamData", "DamTraining", "DamUI",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(name: "DamEngineTests", dependencies: ["DamEngine"], resources: [.copy("Fixtures")]),
    .testTarget(name: "DamDataTests", dependencies: ["DamData"]),
    .testTarget(name: "DamTrainingTests", dependencies: ["DamTraining"]),
    .testTarget(name: "DamUITests", dependencies: ["DamUI"]),
    .testTarget(name: "DamTerminalTests", dependencies: ["DamTerminal"]),
    .testTarget(name: "EndToEndTests", dependencies: []),
  ],
  swiftLanguageModes: [.v6]
)
