/// Word wrapping for dialog text.
enum TextWrap {
  /// `text` broken into lines of at most `width` characters: at spaces where possible, inside words
  /// longer than a line otherwise. Line breaks in `text` are kept; an empty text is one empty line.
  static func lines(_ text: String, width: Int) -> [String] {
    let width = max(1, width)
    var result: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
      var line = ""
      for word in paragraph.split(separator: " ") {
        var word = Substring(word)
        if !line.isEmpty && line.count + 1 + word.count > width {
          result.append(line)
          line = ""
        }
        while word.count > width {
          if !line.isEmpty {
            result.append(line)
            line = ""
          }
          result.append(String(word.prefix(width)))
          word = word.dropFirst(width)
        }
        line += line.isEmpty ? String(word) : " " + word
      }
      result.append(line)
    }
    return result
  }
}
