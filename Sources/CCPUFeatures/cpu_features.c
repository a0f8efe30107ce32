// Runtime CPU feature detection for the GEMM kernel dispatch: CPUID for what the processor
// implements, XGETBV for which register state the operating system saves on context switches.

#include "CCPUFeatures.h"

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#include <stdint.h>

static uint64_t read_xcr0(void) {
  uint32_t eax, edx;
  __asm__ volatile("xgetbv" : "=a"(eax), "=d"(edx) : "c"(0));
  return ((uint64_t)edx << 32) | eax;
}

enum {
  leaf1_ecx_fma = 1u << 12,
  leaf1_ecx_sse42 = 1u << 20,
  leaf1_ecx_popcnt = 1u << 23,
  leaf1_ecx_osxsave = 1u << 27,
  leaf1_ecx_avx = 1u << 28,
  leaf1_ecx_f16c = 1u << 29,
  leaf7_ebx_avx2 = 1u << 5,
  leaf7_ebx_avx512f = 1u << 16,
  xcr0_sse_avx = 0x6,
  xcr0_opmask_zmm = 0xE0,
};

static bool has_avx2_fma(uint32_t *leaf7_ebx) {
  uint32_t eax, ebx, ecx, edx;
  if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return false;
  uint32_t needed = leaf1_ecx_fma | leaf1_ecx_sse42 | leaf1_ecx_popcnt | leaf1_ecx_osxsave | leaf1_ecx_avx;
  if ((ecx & needed) != needed) return false;
  if ((read_xcr0() & xcr0_sse_avx) != xcr0_sse_avx) return false;
  uint32_t f16c = ecx & leaf1_ecx_f16c;
  if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return false;
  *leaf7_ebx = f16c ? ebx : (ebx & ~leaf7_ebx_avx512f);
  return (ebx & leaf7_ebx_avx2) != 0;
}

bool dam_cpu_supports_avx2_fma(void) {
  uint32_t leaf7_ebx;
  return has_avx2_fma(&leaf7_ebx);
}

bool dam_cpu_supports_avx512f(void) {
  uint32_t leaf7_ebx;
  if (!has_avx2_fma(&leaf7_ebx)) return false;
  if ((leaf7_ebx & leaf7_ebx_avx512f) == 0) return false;
  uint64_t state = xcr0_sse_avx | xcr0_opmask_zmm;
  return (read_xcr0() & state) == state;
}

#else

bool dam_cpu_supports_avx2_fma(void) { return false; }
bool dam_cpu_supports_avx512f(void) { return false; }

#endif
