#define _GNU_SOURCE
#include "CMemoryMap.h"

#ifdef __linux__
#include <sys/mman.h>

void *graddiff_remap(void *address, size_t oldSize, size_t newSize) {
    void *moved = mremap(address, oldSize, newSize, MREMAP_MAYMOVE);
    return moved == MAP_FAILED ? NULL : moved;
}
#else
void *graddiff_remap(void *address, size_t oldSize, size_t newSize) {
    (void)address; (void)oldSize; (void)newSize;
    return NULL;
}
#endif
