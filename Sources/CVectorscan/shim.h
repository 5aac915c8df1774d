// Vectorscan (the portable Hyperscan): automata-based multi-pattern matching, linear in the input.
#include <hs.h>
