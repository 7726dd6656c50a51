#define _GNU_SOURCE
#include "CMemory.h"

#ifdef __linux__
#include <malloc.h>
#include <sys/mman.h>

void *graddiff_remap(void *address, size_t oldSize, size_t newSize) {
    void *moved = mremap(address, oldSize, newSize, MREMAP_MAYMOVE);
    return moved == MAP_FAILED ? NULL : moved;
}

int graddiff_keep_freed_memory(int heapBlockLimit, int keptFreeBytes) {
    return mallopt(M_MMAP_THRESHOLD, heapBlockLimit) && mallopt(M_TRIM_THRESHOLD, keptFreeBytes);
}
#else
void *graddiff_remap(void *address, size_t oldSize, size_t newSize) {
    (void)address; (void)oldSize; (void)newSize;
    return NULL;
}

int graddiff_keep_freed_memory(int heapBlockLimit, int keptFreeBytes) {
    (void)heapBlockLimit; (void)keptFreeBytes;
    return 0;
}
#endif
