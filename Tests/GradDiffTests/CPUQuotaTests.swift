import Testing
@testable import GradDiff

/// A control group's CPU quota, read from the files cgroup v1 and v2 show, as whole
/// cores: the smallest limit of the process's group and the groups above it.
@Suite struct CPUQuotaTests {
    static func cores(_ procSelfCgroup: String, _ files: [String: String]) -> Int? {
        CPUQuota.cores(procSelfCgroup: procSelfCgroup, read: { files[$0] })
    }

    @Test func cgroupV2ReadsCpuMaxUpToTheRoot() {
        #expect(Self.cores("0::/a/b\n", ["/sys/fs/cgroup/a/b/cpu.max": "max 100000\n",
                                          "/sys/fs/cgroup/a/cpu.max": "150000 100000\n"]) == 2)
        #expect(Self.cores("0::/a/b\n", ["/sys/fs/cgroup/a/b/cpu.max": "50000 100000\n",
                                          "/sys/fs/cgroup/cpu.max": "400000 100000\n"]) == 1)
        #expect(Self.cores("0::/\n", ["/sys/fs/cgroup/cpu.max": "200000 100000\n"]) == 2)
        #expect(Self.cores("0::/a\n", ["/sys/fs/cgroup/a/cpu.max": "max 100000\n"]) == nil)
        #expect(Self.cores("0::/a\n", [:]) == nil)
    }

    @Test func cgroupV1ReadsTheCpuControllersQuotaOverItsPeriod() {
        let line = "12:pids:/x\n4:cpu,cpuacct:/docker/abc\n0::/\n"
        #expect(Self.cores(line, ["/sys/fs/cgroup/cpu,cpuacct/docker/abc/cpu.cfs_quota_us": "100000\n",
                                  "/sys/fs/cgroup/cpu,cpuacct/docker/abc/cpu.cfs_period_us": "100000\n"]) == 1)
        #expect(Self.cores(line, ["/sys/fs/cgroup/cpu,cpuacct/docker/abc/cpu.cfs_quota_us": "-1\n",
                                  "/sys/fs/cgroup/cpu,cpuacct/docker/abc/cpu.cfs_period_us": "100000\n"]) == nil)
        // In a container the group's path is the host's, and its files are at the mount's root.
        #expect(Self.cores(line, ["/sys/fs/cgroup/cpu/cpu.cfs_quota_us": "250000\n",
                                  "/sys/fs/cgroup/cpu/cpu.cfs_period_us": "100000\n"]) == 3)
        // Another controller's group says nothing of CPU time.
        #expect(Self.cores("12:pids:/x\n", ["/sys/fs/cgroup/pids/x/cpu.cfs_quota_us": "100000\n",
                                            "/sys/fs/cgroup/pids/x/cpu.cfs_period_us": "100000\n"]) == nil)
    }

    @Test func aGroupAndTheGroupsAboveIt() {
        #expect(CPUQuota.groups("/a/b") == ["/a/b", "/a", ""])
        #expect(CPUQuota.groups("/a/b/") == ["/a/b", "/a", ""])
        #expect(CPUQuota.groups("/") == [""])
    }

    @Test func malformedFilesAreNoLimit() {
        #expect(CPUQuota.v2Cores("max") == nil)
        #expect(CPUQuota.v2Cores("0 100000") == nil)
        #expect(CPUQuota.v2Cores("100000 0") == nil)
        #expect(CPUQuota.v1Cores(quota: "abc", period: "100000") == nil)
        #expect(CPUQuota.v1Cores(quota: "100000", period: nil) == nil)
    }
}
