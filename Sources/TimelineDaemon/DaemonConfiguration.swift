import ArticleConversion
import Foundation

/// Everything the daemon can be told, each with a built-in default, so it
/// runs from a checkout with no file at all.
///
/// Keys of `config/timelined.toml` (which documents each one):
///
/// | key | default |
/// |---|---|
/// | `drop_dir` | `drop` |
/// | `state_dir` | `$STATE_DIRECTORY`, else `state` |
/// | `log_level` | `info` (`trace` … `critical`) |
/// | `server.socket` | `$RUNTIME_DIRECTORY/timelined.sock`, else `<state_dir>/timelined.sock` |
/// | `server.socket_mode` | `0o660` |
/// | `server.socket_group` | empty: the daemon's group |
/// | `server.allowed_uids` | `[]` (no check beyond the socket's mode) |
/// | `server.allowed_gids` | `[]` |
/// | `server.max_line_bytes` | 1 MiB |
/// | `server.max_connections` | 256 |
/// | `server.idle_timeout_seconds` | 300 |
/// | `ingest.max_file_bytes` | 32 MiB |
/// | `ingest.workers` | 0 (one per core) |
/// | `ingest.fallback_encodings` | `["GB18030", "WINDOWS-1251", "WINDOWS-1252"]` (iconv names) |
/// | `extraction.rules_dir` | empty: the rules built into the binary |
/// | `extraction.patterns` | `[]`: temporal pattern files (or folders of `*.txt` ones) tried before the built-in |
///
/// Relative paths are taken from the working directory. Command-line flags
/// override the file.
public struct DaemonConfiguration: Sendable, Equatable {
    public var dropDir = "drop"
    public var stateDir: String
    public var logLevel = "info"
    public var socketPath: String?
    public var socketMode: UInt32 = 0o660
    /// A group name or number; `nil` leaves the socket in the daemon's group.
    public var socketGroup: String?
    /// With either list non-empty, only peers (SO_PEERCRED) whose uid is in
    /// `allowedUIDs` or whose primary gid is in `allowedGIDs` are served.
    public var allowedUIDs: [UInt32] = []
    public var allowedGIDs: [UInt32] = []
    public var maxLineBytes = 1 << 20
    public var maxConnections = 256
    public var idleTimeoutSeconds = 300
    public var maxFileBytes = 32 << 20
    public var ingestWorkers = 0
    /// Tried in order, through iconv, for a text or HTML file that is not UTF-8 and has no byte order mark.
    public var fallbackEncodings = ArticleConverter.defaultFallbackEncodings
    public var rulesDir: String?
    /// The user's temporal pattern files or folders, tried before the rules' own `patterns.txt`.
    public var patternFiles: [String] = []

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        stateDir = environment["STATE_DIRECTORY"].flatMap { $0.split(separator: ":").first.map(String.init) } ?? "state"
        socketPath = environment["RUNTIME_DIRECTORY"].flatMap {
            $0.split(separator: ":").first.map { "\($0)/timelined.sock" }
        }
    }

    /// The socket path, after defaults.
    public var resolvedSocketPath: String { socketPath ?? "\(stateDir)/timelined.sock" }
    public var logPath: String { "\(stateDir)/events.log" }
    public var workers: Int { ingestWorkers > 0 ? ingestWorkers : max(1, ProcessInfo.processInfo.activeProcessorCount) }

    static let logLevels = ["trace", "debug", "info", "notice", "warning", "error", "critical"]

    /// Applies a configuration file over the current values.
    ///
    /// - Throws: `ConfigurationError` naming `file:line` for a syntax error,
    ///   an unknown key or a value of the wrong kind.
    public mutating func apply(file path: String) throws(ConfigurationError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError(message: "\(path): cannot read the configuration file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError(message: "\(path): not UTF-8 text")
        }
        try apply(toml: text, file: path)
    }

    mutating func apply(toml text: String, file: String) throws(ConfigurationError) {
        let entries: [String: TOMLReader.Entry]
        do {
            entries = try TOMLReader.parse(text, file: file)
        } catch {
            throw ConfigurationError(message: error.description)
        }
        for (key, entry) in entries.sorted(by: { $0.value.line < $1.value.line }) {
            func fail(_ why: String) -> ConfigurationError {
                ConfigurationError(message: "\(file):\(entry.line): \(key): \(why)")
            }
            func string() throws(ConfigurationError) -> String {
                guard case .string(let s) = entry.value else { throw fail("expected a string") }
                return s
            }
            func int(_ range: ClosedRange<Int>) throws(ConfigurationError) -> Int {
                guard case .integer(let n) = entry.value else { throw fail("expected an integer") }
                guard range.contains(n) else { throw fail("\(n) is outside \(range.lowerBound)…\(range.upperBound)") }
                return n
            }
            switch key {
            case "drop_dir": dropDir = try string()
            case "state_dir": stateDir = try string()
            case "log_level":
                let level = try string()
                guard Self.logLevels.contains(level) else {
                    throw fail("'\(level)' is not one of \(Self.logLevels.joined(separator: ", "))")
                }
                logLevel = level
            case "server.socket": socketPath = try string()
            case "server.socket_mode":
                // Accept 0o660 or "0660": both are common ways to write a mode.
                switch entry.value {
                case .integer(let n) where (0...0o777).contains(n): socketMode = UInt32(n)
                case .string(let s) where UInt32(s, radix: 8).map { $0 <= 0o777 } == true:
                    socketMode = UInt32(s, radix: 8)!
                default: throw fail("expected a mode such as 0o660 or \"0660\"")
                }
            case "server.socket_group":
                switch entry.value {
                case .string(let s): socketGroup = s.isEmpty ? nil : s
                case .integer(let n) where (0...Int(UInt32.max - 1)).contains(n): socketGroup = String(n)
                default: throw fail("expected a group name or number")
                }
            case "server.allowed_uids", "server.allowed_gids":
                guard case .array(let items) = entry.value else { throw fail("expected a list of numeric ids") }
                var ids: [UInt32] = []
                for item in items {
                    guard case .integer(let n) = item, (0...Int(UInt32.max - 1)).contains(n) else {
                        throw fail("expected a list of numeric ids, such as [0, 1000]")
                    }
                    ids.append(UInt32(n))
                }
                if key == "server.allowed_uids" { allowedUIDs = ids } else { allowedGIDs = ids }
            case "server.max_line_bytes": maxLineBytes = try int(64...(1 << 30))
            case "server.max_connections": maxConnections = try int(1...100_000)
            case "server.idle_timeout_seconds": idleTimeoutSeconds = try int(1...86_400)
            case "ingest.max_file_bytes": maxFileBytes = try int(1...(1 << 34))
            case "ingest.workers": ingestWorkers = try int(0...256)
            case "ingest.fallback_encodings":
                guard case .array(let items) = entry.value else { throw fail("expected a list of encoding names") }
                var names: [String] = []
                for item in items {
                    guard case .string(let name) = item, !name.isEmpty else {
                        throw fail("expected a list of encoding names, such as [\"GB18030\", \"WINDOWS-1252\"]")
                    }
                    names.append(name)
                }
                if let unknown = ArticleConverter.unknownEncodings(names).first {
                    throw fail("iconv does not know the encoding '\(unknown)' (see `iconv --list`)")
                }
                fallbackEncodings = names
            case "extraction.rules_dir":
                let dir = try string()
                rulesDir = dir.isEmpty ? nil : dir
            case "extraction.patterns":
                guard case .array(let items) = entry.value else { throw fail("expected a list of paths") }
                var paths: [String] = []
                for item in items {
                    guard case .string(let path) = item, !path.isEmpty else {
                        throw fail("expected a list of paths, such as [\"/etc/timelined/patterns\"]")
                    }
                    paths.append(path)
                }
                patternFiles = paths
            default:
                throw fail("unknown key (see config/timelined.toml for the keys)")
            }
        }
    }
}

public struct ConfigurationError: Error, CustomStringConvertible, Equatable {
    public var message: String
    public var description: String { message }
}
