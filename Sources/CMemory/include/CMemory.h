// What Swift cannot reach of the C library's memory calls: mremap, which C declares
// with a variadic argument, and mallopt, which the Glibc module does not export.
#ifndef GRADDIFF_CMEMORY_H
#define GRADDIFF_CMEMORY_H

#include <stddef.h>

/// The anonymous mapping at `address` of `oldSize` bytes made `newSize` bytes long,
/// moved if it cannot grow where it is: its pages move with it, never copied or faulted
/// again. Returns NULL when the system refuses (or is not Linux).
void *graddiff_remap(void *address, size_t oldSize, size_t newSize);

/// Has malloc take blocks of up to `heapBlockLimit` bytes from the heap (not a mapping
/// each, unmapped when freed), and keep up to `keptFreeBytes` free at the heap's end, so
/// freed memory is reused. Returns 0 when the C library refuses (or is not glibc).
int graddiff_keep_freed_memory(int heapBlockLimit, int keptFreeBytes);

#endif
