// LD_PRELOAD library for bench/check-allocations.sh: counts calls to the heap allocation functions
// and prints the totals to stderr when the process exits.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

static atomic_long allocations;

static void *(*real_malloc)(size_t);
static void *(*real_calloc)(size_t, size_t);
static void *(*real_realloc)(void *, size_t);
static int (*real_posix_memalign)(void **, size_t, size_t);
static void *(*real_aligned_alloc)(size_t, size_t);

// dlsym itself may call calloc before real_calloc is known: serve it from a static arena.
static char bootstrap[4096];
static size_t bootstrap_used;

static void *bootstrap_alloc(size_t size) {
  size = (size + 15) & ~(size_t)15;
  if (bootstrap_used + size > sizeof bootstrap) return NULL;
  void *p = bootstrap + bootstrap_used;
  bootstrap_used += size;
  return p;
}

static void resolve(void) {
  static int resolving;
  if (real_malloc || resolving) return;
  resolving = 1;
  real_calloc = dlsym(RTLD_NEXT, "calloc");
  real_malloc = dlsym(RTLD_NEXT, "malloc");
  real_realloc = dlsym(RTLD_NEXT, "realloc");
  real_posix_memalign = dlsym(RTLD_NEXT, "posix_memalign");
  real_aligned_alloc = dlsym(RTLD_NEXT, "aligned_alloc");
  resolving = 0;
}

void *malloc(size_t size) {
  resolve();
  if (!real_malloc) return bootstrap_alloc(size);
  atomic_fetch_add(&allocations, 1);
  return real_malloc(size);
}

void *calloc(size_t count, size_t size) {
  resolve();
  if (!real_calloc) return bootstrap_alloc(count * size);  // static memory is zeroed
  atomic_fetch_add(&allocations, 1);
  return real_calloc(count, size);
}

void *realloc(void *pointer, size_t size) {
  resolve();
  atomic_fetch_add(&allocations, 1);
  return real_realloc(pointer, size);
}

int posix_memalign(void **pointer, size_t alignment, size_t size) {
  resolve();
  atomic_fetch_add(&allocations, 1);
  return real_posix_memalign(pointer, alignment, size);
}

void *aligned_alloc(size_t alignment, size_t size) {
  resolve();
  atomic_fetch_add(&allocations, 1);
  return real_aligned_alloc(alignment, size);
}

void free(void *pointer) {
  static void (*real_free)(void *);
  if ((char *)pointer >= bootstrap && (char *)pointer < bootstrap + sizeof bootstrap) return;
  if (!real_free) real_free = dlsym(RTLD_NEXT, "free");
  real_free(pointer);
}

__attribute__((destructor)) static void report(void) {
  fprintf(stderr, "heap allocations: %ld\n", atomic_load(&allocations));
}
