import NIOCore
import Synchronization
import TimelineProtocol

#if canImport(Glibc)
import Glibc
#endif

/// Who is at the other end of a Unix socket connection, as the kernel saw
/// them when they connected (SO_PEERCRED, unix(7)).
public struct PeerCredentials: Sendable, Hashable, CustomStringConvertible {
    public var pid: Int32
    public var uid: UInt32
    public var gid: UInt32

    public init(pid: Int32, uid: UInt32, gid: UInt32) {
        self.pid = pid
        self.uid = uid
        self.gid = gid
    }

    /// The credentials of a connected channel's peer, or `nil` if the kernel
    /// would not tell (the peer already gone, or not a Unix socket).
    public static func of(_ channel: any Channel) async -> PeerCredentials? {
        guard let provider = channel as? any SocketOptionProvider else { return nil }
        let future: EventLoopFuture<UCred> = provider.unsafeGetSocketOption(
            level: SocketOptionLevel(SOL_SOCKET),
            name: SocketOptionName(SO_PEERCRED)
        )
        guard let cred = try? await future.get() else { return nil }
        return PeerCredentials(pid: cred.pid, uid: cred.uid, gid: cred.gid)
    }

    public var description: String { "pid \(pid), uid \(uid), gid \(gid)" }

    /// `struct ucred` of <sys/socket.h>, which Glibc's module leaves out
    /// (it needs `_GNU_SOURCE`); same layout on every Linux architecture.
    private struct UCred: Sendable {
        var pid: Int32 = 0
        var uid: UInt32 = 0
        var gid: UInt32 = 0
    }
}

/// Which peers may use the socket, beyond what the socket file's mode and
/// group allow. Changeable while the server runs (a configuration reload);
/// connections already admitted stay.
///
/// With both lists empty everyone who can open the socket is served. Otherwise
/// a peer is served when its uid is in `uids` or its primary gid (the one
/// SO_PEERCRED reports; supplementary groups are not seen) is in `gids`.
public final class PeerPolicy: Sendable {
    private struct Lists: Sendable {
        var uids: Set<UInt32>
        var gids: Set<UInt32>
    }

    private let lists: Mutex<Lists>

    public init(uids: some Sequence<UInt32> = [], gids: some Sequence<UInt32> = []) {
        lists = Mutex(Lists(uids: Set(uids), gids: Set(gids)))
    }

    /// Replaces both lists.
    public func update(uids: some Sequence<UInt32>, gids: some Sequence<UInt32>) {
        let new = Lists(uids: Set(uids), gids: Set(gids))
        lists.withLock { $0 = new }
    }

    /// Whether any check applies.
    public var isRestricted: Bool { lists.withLock { !$0.uids.isEmpty || !$0.gids.isEmpty } }

    /// `nil` when `peer` may be served, else the error to send it.
    /// Unknown credentials are refused whenever a list is set.
    public func refusal(for peer: PeerCredentials?) -> RPCError? {
        let lists = self.lists.withLock { $0 }
        guard !lists.uids.isEmpty || !lists.gids.isEmpty else { return nil }
        guard let peer else { return .forbidden("cannot tell who is connecting; access is restricted") }
        if lists.uids.contains(peer.uid) || lists.gids.contains(peer.gid) { return nil }
        return .forbidden(
            "uid \(peer.uid) (gid \(peer.gid)) may not use this socket; see server.allowed_uids and server.allowed_gids"
        )
    }
}

extension RPCError {
    /// The peer is not on the socket's allow-list.
    public static func forbidden(_ message: String) -> RPCError { RPCError(code: -32003, message: message) }
}
