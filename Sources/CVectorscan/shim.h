// Vectorscan (the portable Hyperscan): automata-based multi-pattern matching, linear in the input.
#include <hs.h>
#include <dlfcn.h>

typedef hs_error_t (*cbt_hs_scan_function)(const hs_database_t *database, const char *data, unsigned int length,
                                           unsigned int flags, hs_scratch_t *scratch, match_event_handler onEvent,
                                           void *context);

// Vectorscan 5.4.x's AVX-512 runtime misses matches of negated-class loops near the end of the buffer
// (`[^"]+"` on a 288-byte line: the tail vector is masked at the wrong end, VectorCamp/vectorscan#378, fixed
// after 5.4.12), and what it misses depends on the bytes after the line. A fat-runtime build (Debian's) exports
// each CPU's entry point: on a machine with AVX2, its AVX2 scanner is used instead. Null when there is none
// (not x86-64, no AVX2, or a single-target build): then hs_scan is used.
static inline cbt_hs_scan_function cbt_hs_avx2_scan(void) {
#if defined(__x86_64__)
    __builtin_cpu_init();
    if (!__builtin_cpu_supports("avx2")) return 0;
    return (cbt_hs_scan_function)dlsym(RTLD_DEFAULT, "avx2_hs_scan");
#else
    return 0;
#endif
}
