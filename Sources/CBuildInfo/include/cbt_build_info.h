// The git commit the binary was built from, for `cbtriage --version`. `make build` writes
// Sources/CBuildInfo/generated/build_commit.h (ignored by git) before it builds; a plain `swift build` has none
// and reports "unknown".
#ifndef CBT_BUILD_INFO_H
#define CBT_BUILD_INFO_H

const char *cbt_build_commit(void);

#endif
