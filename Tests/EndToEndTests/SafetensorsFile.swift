import Foundation

/// A `.safetensors` file as written by `dam-tui train --save-weights`, read independently of the engine:
/// an 8-byte little-endian header length N, N bytes of JSON header, then the tensors' raw bytes.
struct SafetensorsFile {
  /// One F32 tensor: its shape and values in row-major order.
  struct Tensor {
    var shape: [Int]
    var values: [Float]

    /// Row `index` of a matrix (shape [rows, columns]).
    func row(_ index: Int) -> ArraySlice<Float> {
      let columns = shape[1]
      return values[(index * columns)..<((index + 1) * columns)]
    }
  }

  /// Tensors by name (`layers.0.weight`, `layers.0.bias`, ...).
  var tensors: [String: Tensor]

  /// Reads the file at `path`.
  init(path: String) throws {
    let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    guard bytes.count >= 8 else { throw Problem("shorter than its 8-byte header length") }
    let headerLength = bytes[0..<8].reversed().reduce(0) { $0 << 8 | Int($1) }
    guard headerLength <= bytes.count - 8 else { throw Problem("header length \(headerLength) past the end") }
    let dataStart = 8 + headerLength
    let header = try JSONSerialization.jsonObject(with: Data(bytes[8..<dataStart])) as? [String: Any] ?? [:]
    tensors = [:]
    for (name, entry) in header where name != "__metadata__" {
      guard let entry = entry as? [String: Any], entry["dtype"] as? String == "F32",
        let shape = entry["shape"] as? [Int], let offsets = entry["data_offsets"] as? [Int], offsets.count == 2,
        dataStart + offsets[1] <= bytes.count, offsets[1] - offsets[0] == 4 * shape.reduce(1, *)
      else { throw Problem("malformed tensor entry \(name)") }
      let values = stride(from: dataStart + offsets[0], to: dataStart + offsets[1], by: 4).map { start in
        Float(bitPattern: bytes[start..<(start + 4)].reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) })
      }
      tensors[name] = Tensor(shape: shape, values: values)
    }
  }

  /// The weight matrix of dense layer `index` (0 is the input side), [out, in].
  func weight(_ index: Int) throws -> Tensor {
    guard let tensor = tensors["layers.\(index).weight"] else { throw Problem("no layers.\(index).weight") }
    return tensor
  }

  /// The bias of dense layer `index`, [out].
  func bias(_ index: Int) throws -> Tensor {
    guard let tensor = tensors["layers.\(index).bias"] else { throw Problem("no layers.\(index).bias") }
    return tensor
  }

  /// The number of dense layers.
  var layerCount: Int { tensors.keys.filter { $0.hasSuffix(".weight") }.count }

  /// A malformed file.
  struct Problem: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
  }
}
