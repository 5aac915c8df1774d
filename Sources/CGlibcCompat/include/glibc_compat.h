// Keeps the release binary runnable on glibc 2.34 (Amazon Linux 2023, Lambda's provided.al2023): see
// glibc_compat.c. Nothing here is called from Swift; the report target links it in.
#ifndef CBT_GLIBC_COMPAT_H
#define CBT_GLIBC_COMPAT_H

#ifdef __cplusplus
extern "C" {
#endif

int cbt_glibc_compat_linked(void);
/// 1 after a std::condition_variable wait/notify between two threads (for the tests).
int cbt_condition_variable_probe(void);

#ifdef __cplusplus
}
#endif

#endif
