/// The CSV form of the neuron view (`dam-tui neurons`), numbers in Swift's shortest round-trip form,
/// non-finite ones as `nan`, `inf` or `-inf`.
///
/// - 2-D inputs: `layer,unit,x,y,activation`, one row per hidden unit and grid point: layers and units
///   numbered from 1, input side first; for each unit the grid's rows top (largest y) to bottom, x
///   varying fastest; the activation is the unit's output f(Z) in evaluation mode.
/// - Other inputs: `unit,input,name,weight`, one row per first-layer unit and input, units and inputs
///   numbered from 1: the unit's incoming weight from that input column (`name` quoted as CSV needs).
public enum NeuronCSV {
  /// The header of a plane's activations.
  public static let activationHeader = "layer,unit,x,y,activation"
  /// The header of the first layer's weights.
  public static let weightHeader = "unit,input,name,weight"

  /// The whole file: a header and every row, each ending in a newline.
  public static func text(_ neurons: NeuronActivations) -> String {
    var lines: [String]
    if let plane = neurons.plane {
      lines = [activationHeader]
      for (layerIndex, layer) in neurons.hiddenLayers.enumerated() {
        for unit in 0..<layer.units {
          let outputs = layer.outputs(of: unit)
          for row in 0..<plane.size {
            for column in 0..<plane.size {
              let point = plane.point(row: row, column: column)
              let activation = Double(outputs[row * plane.size + column])
              lines.append("\(layerIndex + 1),\(unit + 1),\(number(point.x)),\(number(point.y)),\(number(activation))")
            }
          }
        }
      }
    } else {
      lines = [weightHeader]
      if let first = neurons.layers.first {
        for unit in 0..<first.units {
          for (input, weight) in first.incomingWeights(of: unit).enumerated() {
            let name = neurons.inputNames.indices.contains(input) ? neurons.inputNames[input] : "x\(input + 1)"
            lines.append("\(unit + 1),\(input + 1),\(quoted(name)),\(number(Double(weight)))")
          }
        }
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  private static func number(_ value: Double) -> String {
    value.isNaN ? "nan" : value.isInfinite ? (value > 0 ? "inf" : "-inf") : String(value)
  }

  /// `field` as a CSV field: quoted, with quotes doubled, when it holds a comma, quote or line break.
  private static func quoted(_ field: String) -> String {
    guard field.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return field }
    return "\"" + field.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
  }
}
