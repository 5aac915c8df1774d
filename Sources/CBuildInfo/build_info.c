#include "cbt_build_info.h"

#if __has_include("generated/build_commit.h")
#include "generated/build_commit.h"
#endif

#ifndef CBT_BUILD_COMMIT
#define CBT_BUILD_COMMIT "unknown"
#endif

const char *cbt_build_commit(void) { return CBT_BUILD_COMMIT; }
