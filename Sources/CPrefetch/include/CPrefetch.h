// A hint that memory will be read soon, for the engine's hash tables: Swift has no
// prefetch of its own. A static inline function, so Swift inlines it into the caller
// as one instruction.
#ifndef GRADDIFF_CPREFETCH_H
#define GRADDIFF_CPREFETCH_H

/// Starts loading the cache line holding `address`, without waiting for it.
static inline void graddiff_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

#endif
