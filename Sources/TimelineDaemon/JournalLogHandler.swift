import Foundation
import Logging
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// The daemon's log level, shared by every handler so that a reload
/// (SIGHUP) can change it while the daemon runs.
public final class LogLevelControl: Sendable {
    private let raw: Atomic<Int>

    public init(_ level: Logger.Level) { raw = Atomic(Self.levels.firstIndex(of: level) ?? 2) }

    public var level: Logger.Level {
        get { Self.levels[raw.load(ordering: .relaxed)] }
        set { raw.store(Self.levels.firstIndex(of: newValue) ?? 2, ordering: .relaxed) }
    }

    private static let levels = Logger.Level.allCases
}

/// A `LogHandler` writing one line per message to stderr.
///
/// Under systemd each line starts with its syslog priority, `<3>` for an
/// error … `<7>` for debug (sd-daemon(3)), which journald strips and stores as
/// `PRIORITY=`, so `journalctl -p warning` works; journald adds the time.
/// Elsewhere a line starts with the UTC time and the level instead.
///
/// ```
/// <4>set aside path=/srv/drop/a.bin reason=binary content (NUL byte)      # journal
/// 2024-05-26T10:00:00Z warning set aside path=/srv/drop/a.bin reason=…    # terminal
/// ```
public struct JournalLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    private let control: LogLevelControl
    private let journal: Bool
    private let write: @Sendable (String) -> Void

    /// - Parameters:
    ///   - control: the level, changeable while running.
    ///   - journal: prefix priorities; see ``stderrIsJournal(environment:)``.
    ///   - write: where lines go (stderr unless a test says otherwise).
    public init(
        control: LogLevelControl,
        journal: Bool,
        write: @escaping @Sendable (String) -> Void = JournalLogHandler.writeToStandardError
    ) {
        self.control = control
        self.journal = journal
        self.write = write
    }

    public var logLevel: Logger.Level {
        get { control.level }
        // The level is the daemon's, set through the control, not per logger.
        set {}
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var all = metadata
        if let provided = metadataProvider?.get() { all.merge(provided) { _, new in new } }
        if let extra = event.metadata { all.merge(extra) { _, new in new } }
        var line = journal ? "<\(Self.priority(event.level))>" : "\(Self.timestamp()) \(event.level) "
        line += Self.oneLine(event.message.description)
        for (key, value) in all.sorted(by: { $0.key < $1.key }) {
            line += " \(key)=\(Self.oneLine(value.description))"
        }
        write(line + "\n")
    }

    /// The syslog priority of a level, as sd-daemon(3)'s `SD_ERR` … `SD_DEBUG`.
    static func priority(_ level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
    }

    /// Whether stderr goes to the journal.
    ///
    /// True when `JOURNAL_STREAM` (`device:inode`, set by systemd) names the
    /// file stderr is, as systemd.exec(5) recommends checking; also true when
    /// systemd started the daemon (`INVOCATION_ID`) even if stderr was
    /// redirected, since its output then still ends up in the journal or a
    /// file whose reader expects the prefixes.
    public static func stderrIsJournal(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> Bool {
        if let stream = environment["JOURNAL_STREAM"] {
            let parts = stream.split(separator: ":")
            var st = stat()
            if parts.count == 2, let dev = UInt64(parts[0]), let ino = UInt64(parts[1]), fstat(2, &st) == 0,
                UInt64(st.st_dev) == dev, UInt64(st.st_ino) == ino
            {
                return true
            }
        }
        return environment["INVOCATION_ID"].map { !$0.isEmpty } ?? false
    }

    /// One message must stay one journal entry.
    private static func oneLine(_ s: String) -> String {
        guard s.contains(where: \.isNewline) else { return s }
        return s.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).joined(separator: "⏎")
    }

    private static func timestamp() -> String {
        var t = time(nil)
        var tm = tm()
        gmtime_r(&t, &tm)
        var buffer = [CChar](repeating: 0, count: 32)
        let n = strftime(&buffer, buffer.count, "%Y-%m-%dT%H:%M:%SZ", &tm)
        return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// One `write(2)` per line, so lines from different threads never interleave.
    public static let writeToStandardError: @Sendable (String) -> Void = { line in
        let bytes = Array(line.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(2, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return }
            offset += n
        }
    }
}
