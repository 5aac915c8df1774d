#include "cbt_zlib_shims.h"

int cbt_inflate_init2(z_stream *stream, int window_bits) {
    return inflateInit2(stream, window_bits);
}
int cbt_deflate_init2(z_stream *stream, int level, int window_bits) {
    return deflateInit2(stream, level, Z_DEFLATED, window_bits, 8, Z_DEFAULT_STRATEGY);
}
