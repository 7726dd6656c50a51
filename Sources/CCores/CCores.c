#define _GNU_SOURCE
#include "CCores.h"

#ifdef __linux__
#include <sched.h>

int graddiff_cores_allowed(void) {
    cpu_set_t set;
    CPU_ZERO(&set);
    // A mask wider than cpu_set_t's 1024 cores fails with EINVAL: the caller then counts
    // the online cores instead.
    if (sched_getaffinity(0, sizeof set, &set) != 0) return 0;
    return CPU_COUNT(&set);
}
#else
int graddiff_cores_allowed(void) {
    return 0;
}
#endif
