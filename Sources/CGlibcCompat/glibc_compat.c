// glibc 2.35 gave hypot and hypotf new symbol versions (GLIBC_2.35), and Foundation, linked statically, calls
// them: a binary built on glibc 2.35+ then refuses to start on 2.34 ("version `GLIBC_2.35' not found"), which is
// Amazon Linux 2023 and Lambda's provided.al2023. The executable defines both itself, calling the versions every
// glibc since the first x86-64/AArch64 release exports; the static linker resolves Foundation's calls here, so
// no GLIBC_2.35 reference is left. The two versions compute the same results; the new ones only dropped the
// SVID error-handling mode that glibc removed in 2.27. `scripts/install-check.sh` checks the newest version the
// binary asks for.
#include "glibc_compat.h"

#include <features.h>

#if defined(__linux__) && defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 35))
#if defined(__x86_64__)
#define CBT_LIBM_BASE "GLIBC_2.2.5"
#elif defined(__aarch64__)
#define CBT_LIBM_BASE "GLIBC_2.17"
#endif
#endif

#ifdef CBT_LIBM_BASE
double cbt_hypot_base(double, double);
float cbt_hypotf_base(float, float);
__asm__(".symver cbt_hypot_base, hypot@" CBT_LIBM_BASE);
__asm__(".symver cbt_hypotf_base, hypotf@" CBT_LIBM_BASE);

// Hidden: visible to the static link only. Exported (the Swift link passes -export-dynamic), the loader would
// bind the versioned references above to these very definitions, and each would call itself.
__attribute__((visibility("hidden"))) double hypot(double x, double y) { return cbt_hypot_base(x, y); }
__attribute__((visibility("hidden"))) float hypotf(float x, float y) { return cbt_hypotf_base(x, y); }
#endif

// The same for libstdc++: GCC 12 (GLIBCXX_3.4.30) gave std::condition_variable::wait(unique_lock<mutex>&) a
// new version, which the statically linked Swift runtime calls; GCC 11's libstdc++ (Amazon Linux 2023) has
// only the GLIBCXX_3.4.11 one, which does the same wait. Defined here under its mangled name (a member function:
// `this` and the lock's address), forwarding to that version.
#if defined(__linux__) && defined(__GLIBC__) && (defined(__x86_64__) || defined(__aarch64__))
void cbt_condition_variable_wait_base(void *condition, void *lock);
__asm__(".symver cbt_condition_variable_wait_base, _ZNSt18condition_variable4waitERSt11unique_lockISt5mutexE@GLIBCXX_3.4.11");

__attribute__((visibility("hidden")))
void _ZNSt18condition_variable4waitERSt11unique_lockISt5mutexE(void *condition, void *lock) {
    cbt_condition_variable_wait_base(condition, lock);
}
#endif

int cbt_glibc_compat_linked(void) { return 1; }
