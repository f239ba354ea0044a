#if canImport(Glibc)
import Glibc
#endif

/// A blocking Unix-socket connection that sends request lines and reads
/// response lines as bytes, so what is timed is the daemon, not the client's
/// JSON decoding (Foundation's decoder takes longer than the daemon to answer).
final class RawConnection {
    private let fd: Int32
    private var buffer: [UInt8] = []
    private var start = 0

    init(path: String) throws {
        fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw BenchError("socket: errno \(errno)") }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { throw BenchError("path too long") }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (i, b) in bytes.enumerated() { raw[i] = b }
        }
        let ok = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard ok == 0 else {
            close(fd)
            throw BenchError("connect \(path): errno \(errno)")
        }
    }

    deinit { close(fd) }

    /// Sends one request line and returns the response line (without its newline).
    func call(_ line: [UInt8]) throws -> ArraySlice<UInt8> {
        var sent = 0
        while sent < line.count {
            let n = line.withUnsafeBytes { send(fd, $0.baseAddress! + sent, line.count - sent, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { throw BenchError("send: errno \(errno)") }
            sent += n
        }
        return try readLine()
    }

    private func readLine() throws -> ArraySlice<UInt8> {
        var scanFrom = start
        while true {
            if let nl = buffer[scanFrom...].firstIndex(of: UInt8(ascii: "\n")) {
                let line = buffer[start..<nl]
                start = nl + 1
                return line
            }
            scanFrom = buffer.count
            if start > 0 && start == buffer.count {
                buffer.removeAll(keepingCapacity: true)
                start = 0
                scanFrom = 0
            }
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress!, $0.count, 0) }
            guard n > 0 else { throw BenchError("connection closed (errno \(errno))") }
            buffer += chunk[0..<n]
        }
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}
