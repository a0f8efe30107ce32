// LD_PRELOAD library (Linux, glibc) that counts calls to the heap allocation functions, for showing
// that a training step allocates nothing after warm-up (bench/check-allocations.sh).
//
// - dam_thread_allocations(): the calling thread's count; the engine's AllocationTests read it
//   through dlsym (they fail or skip when the library is absent, see the test).
// - At exit, when DAM_ALLOCATION_REPORT=1, the whole process's total goes to stderr as
//   "heap allocations: N" (for dam-bench --steps; other preloaded processes stay quiet).
#define _GNU_SOURCE
#include <errno.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern void *__libc_malloc(size_t size);
extern void *__libc_calloc(size_t count, size_t size);
extern void *__libc_realloc(void *pointer, size_t size);
extern void *__libc_memalign(size_t alignment, size_t size);

static __thread unsigned long thread_allocations;
static atomic_ulong process_allocations;

static void counted(void) {
  thread_allocations++;
  atomic_fetch_add_explicit(&process_allocations, 1, memory_order_relaxed);
}

unsigned long dam_thread_allocations(void) { return thread_allocations; }

void *malloc(size_t size) {
  counted();
  return __libc_malloc(size);
}

void *calloc(size_t count, size_t size) {
  counted();
  return __libc_calloc(count, size);
}

void *realloc(void *pointer, size_t size) {
  counted();
  return __libc_realloc(pointer, size);
}

void *memalign(size_t alignment, size_t size) {
  counted();
  return __libc_memalign(alignment, size);
}

void *aligned_alloc(size_t alignment, size_t size) {
  counted();
  return __libc_memalign(alignment, size);
}

int posix_memalign(void **result, size_t alignment, size_t size) {
  counted();
  void *pointer = __libc_memalign(alignment, size);
  if (pointer == NULL) return ENOMEM;
  *result = pointer;
  return 0;
}

__attribute__((destructor)) static void report(void) {
  const char *wanted = getenv("DAM_ALLOCATION_REPORT");
  if (wanted == NULL || strcmp(wanted, "1") != 0) return;
  fprintf(stderr, "heap allocations: %lu\n", atomic_load(&process_allocations));
}
