// What Swift cannot reach of the C library's scheduling calls: sched_getaffinity, which
// the Glibc module does not export.
#ifndef GRADDIFF_CCORES_H
#define GRADDIFF_CCORES_H

/// How many cores the calling thread may run on: its CPU affinity mask, which `taskset`,
/// `numactl` and a container's cpuset narrow. Returns 0 when the system cannot say (or
/// is not Linux).
int graddiff_cores_allowed(void);

#endif
