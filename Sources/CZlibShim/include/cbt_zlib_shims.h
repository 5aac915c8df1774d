// zlib's inflateInit2/deflateInit2 are function-like macros, which do not import into Swift.
#ifndef CBT_ZLIB_SHIMS_H
#define CBT_ZLIB_SHIMS_H

#include <zlib.h>

/// inflateInit2 for gzip (window_bits = 16 + MAX_WBITS) or gzip-or-zlib (32 + MAX_WBITS).
int cbt_inflate_init2(z_stream *stream, int window_bits);
/// deflateInit2 writing gzip (window_bits = 16 + MAX_WBITS).
int cbt_deflate_init2(z_stream *stream, int level, int window_bits);

#endif
