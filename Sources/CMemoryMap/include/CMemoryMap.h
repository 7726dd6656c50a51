// Growing a memory mapping without copying it: Swift cannot call mremap, which C
// declares with a variadic argument.
#ifndef GRADDIFF_CMEMORYMAP_H
#define GRADDIFF_CMEMORYMAP_H

#include <stddef.h>

/// The anonymous mapping at `address` of `oldSize` bytes made `newSize` bytes long,
/// moved if it cannot grow where it is: its pages move with it, never copied or faulted
/// again. Returns NULL when the system refuses (or is not Linux).
void *graddiff_remap(void *address, size_t oldSize, size_t newSize);

#endif
