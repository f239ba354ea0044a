import Foundation
import Logging

@testable import DropWatcher

#if canImport(Glibc)
import Glibc
#endif

/// A unique directory under /tmp, removed on deinit.
final class TemporaryDirectory: Sendable {
    let path: String

    init(_ label: String = "dropwatcher") throws {
        var template = Array("/tmp/\(label)-XXXXXX".utf8CString)
        guard let created = mkdtemp(&template) else {
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
        path = String(cString: created)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    func at(_ relative: String) -> String { path + "/" + relative }
}

struct SystemCallFailed: Error, CustomStringConvertible {
    let call: String
    let path: String
    let errno: Int32
    var description: String { "\(call)(\(path)): \(String(cString: strerror(errno)))" }
}

/// Writes `contents` with open/write/close (one IN_CLOSE_WRITE).
func writeFile(_ path: String, _ contents: String = "text\n") throws {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard fd >= 0 else { throw SystemCallFailed(call: "open", path: path, errno: errno) }
    defer { close(fd) }
    try writeAll(fd, contents, path: path)
}

func writeAll(_ fd: Int32, _ contents: String, path: String) throws {
    var bytes = Array(contents.utf8)
    let count = bytes.count
    let written = bytes.withUnsafeMutableBytes { write(fd, $0.baseAddress, count) }
    guard written == count else { throw SystemCallFailed(call: "write", path: path, errno: errno) }
}

func makeDirectory(_ path: String) throws {
    guard mkdir(path, 0o755) == 0 else { throw SystemCallFailed(call: "mkdir", path: path, errno: errno) }
}

func renameItem(_ from: String, _ to: String) throws {
    guard rename(from, to) == 0 else { throw SystemCallFailed(call: "rename", path: from, errno: errno) }
}

func testLogger(_ label: String) -> Logger {
    var logger = Logger(label: "DropWatcherTests.\(label)")
    logger.logLevel = .notice
    return logger
}

extension AsyncThrowingStream<DropEvent, any Error>.AsyncIterator {
    /// Reads events until one satisfies `stop`; returns all read, the last being
    /// the match. Throws if the stream ends first (the test's time limit bounds hangs).
    mutating func collect(until stop: (DropEvent) -> Bool) async throws -> [DropEvent] {
        var seen: [DropEvent] = []
        while let event = try await next() {
            seen.append(event)
            if stop(event) { return seen }
        }
        throw StreamEnded(seen: seen)
    }

    mutating func collect(until event: DropEvent) async throws -> [DropEvent] {
        try await collect(until: { $0 == event })
    }
}

struct StreamEnded: Error {
    let seen: [DropEvent]
}
