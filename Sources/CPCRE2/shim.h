// PCRE2, 8-bit code units: named captures on the few lines a linear-time match already selected.
// The generic names (pcre2_compile, …) are macros Swift cannot import; use the _8 functions.
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
