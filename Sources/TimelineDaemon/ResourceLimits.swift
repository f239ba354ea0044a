import Logging

#if canImport(Glibc)
import Glibc
#endif

/// Process resource limits the daemon adjusts at start.
enum ResourceLimits {
    /// Raises the soft limit on open files to the hard limit.
    ///
    /// Each client connection is a descriptor, and so are the log, the
    /// inotify instance and the files being read: the common soft limit of
    /// 1,024 would make `server.max_connections` unreachable. The hard limit
    /// is the administrator's (`LimitNOFILE=` under systemd, 524,288 by default).
    ///
    /// - Returns: the soft limit in force afterwards.
    @discardableResult
    static func raiseOpenFiles(logger: Logger) -> UInt64 {
        var limit = rlimit()
        guard getrlimit(RLIMIT_NOFILE_VALUE, &limit) == 0 else { return 0 }
        guard limit.rlim_cur < limit.rlim_max else { return UInt64(limit.rlim_cur) }
        let before = limit.rlim_cur
        limit.rlim_cur = limit.rlim_max
        guard setrlimit(RLIMIT_NOFILE_VALUE, &limit) == 0 else {
            logger.notice("cannot raise the open-files limit", metadata: ["limit": "\(before)", "errno": "\(errno)"])
            return UInt64(before)
        }
        logger.debug("raised the open-files limit", metadata: ["from": "\(before)", "to": "\(limit.rlim_cur)"])
        return UInt64(limit.rlim_cur)
    }

    /// Glibc imports `RLIMIT_NOFILE` as an enum case of `__rlimit_resource`.
    private static let RLIMIT_NOFILE_VALUE = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
}
