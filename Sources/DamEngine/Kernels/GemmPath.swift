import CCPUFeatures
import DamKernelTable

#if canImport(DamGemmAVX2)
  import DamGemmAVX2
#endif
#if canImport(DamGemmAVX512)
  import DamGemmAVX512
#endif

extension Gemm {
  /// A compiled build of the engine's `Float` kernels (`KernelTable`), for one instruction set.
  ///
  /// On x86-64, release builds compile the `avx2` and `avx512` kernels with those instruction sets
  /// (separate targets, see Package.swift); whether the running CPU and OS support them is checked
  /// with CPUID and XGETBV before first use, so no host dies of an illegal instruction. `portable`
  /// is plain Swift SIMD for the baseline CPU of the build (SSE2 on x86-64, NEON with FMA on arm64).
  /// Debug builds compile every path for the baseline CPU, so only release builds show their speed.
  public enum Path: String, CaseIterable, Sendable {
    /// 4-wide (x86-64 SSE2) or 8-wide (arm64 NEON) vectors, 4 x 8 or 6 x 16 register tile.
    case portable
    /// 8-wide AVX2 vectors with FMA, 4 x 16 register tile.
    case avx2
    /// 16-wide AVX-512 vectors with FMA, 8 x 32 register tile.
    case avx512

    /// Whether this build contains the path and the running CPU and OS can execute it (detected
    /// once: CPUID can cost microseconds in a virtual machine).
    public var isSupported: Bool { supportedKernels != nil }

    /// The kernel table of this path's build.
    ///
    /// - Precondition: `isSupported` (checked: an unsupported path stops with a message instead of an
    ///   illegal instruction).
    public var kernels: KernelTable {
      guard let kernels = supportedKernels else {
        preconditionFailure("kernel path \(self) is not supported on this CPU")
      }
      return kernels
    }

    /// The kernel table when `isSupported`, otherwise nil.
    private var supportedKernels: KernelTable? {
      switch self {
      case .portable: return Self.portableKernels
      case .avx2: return Self.avx2Kernels
      case .avx512: return Self.avx512Kernels
      }
    }

    private static let portableKernels: KernelTable? = .compiled

    private static let avx2Kernels: KernelTable? = {
      #if canImport(DamGemmAVX2)
        return dam_cpu_supports_avx2_fma() ? .avx2 : nil
      #else
        return nil
      #endif
    }()

    private static let avx512Kernels: KernelTable? = {
      #if canImport(DamGemmAVX512)
        return dam_cpu_supports_avx512f() ? .avx512 : nil
      #else
        return nil
      #endif
    }()

    /// The widest supported path: the one `KernelTable.fastest` comes from. Detected once.
    public static let fastest: Path = [.avx512, .avx2].first { $0.isSupported } ?? .portable
  }
}

extension KernelTable {
  /// The kernels of `Gemm.Path.fastest`, chosen once from CPUID: the ones every network calls.
  public static let fastest = Gemm.Path.fastest.kernels
}
