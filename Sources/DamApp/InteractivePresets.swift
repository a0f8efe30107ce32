import DamTraining
import DamUI
import Foundation

/// The presets the interactive UI loads and saves, through `PresetLibrary`.
///
/// New presets go to the user's preset folder (`$XDG_CONFIG_HOME/dam-tui/presets`, else
/// `~/.config/dam-tui/presets`; `./presets` when neither variable is set), which the picker and
/// `--preset NAME` search.
public struct InteractivePresets: Sendable {
  /// Where presets are looked up.
  public let library: PresetLibrary

  /// The presets of `library`.
  public init(library: PresetLibrary) {
    self.library = library
  }

  /// Every preset the picker offers, by name. One that does not load is still listed, so choosing it shows
  /// why.
  func listings() -> [PresetListing] {
    library.entries().map { entry in
      do throws(PresetError) {
        return PresetListing(try library.resolve(entry.name))
      } catch {
        return PresetListing(
          name: entry.name, title: "(does not load: Enter shows why)", description: error.description)
      }
    }
  }

  /// The folder new presets are saved in.
  var saveFolder: String {
    library.searchDirectories.last ?? FileManager.default.currentDirectoryPath + "/presets"
  }

  /// Saves `preset` as `<saveFolder>/<name>.toml` atomically, creating the folder; an existing file is kept
  /// unless `overwrite`. Answers with the event that reports the outcome.
  func save(_ preset: Preset, overwrite: Bool) -> InputEvent {
    let path = saveFolder + "/" + preset.name + ".toml"
    if !overwrite && FileManager.default.fileExists(atPath: path) {
      return .presetSaveFailed(name: preset.name, message: "\(path) exists", fileExists: true)
    }
    do {
      try FileManager.default.createDirectory(atPath: saveFolder, withIntermediateDirectories: true)
    } catch {
      return .presetSaveFailed(
        name: preset.name, message: "cannot create \(saveFolder): \(error.localizedDescription)", fileExists: false)
    }
    do {
      try preset.save(to: path, overwrite: overwrite)
    } catch {
      let exists = !overwrite && FileManager.default.fileExists(atPath: path)
      return .presetSaveFailed(name: preset.name, message: error.description, fileExists: exists)
    }
    return .presetSaved(name: preset.name, path: path)
  }
}
