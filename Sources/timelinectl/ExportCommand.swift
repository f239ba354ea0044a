import ArgumentParser
import Foundation
import TimelineClient
import TimelineCore
import TimelineExport
import TimelineProtocol

#if canImport(Glibc)
import Glibc
#endif

extension Timelinectl {
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the timeline as JSON lines, CSV, iCalendar or a self-contained HTML page.",
            discussion: """
                jsonl: one event per line with every field. With --follow it goes on with new events \
                as they are logged, each line carrying its log position "seq", and a changed article's \
                withdrawals as {"seq":N,"retracted":[ids],"document":SHA}. It resumes after --after SEQ, \
                after the position kept in --resume-file, or after the last line of --output FILE, \
                whichever is furthest, and rides out restarts of the daemon.
                csv: RFC 4180 with a header row. ics: deadlines only unless --all or --type is given. \
                html: one page, no network needed.
                """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case jsonl, csv, ics, html
        }

        @OptionGroup var options: ClientOptions
        @OptionGroup var filters: FilterOptions

        @Option(help: "jsonl, csv, ics or html.") var format: Format
        @Option(help: "Write here instead of standard output (replaced when done; appended to with --follow).")
        var output: String?
        @Flag(help: "ics: every type of event, not only deadlines.") var all = false
        @Flag(help: "jsonl: keep streaming new events and withdrawals as they are logged.") var follow = false
        @Option(help: "--follow: start after this log position (seq).") var after: UInt64?
        @Option(help: "--follow: read the position to start after from FILE, and keep it there after each line.")
        var resumeFile: String?
        @Option(help: "ics: the domain in each event's UID.") var uidDomain = "timelined.local"
        @Option(help: "html: the page's title.") var title = "Timeline"

        func validate() throws {
            if follow && format != .jsonl { throw ValidationError("--follow works with --format jsonl only") }
            if !follow && (after != nil || resumeFile != nil) {
                throw ValidationError("--after and --resume-file go with --follow")
            }
            if all && format != .ics { throw ValidationError("--all goes with --format ics") }
        }

        func run() async throws {
            if follow {
                try await FollowExport(
                    socketPath: options.socketPath,
                    filters: filters.params,
                    output: output,
                    after: after,
                    resumeFile: resumeFile
                ).run()
                return
            }
            var params = filters.params
            if format == .ics && !all && params.types == nil { params.types = [EventType.deadline.rawValue] }
            let sink: OutputSink
            do {
                sink = try output.map { try OutputSink(replacing: $0) } ?? OutputSink.standardOutput
            } catch {
                throw ValidationError("\(error)")
            }
            let progress = ProgressLine()
            let client = TimelineClient(socketPath: options.socketPath, timeout: .seconds(Int64(options.timeout)))
            let now = Date()
            let ics = ICalendarWriter(uidDomain: uidDomain, stamp: now)
            var collected: [TimelineEvent] = []
            var count = 0
            switch format {
            case .csv: try sink.write(CSVWriter.header)
            case .ics: try sink.write(ics.begin)
            case .jsonl, .html: break
            }
            try await runClient {
                try await client.withConnection { connection in
                    params.limit = 1000
                    // Every report as logged, like `--follow`: a file or a calendar should not
                    // depend on which report of a happening happens to stand for it.
                    params.merge = false
                    while true {
                        let page = try await connection.call(Methods.query, params, as: QueryResult.self)
                        var text = ""
                        for e in page.events {
                            switch format {
                            case .jsonl: text += try JSONLinesWriter.line(e) + "\n"
                            case .csv: text += CSVWriter.row(e)
                            case .ics: text += ics.vevent(e)
                            case .html: collected.append(e)
                            }
                        }
                        try sink.write(text)
                        count += page.events.count
                        progress.update("export: \(count) events")
                        guard let next = page.nextCursor else { break }
                        params.cursor = next
                    }
                }
            }
            switch format {
            case .ics: try sink.write(ics.end)
            case .html: try sink.write(HTMLTimelinePage(title: title, generated: now).render(collected))
            case .jsonl, .csv: break
            }
            try sink.commit()
            progress.finish()
            if output != nil { FileHandle.standardError.write(Data("exported \(count) events\n".utf8)) }
        }
    }
}

/// Where export output goes: standard output, a file written whole (a
/// temporary name renamed when done, so a failed export leaves no half file),
/// or a file appended to (following).
final class OutputSink {
    private let fd: Int32
    private let temporary: String?
    private let path: String?

    static var standardOutput: OutputSink { OutputSink(fd: STDOUT_FILENO) }

    private init(fd: Int32) {
        self.fd = fd
        temporary = nil
        path = nil
    }

    /// A new file at `path`, in place when done.
    init(replacing path: String) throws {
        let tmp = path + ".part-\(getpid())"
        fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw SinkError(path: tmp, errno: errno) }
        temporary = tmp
        self.path = path
    }

    /// `path` opened for appending; a last line without its newline
    /// (a write cut short) is removed first.
    init(appendingTo path: String) throws {
        fd = open(path, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw SinkError(path: path, errno: errno) }
        temporary = nil
        self.path = path
    }

    deinit {
        if fd != STDOUT_FILENO { close(fd) }
        if let temporary { unlink(temporary) }
    }

    /// Writes all of `text` with write(2): nothing is held in a buffer.
    func write(_ text: String) throws {
        var bytes = Array(text.utf8)
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Glibc.write(fd, $0.baseAddress! + done, $0.count - done) }
            if n < 0 {
                if errno == EINTR { continue }
                throw SinkError(path: path ?? "standard output", errno: errno)
            }
            done += n
        }
        bytes.removeAll()
    }

    /// Puts a file written whole in place.
    func commit() throws {
        guard let temporary, let path else { return }
        guard fsync(fd) == 0, rename(temporary, path) == 0 else { throw SinkError(path: path, errno: errno) }
    }

    /// The log position of the last complete line of the file, cutting off a torn last line.
    func lastSeqCuttingTornTail() throws -> UInt64? {
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw SinkError(path: path ?? "", errno: errno) }
        let size = Int(st.st_size)
        guard size > 0 else { return nil }
        // Read back far enough to hold the last whole line (lines are a few KB at most; grow if not).
        var window = 64 << 10
        while true {
            let start = max(0, size - window)
            var buf = [UInt8](repeating: 0, count: size - start)
            let n = buf.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, off_t(start)) }
            guard n == buf.count else { throw SinkError(path: path ?? "", errno: errno) }
            var end = buf.count
            if buf.last != UInt8(ascii: "\n") {
                guard let nl = buf.lastIndex(of: UInt8(ascii: "\n")) else {
                    if start > 0 {
                        window *= 4
                        continue
                    }
                    guard ftruncate(fd, 0) == 0 else { throw SinkError(path: path ?? "", errno: errno) }
                    return nil
                }
                guard ftruncate(fd, off_t(start + nl + 1)) == 0 else { throw SinkError(path: path ?? "", errno: errno) }
                end = nl + 1
            }
            let body = buf[..<(end - 1)]
            guard let from = body.lastIndex(of: UInt8(ascii: "\n")).map({ $0 + 1 }) ?? (start == 0 ? 0 : nil) else {
                window *= 4
                continue
            }
            return JSONLinesWriter.seq(ofLine: String(decoding: body[from...], as: UTF8.self))
        }
    }
}

struct SinkError: Error, CustomStringConvertible {
    var path: String
    var errno: Int32
    var description: String { "\(path): \(String(cString: strerror(errno)))" }
}
