#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The CPU time this process's control groups allow it, in cores: a container started
/// with `--cpus=1` sees every core of the host, but threads beyond its quota would only
/// be throttled in turn. Read once, from the group files the kernel shows, as glibc
/// reads the online cores from /sys for `sysconf`.
///
/// cgroup v2 states it in `cpu.max` ("150000 100000": 1.5 cores; "max 100000": no
/// limit), cgroup v1 in `cpu.cfs_quota_us` (-1: no limit) over `cpu.cfs_period_us`. A
/// group's limit holds for the groups inside it, so the group and every group above it
/// are read, and the smallest limit counts, rounded up to whole cores.
enum CPUQuota {
    /// The limit of this process's groups, or nil where there is none.
    static let cores: Int? = cores(procSelfCgroup: contents(of: "/proc/self/cgroup") ?? "", read: contents(of:))

    /// The limit for the groups `procSelfCgroup` (the text of /proc/self/cgroup) names,
    /// reading a file through `read`.
    static func cores(procSelfCgroup: String, read: (String) -> String?) -> Int? {
        var smallest: Int? = nil
        for line in procSelfCgroup.split(separator: "\n") {
            // "hierarchy:controllers:path"; v2's has no controllers ("0::/path").
            let fields = line.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3 else { continue }
            let controllers = fields[1].split(separator: ",")
            let folders: [String]
            if fields[0] == "0" && controllers.isEmpty {
                folders = ["/sys/fs/cgroup"]
            } else if controllers.contains("cpu") {
                // Its own mount, else where `cpu` alone is mounted (the same folder when it is).
                let mount = "/sys/fs/cgroup/" + fields[1]
                folders = mount == "/sys/fs/cgroup/cpu" ? [mount] : [mount, "/sys/fs/cgroup/cpu"]
            } else {
                continue
            }
            for folder in folders {
                for group in groups(String(fields[2])) {
                    let limit = fields[0] == "0" ? v2Cores(read(folder + group + "/cpu.max"))
                        : v1Cores(quota: read(folder + group + "/cpu.cfs_quota_us"), period: read(folder + group + "/cpu.cfs_period_us"))
                    if let limit { smallest = Swift.min(smallest ?? limit, limit) }
                }
            }
        }
        return smallest
    }

    /// `/a/b` and the groups above it: `/a/b`, `/a`, and the root, "".
    static func groups(_ path: String) -> [String] {
        var groups: [String] = []
        var group = Substring(path)
        while group.hasSuffix("/") { group.removeLast() }
        while true {
            groups.append(String(group))
            guard let slash = group.lastIndex(of: "/") else { break }
            group = group[..<slash]
        }
        if groups.last != "" { groups.append("") }
        return groups
    }

    /// cgroup v2's `cpu.max`: "QUOTA PERIOD" or "max PERIOD".
    static func v2Cores(_ text: String?) -> Int? {
        guard let words = text?.split(whereSeparator: { $0 == " " || $0 == "\n" }), words.count == 2 else { return nil }
        return cores(quota: Int(words[0]), period: Int(words[1]))
    }

    /// cgroup v1's quota and period, in microseconds; a quota of -1 is no limit.
    static func v1Cores(quota: String?, period: String?) -> Int? {
        func number(_ text: String?) -> Int? { text.flatMap { Int($0.split(separator: "\n").first ?? "") } }
        return cores(quota: number(quota), period: number(period))
    }

    private static func cores(quota: Int?, period: Int?) -> Int? {
        guard let quota, let period, quota > 0, period > 0 else { return nil }
        return Swift.max(1, (quota + period - 1) / period)
    }

    /// A small file's text, or nil when it cannot be read.
    static func contents(of path: String) -> String? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: 4096)
        let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count >= 0 else { return nil }
        return String(decoding: bytes[..<count], as: UTF8.self)
    }
}
