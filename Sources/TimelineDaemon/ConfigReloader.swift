import ArticleConversion
import EventExtraction
import Foundation
import Logging
import NIOPosix
import ServiceLifecycle
import TimelineServer
import UnixSignals

/// Re-reads the configuration file and the extraction rules on SIGHUP
/// (`systemctl reload timelined`, through `ExecReload=/bin/kill -HUP $MAINPID`),
/// without dropping clients.
///
/// Tells systemd `RELOADING=1` first and `READY=1` after, whatever the outcome.
/// A bad file or bad rules leave everything as it was; the error, with the
/// file and line, goes to the log.
///
/// Taking effect at once: `log_level`, `server.socket_mode`,
/// `server.socket_group`, `server.allowed_uids`, `server.allowed_gids`,
/// `ingest.max_file_bytes`, `extraction.rules_dir`, `extraction.patterns` and the rules themselves.
/// Any other change is reported as needing a restart.
struct ConfigReloader: Service {
    /// Trapped before the daemon says READY=1, so that no SIGHUP after it is
    /// lost (or, worse, kills the daemon with the signal's default action).
    let signals: UnixSignalsSequence
    let source: ConfigurationSource
    let initial: DaemonConfiguration
    /// The socket the daemon made itself, if it did.
    let ownSocket: String?
    let settings: IngestSettings
    let peers: PeerPolicy
    let logLevel: LogLevelControl?
    let status: DaemonStatus
    let notifier: SystemdNotifier
    let logger: Logger

    func run() async throws {
        var current = initial
        for await _ in signals.cancelOnGracefulShutdown() {
            current = await reload(over: current)
        }
    }

    /// One reload. - Returns: the configuration in force afterwards.
    func reload(over current: DaemonConfiguration) async -> DaemonConfiguration {
        notifier.notify(
            "RELOADING=1\nMONOTONIC_USEC=\(Self.monotonicMicroseconds())\nSTATUS=reloading the configuration"
        )
        defer { notifier.notify("READY=1\nSTATUS=\(status.summary)") }
        logger.info("reloading", metadata: ["file": "\(source.resolvedFile ?? "(none: built-in defaults)")"])

        let new: DaemonConfiguration
        let extractor: Extractor
        let converter: ArticleConverter
        do {
            new = try source.load()
            converter = try ArticleConverter(fallbackEncodings: new.fallbackEncodings)
            // Reading rule files blocks: keep it off the cooperative pool.
            let resources = try await NIOThreadPool.singleton.runIfActive { [new] in try new.extractionResources() }
            extractor = Extractor(resources: resources)
        } catch {
            logger.error("reload failed; the running configuration stays", metadata: ["error": "\(error)"])
            return current
        }

        for key in Self.restartOnlyChanges(from: current, to: new) {
            logger.notice("\(key) changed; it takes effect after a restart")
        }
        if let ownSocket, new.socketMode != current.socketMode || new.socketGroup != current.socketGroup {
            do {
                try SocketAccess.apply(path: ownSocket, mode: new.socketMode, group: new.socketGroup)
            } catch {
                logger.error("cannot apply the socket's new mode or group", metadata: ["error": "\(error)"])
            }
        }
        peers.update(uids: new.allowedUIDs, gids: new.allowedGIDs)
        settings.replace(with: .init(converter: converter, extractor: extractor, maxFileBytes: new.maxFileBytes))
        if let logLevel, let level = Logger.Level(rawValue: new.logLevel) { logLevel.level = level }
        logger.info("reloaded")
        // Keys that need a restart keep their running values.
        var kept = new
        kept.dropDir = current.dropDir
        kept.stateDir = current.stateDir
        kept.socketPath = current.socketPath
        kept.maxLineBytes = current.maxLineBytes
        kept.maxConnections = current.maxConnections
        kept.idleTimeoutSeconds = current.idleTimeoutSeconds
        kept.ingestWorkers = current.ingestWorkers
        return kept
    }

    /// The keys whose change a reload cannot apply.
    static func restartOnlyChanges(from old: DaemonConfiguration, to new: DaemonConfiguration) -> [String] {
        var keys: [String] = []
        if old.dropDir != new.dropDir { keys.append("drop_dir") }
        if old.stateDir != new.stateDir { keys.append("state_dir") }
        if old.resolvedSocketPath != new.resolvedSocketPath { keys.append("server.socket") }
        if old.maxLineBytes != new.maxLineBytes { keys.append("server.max_line_bytes") }
        if old.maxConnections != new.maxConnections { keys.append("server.max_connections") }
        if old.idleTimeoutSeconds != new.idleTimeoutSeconds { keys.append("server.idle_timeout_seconds") }
        if old.ingestWorkers != new.ingestWorkers { keys.append("ingest.workers") }
        return keys
    }

    /// CLOCK_MONOTONIC in microseconds, which systemd ≥ 253 wants with RELOADING=1.
    static func monotonicMicroseconds() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) * 1_000_000 + UInt64(ts.tv_nsec) / 1_000
    }
}
