import ArgumentParser
import Foundation
import TimelineClient
import TimelineCore
import TimelineExport
import TimelineProtocol

#if canImport(Glibc)
import Glibc
#endif

/// `export --format jsonl --follow`: the log's changes, in log order, for ever.
///
/// Reads with `changes` (answered from the log, so nothing depends on a
/// subscriber keeping up) and waits for a `subscribe` notification when
/// caught up. Each line is written with one write(2) before its position is
/// kept, so a restart resumes after the last line written: with `--output`
/// the file itself says where (its last line's seq; a torn line is cut);
/// with standard output and `--resume-file`, a kill between the write and the
/// keeping of the position repeats at most that one line, which carries its
/// seq for a consumer to drop.
struct FollowExport {
    var socketPath: String
    var filters: QueryParams
    var output: String?
    var after: UInt64?
    var resumeFile: String?

    /// How long a quiet subscription waits before the feed is asked again anyway.
    static let pollEvery: Int64 = 60

    private struct Resubscribe: Error {}

    func run() async throws {
        let sink: OutputSink
        let position: ResumePosition?
        var start = after ?? 0
        do {
            position = try resumeFile.map { try ResumePosition(path: $0) }
            if let p = position?.value { start = max(start, p) }
            if let output {
                sink = try OutputSink(appendingTo: output)
                if let last = try sink.lastSeqCuttingTornTail() { start = max(start, last) }
            } else {
                sink = .standardOutput
            }
        } catch {
            throw ValidationError("\(error)")
        }
        let wakeups = TimelineClient(socketPath: socketPath, timeout: .seconds(Self.pollEvery))
        let calls = TimelineClient(socketPath: socketPath, timeout: .seconds(30))
        var next = start
        var down = false
        var pause = Duration.milliseconds(100)
        while true {
            do {
                try await wakeups.withConnection { sub in
                    // Subscribed before catching up, so no change after the catch-up goes unnoticed.
                    _ = try await sub.call(Methods.subscribe, SubscribeParams(), as: SubscribeResult.self)
                    try await calls.withConnection { conn in
                        if down {
                            FileHandle.standardError.write(
                                Data("timelinectl: connected again; after seq \(next)\n".utf8)
                            )
                            down = false
                        }
                        pause = .milliseconds(100)
                        while true {
                            let batch = try await conn.call(
                                Methods.changes,
                                ChangesParams(filters, after: next, limit: ChangesParams.defaultLimit),
                                as: ChangesResult.self
                            )
                            for c in batch.changes {
                                let line: String
                                if let e = c.event {
                                    line = try JSONLinesWriter.line(e, seq: c.seq)
                                } else {
                                    line = try JSONLinesWriter.retraction(
                                        c.retracted ?? [],
                                        document: c.document,
                                        seq: c.seq
                                    )
                                }
                                try sink.write(line + "\n")
                                try position?.keep(c.seq)
                            }
                            if batch.next > next {
                                next = batch.next
                                try position?.keep(next)
                            }
                            guard batch.next >= batch.lastSeq else { continue }
                            let n = try await sub.nextNotification()
                            if n.method == Methods.Notification.ended { throw Resubscribe() }
                        }
                    }
                }
            } catch is Resubscribe {
                continue
            } catch ClientError.timedOut {
                // Quiet for a while: ask again on fresh connections.
                continue
            } catch let error as ClientError {
                if case .server = error {
                    FileHandle.standardError.write(Data("timelinectl: \(error)\n".utf8))
                    throw ExitCode(1)
                }
                if !down {
                    FileHandle.standardError.write(
                        Data("timelinectl: \(error); retrying (last seq written \(next))\n".utf8)
                    )
                    down = true
                }
                try await Task.sleep(for: pause)
                pause = min(pause * 2, .seconds(5))
            }
        }
    }
}

/// The last log position written, kept in a file of its own: one fixed-width
/// line rewritten in place with a single pwrite, so it is never half old, half new.
final class ResumePosition {
    private let fd: Int32
    let path: String
    private(set) var value: UInt64?

    init(path: String) throws {
        self.path = path
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw SinkError(path: path, errno: errno) }
        var buf = [UInt8](repeating: 0, count: 64)
        let n = buf.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        let text = String(decoding: buf[0..<max(0, n)], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if !text.isEmpty {
            guard let v = UInt64(text) else {
                close(fd)
                throw ResumeFileError(path: path, text: text)
            }
            value = v
        }
    }

    deinit { close(fd) }

    func keep(_ seq: UInt64) throws {
        guard seq != value else { return }
        let digits = String(seq)
        let line = Array((String(repeating: "0", count: max(0, 20 - digits.count)) + digits + "\n").utf8)
        let n = line.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        guard n == line.count else { throw SinkError(path: path, errno: errno) }
        value = seq
    }
}

struct ResumeFileError: Error, CustomStringConvertible {
    var path: String
    var text: String
    var description: String { "\(path): not a log position: '\(text.prefix(40))'" }
}
