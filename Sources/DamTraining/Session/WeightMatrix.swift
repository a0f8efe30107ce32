import DamEngine

/// One dense layer's weight matrix as the weight view draws it: W [rows = output units x columns =
/// inputs], row-major (PyTorch's order), with its Frobenius norm and its shares of zeros.
public struct WeightMatrix: Sendable, Equatable {
  /// Weights whose magnitude is below this count as near zero: L1 under (sub)gradient descent leaves
  /// weights jittering around zero rather than at it.
  public static let nearZeroTolerance: Float = 1e-3

  /// Output units (rows of W).
  public let rows: Int
  /// Inputs (columns of W).
  public let columns: Int
  /// The weights, row-major: W[unit, input] at `unit * columns + input`.
  public let values: [Float]
  /// ||W||_F.
  public let norm: Double
  /// The share of weights exactly 0.
  public let zeroFraction: Double
  /// The share of weights with |w| < `nearZeroTolerance` (exact zeros included).
  public let nearZeroFraction: Double
  /// The largest |w| (0 for an all-zero matrix).
  public let maximumMagnitude: Float

  /// The matrix `values` [rows x columns], row-major; its statistics computed once here.
  /// - Complexity: O(rows * columns).
  public init(rows: Int, columns: Int, values: [Float]) {
    precondition(values.count == rows * columns, "a \(rows) x \(columns) matrix needs \(rows * columns) values")
    self.rows = rows
    self.columns = columns
    self.values = values
    var squares = 0.0
    var zeros = 0
    var nearZeros = 0
    var largest: Float = 0
    for value in values {
      squares += Double(value) * Double(value)
      if value == 0 { zeros += 1 }
      if abs(value) < Self.nearZeroTolerance { nearZeros += 1 }
      largest = max(largest, abs(value))
    }
    let count = Double(max(values.count, 1))
    norm = squares.squareRoot()
    zeroFraction = Double(zeros) / count
    nearZeroFraction = Double(nearZeros) / count
    maximumMagnitude = largest
  }

  /// W[`row`, `column`].
  public subscript(row: Int, column: Int) -> Float { values[row * columns + column] }

  /// Every dense layer's weights of `network`, input side first.
  public static func layers(of network: Network<Float>) -> [WeightMatrix] {
    let layout = network.layout
    return layout.fanOut.indices.map { layer in
      WeightMatrix(rows: layout.fanOut[layer], columns: layout.fanIn[layer], values: network.weights(layer: layer))
    }
  }
}
