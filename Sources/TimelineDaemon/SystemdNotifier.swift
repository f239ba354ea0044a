import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Sends sd_notify(3) messages to `$NOTIFY_SOCKET` with one datagram each,
/// without libsystemd. A no-op when not run by systemd.
public struct SystemdNotifier: Sendable {
    /// The socket address bytes: a path, or a leading NUL for an abstract name.
    private let address: [UInt8]?

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        guard let value = environment["NOTIFY_SOCKET"], !value.isEmpty, value.utf8.count <= 107 else {
            address = nil
            return
        }
        if value.hasPrefix("@") {
            address = [0] + Array(value.utf8.dropFirst())
        } else if value.hasPrefix("/") {
            address = Array(value.utf8)
        } else {
            address = nil
        }
    }

    public var isEnabled: Bool { address != nil }

    /// Sends `state` (newline-separated `KEY=VALUE` lines). Errors are ignored
    /// on purpose: a lost status line must never stop the daemon.
    public func notify(_ state: String) {
        guard let address else { return }
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return }
        defer { close(fd) }
        var sa = sockaddr_un()
        sa.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &sa.sun_path) { raw in
            for (i, b) in address.enumerated() { raw[i] = b }
        }
        let isAbstract = address.first == 0
        let length = socklen_t(
            MemoryLayout<sockaddr_un>.offset(of: \sockaddr_un.sun_path)! + address.count + (isAbstract ? 0 : 1)
        )
        let payload = Array(state.utf8)
        _ = withUnsafePointer(to: &sa) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) { sp in
                payload.withUnsafeBytes { sendto(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL), sp, length) }
            }
        }
    }
}
