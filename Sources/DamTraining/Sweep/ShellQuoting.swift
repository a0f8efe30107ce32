/// Quoting for POSIX shells.
public enum ShellQuoting {
  /// `word` unchanged when it is made of safe characters only, else in single quotes.
  public static func quote(_ word: String) -> String {
    let safe =
      !word.isEmpty
      && word.unicodeScalars.allSatisfy { scalar in
        switch scalar {
        case "A"..."Z", "a"..."z", "0"..."9", "-", "_", ".", "/", "=", ":", "+", ",", "@", "%": return true
        default: return false
        }
      }
    return safe ? word : "'" + word.replacingAll("'", with: "'\\''") + "'"
  }
}

extension String {
  fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
    var result = ""
    for character in self { if character == target { result += replacement } else { result.append(character) } }
    return result
  }
}
