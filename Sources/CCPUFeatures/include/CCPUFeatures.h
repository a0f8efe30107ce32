#ifndef DAM_CPU_FEATURES_H
#define DAM_CPU_FEATURES_H

#include <stdbool.h>

/// True when the CPU and the operating system support every instruction the AVX2 kernel target is
/// compiled for (AVX, AVX2, FMA, SSE4.2, POPCNT) and the OS saves the YMM state (XCR0). False on
/// non-x86 hosts.
bool dam_cpu_supports_avx2_fma(void);

/// True when, in addition to the AVX2 set, the CPU and the OS support AVX-512F and F16C and the OS
/// saves the opmask and ZMM state (XCR0). False on non-x86 hosts.
bool dam_cpu_supports_avx512f(void);

#endif
