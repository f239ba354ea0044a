import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The socket file's mode and group: who may connect at all. Applied to a
/// socket the daemon made itself; a socket from systemd keeps the unit's
/// `SocketMode=` and `SocketGroup=`.
enum SocketAccess {
    /// Sets `mode` and, when given, the group of the socket at `path`.
    ///
    /// - Parameter group: a group name or number.
    /// - Throws: `ConfigurationError` when the group does not exist or the
    ///   daemon may not give the socket to it (it must be root or a member).
    static func apply(path: String, mode: UInt32, group: String?) throws(ConfigurationError) {
        if let group {
            let gid = try resolve(group: group)
            guard chown(path, uid_t.max, gid) == 0 else {
                throw ConfigurationError(
                    message: "cannot give \(path) to group \(group): \(String(cString: strerror(errno)))"
                )
            }
        }
        guard chmod(path, mode_t(mode)) == 0 else {
            throw ConfigurationError(
                message:
                    "cannot set the mode of \(path) to \(String(mode, radix: 8)): \(String(cString: strerror(errno)))"
            )
        }
    }

    /// The gid of a group name or number.
    static func resolve(group: String) throws(ConfigurationError) -> gid_t {
        if let n = UInt32(group) { return n }
        var entry = group_struct()
        var result: UnsafeMutablePointer<group_struct>?
        var buffer = [CChar](repeating: 0, count: 16_384)
        let status = getgrnam_r(group, &entry, &buffer, buffer.count, &result)
        guard status == 0, let found = result else {
            throw ConfigurationError(message: "server.socket_group: no group named '\(group)'")
        }
        return found.pointee.gr_gid
    }

    private typealias group_struct = Glibc.group
}
