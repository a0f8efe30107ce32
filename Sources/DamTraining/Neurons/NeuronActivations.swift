import DamData

/// What the neuron view shows of a network at one step: every dense layer's incoming weights and
/// biases and, for 2-D inputs, every unit's output over the input plane; for classification, each
/// output unit's mean response to each class.
///
/// Computed on a copy of the weights (`compute(trainer:grid:)`), never on the live network.
public struct NeuronActivations: Sendable, Equatable {
  /// One dense layer: its incoming weights and biases and, on a plane, its outputs at each grid point.
  public struct Layer: Sendable, Equatable {
    /// Units of the layer (rows of W).
    public let units: Int
    /// Inputs of each unit (columns of W).
    public let inputs: Int
    /// W [units x inputs], row-major (PyTorch's order).
    public let weights: [Float]
    /// b [units]. For a batch-normalized layer the batch-norm shift takes its place in the pass.
    public let biases: [Float]
    /// The layer's output H at every grid point of `NeuronActivations.plane`, [points x units] row-major;
    /// empty without a plane. Hidden layers: f(Z); the output layer: the prediction.
    public let outputs: [Float]

    /// Unit `unit`'s incoming weights.
    public func incomingWeights(of unit: Int) -> ArraySlice<Float> { weights[unit * inputs..<(unit + 1) * inputs] }

    /// Unit `unit`'s output at every grid point, rows top to bottom (see `Plane`).
    public func outputs(of unit: Int) -> [Float] {
      stride(from: unit, to: outputs.count, by: units).map { outputs[$0] }
    }
  }

  /// The square grid of the input plane: `size` x `size` points over the training data's bounding box
  /// (the decision map's box), row 0 at the top (largest y), each point at its cell's centre.
  public struct Plane: Sendable, Equatable {
    /// Points per side.
    public let size: Int
    /// The x range covered.
    public let xRange: ClosedRange<Double>
    /// The y range covered.
    public let yRange: ClosedRange<Double>

    /// The point of grid row `row` (top first) and column `column` (left first).
    public func point(row: Int, column: Int) -> (x: Double, y: Double) {
      DecisionMap.centre(row: row, column: column, columns: size, rows: size, x: xRange, y: yRange)
    }
  }

  /// Each output unit's mean prediction over the samples of each class.
  public struct ClassResponses: Sendable, Equatable {
    /// The class names, one row each.
    public let labels: [String]
    /// Output units, one column each.
    public let outputs: Int
    /// Mean output [classes x outputs], row-major; nan for a class without samples.
    public let means: [Float]

    /// The mean output `output` over the samples of class `classIndex`.
    public func mean(classIndex: Int, output: Int) -> Float { means[classIndex * outputs + output] }
  }

  /// The step of the weights shown.
  public let step: Int
  /// Every dense layer, input side first; the output layer last.
  public let layers: [Layer]
  /// The input plane, for 2-D inputs; nil otherwise.
  public let plane: Plane?
  /// The input columns' names.
  public let inputNames: [String]
  /// The shape the inputs form as an image: the data's (digits) or a square for a square input count
  /// above 2; nil otherwise.
  public let inputImage: Dataset.ImageShape?
  /// The output units' mean response to each class, for classification; nil otherwise.
  public let classResponses: ClassResponses?

  /// Hidden layers: every layer but the output layer.
  public var hiddenLayers: ArraySlice<Layer> { layers.dropLast() }

  /// The image shape of `count` inputs: `given` if any, else a square side x side when `count` is a
  /// square above 2.
  static func imageShape(inputs count: Int, given: Dataset.ImageShape?) -> Dataset.ImageShape? {
    if let given { return given }
    let side = Int(Double(count).squareRoot().rounded())
    return count > 2 && side * side == count ? Dataset.ImageShape(width: side, height: side) : nil
  }
}
