import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Runs blocking work on a thread of its own: the cooperative pool has one
/// thread per core (two in CI), and a test blocking them stalls every other
/// test's awaits — NIO clients then time out with "I/O on closed channel".
func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread { continuation.resume(with: Result { try body() }) }
        thread.start()
    }
}

/// A plain blocking Unix stream socket, for clients that misbehave on purpose
/// (partial lines, floods, silence, early hang-ups) and for many at once.
/// Its async methods block a thread of their own, never the cooperative pool.
final class RawSocket: @unchecked Sendable {
    let fd: Int32
    private var buffer: [UInt8] = []

    /// Connects to `path`.
    init(connectingTo path: String) throws {
        fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw HarnessError("socket: errno \(errno)") }
        var sa = Self.address(path)
        let ok = withUnsafePointer(to: &sa) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        // No close here: a class's deinit runs when its init throws after
        // every property is set, and a second close could hit a reused number.
        guard ok == 0 else { throw HarnessError("connect \(path): errno \(errno)") }
    }

    /// A listening socket at `path`, as systemd would pass one.
    init(listeningAt path: String) throws {
        fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw HarnessError("socket: errno \(errno)") }
        unlink(path)
        var sa = Self.address(path)
        let ok = withUnsafePointer(to: &sa) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard ok == 0, listen(fd, 128) == 0 else { throw HarnessError("bind/listen \(path): errno \(errno)") }
    }

    deinit { close(fd) }

    private static func address(_ path: String) -> sockaddr_un {
        var sa = sockaddr_un()
        sa.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &sa.sun_path) { raw in
            for (i, b) in path.utf8.enumerated() { raw[i] = b }
        }
        return sa
    }

    /// Sends everything, or fails (EPIPE once the daemon hung up: no SIGPIPE).
    /// - Returns: bytes sent before a failure, or all of them.
    @discardableResult
    func send(_ bytes: [UInt8]) async -> Int {
        (try? await offPool { self.sendNow(bytes) }) ?? 0
    }

    func send(_ text: String) async { await send(Array(text.utf8)) }

    func readLine(timeout: Int32 = 10_000) async -> String? {
        (try? await offPool { self.readLineNow(timeout: timeout) }) ?? nil
    }

    func waitForClose(timeout: Int32) async -> Bool {
        (try? await offPool { self.waitForCloseNow(timeout: timeout) }) ?? false
    }

    @discardableResult
    func sendNow(_ bytes: [UInt8]) -> Int {
        var sent = 0
        while sent < bytes.count {
            let n = bytes.withUnsafeBytes {
                Glibc.send(fd, $0.baseAddress! + sent, $0.count - sent, Int32(MSG_NOSIGNAL))
            }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return sent }
            sent += n
        }
        return sent
    }

    /// The next line (without its newline); `nil` at end of stream or after
    /// `timeout` milliseconds without data.
    func readLineNow(timeout: Int32 = 10_000) -> String? {
        while true {
            if let nl = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffer[..<nl], as: UTF8.self)
                buffer.removeSubrange(...nl)
                return line
            }
            guard readMore(timeout: timeout) > 0 else { return nil }
        }
    }

    /// Whether the daemon closed the connection within `timeout` ms (data before the end is discarded).
    func waitForCloseNow(timeout: Int32) -> Bool {
        let deadline = ContinuousClock.now + .milliseconds(Int(timeout))
        while ContinuousClock.now < deadline {
            let left = Int32((deadline - ContinuousClock.now).components.seconds * 1000) + 1
            let n = readMore(timeout: left)
            if n == 0 { return true }
            if n < 0 { return false }
            buffer.removeAll()
        }
        return false
    }

    /// 0 at end of stream, -1 on timeout or error, else bytes read.
    private func readMore(timeout: Int32) -> Int {
        var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&pfd, 1, timeout) == 1 else { return -1 }
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let n = recv(fd, &chunk, chunk.count, 0)
        if n > 0 { buffer += chunk[..<n] }
        return n < 0 ? (errno == ECONNRESET ? 0 : -1) : n
    }

    /// The `error.code` of a JSON-RPC reply line.
    static func errorCode(_ line: String?) -> Int? {
        guard let line, let data = line.data(using: .utf8),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return nil }
        return (object["error"] as? [String: Any])?["code"] as? Int
    }
}
