import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Sockets passed by systemd socket activation (sd_listen_fds(3), without libsystemd).
enum ListenSockets {
    /// The first passed descriptor, if systemd passed any to this process.
    /// Clears the variables so children do not inherit them, as sd_listen_fds does.
    static func take(environment: [String: String] = ProcessInfo.processInfo.environment) -> Int32? {
        guard let pid = environment["LISTEN_PID"].flatMap(Int32.init), pid == getpid(),
            let count = environment["LISTEN_FDS"].flatMap(Int.init), count >= 1
        else { return nil }
        unsetenv("LISTEN_PID")
        unsetenv("LISTEN_FDS")
        unsetenv("LISTEN_FDNAMES")
        let fd: Int32 = 3  // SD_LISTEN_FDS_START
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        return fd
    }
}
