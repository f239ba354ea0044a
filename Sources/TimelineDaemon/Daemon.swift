import ArticleConversion
import DropWatcher
import EventExtraction
import EventLog
import Foundation
import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle
import TimelineProtocol
import TimelineServer
import UnixSignals

/// The daemon, wired: log and index, ingestion from the watcher, and the socket server.
public struct Daemon {
    public let configuration: DaemonConfiguration
    public let logger: Logger
    /// Read again on SIGHUP; without it a reload re-applies `configuration`.
    public var source: ConfigurationSource?
    /// Changed by a reload when the configuration's `log_level` changes.
    public var logLevel: LogLevelControl?

    public init(
        configuration: DaemonConfiguration,
        logger: Logger,
        source: ConfigurationSource? = nil,
        logLevel: LogLevelControl? = nil
    ) {
        self.configuration = configuration
        self.logger = logger
        self.source = source
        self.logLevel = logLevel
    }

    /// Runs until SIGTERM or SIGINT, then stops accepting, stops watching,
    /// lets the files in hand finish and returns.
    ///
    /// - Throws: `DaemonError` when it cannot start (folders, log, rules, socket).
    public func run() async throws {
        let config = configuration
        let notifier = SystemdNotifier()
        ResourceLimits.raiseOpenFiles(logger: logger)
        let fm = FileManager.default
        let socketDir = (config.resolvedSocketPath as NSString).deletingLastPathComponent
        for dir in [config.dropDir, config.stateDir] + (socketDir.isEmpty ? [] : [socketDir]) {
            do {
                try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
            } catch {
                throw DaemonError("cannot create \(dir): \(error.localizedDescription)")
            }
        }
        guard let root = realpath(config.dropDir, nil) else {
            throw DaemonError("cannot resolve the drop folder \(config.dropDir)")
        }
        let dropRoot = String(cString: root)
        free(root)

        let resources: ExtractionResources
        do {
            resources = try config.extractionResources()
        } catch {
            throw DaemonError("cannot load the extraction rules: \(error)")
        }

        // The store syncs on a loop of its own, never on the cooperative pool.
        let storeLoop = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        do {
            try await run(storeLoop: storeLoop.next(), dropRoot: dropRoot, resources: resources, notifier: notifier)
        } catch {
            try? await storeLoop.shutdownGracefully()
            throw error
        }
        try await storeLoop.shutdownGracefully()
    }

    private func run(
        storeLoop: any EventLoop,
        dropRoot: String,
        resources: ExtractionResources,
        notifier: SystemdNotifier
    ) async throws {
        let config = configuration
        let store: EventStore
        do {
            // Reading the whole log blocks for a while: on the store's own loop, not the cooperative pool.
            let logPath = config.logPath
            store = try await storeLoop.submit { [logger] in
                try EventStore(logPath: logPath, loop: storeLoop, report: { logger.warning("\($0)") })
            }.get()
        } catch {
            throw DaemonError("cannot open the log: \(error)")
        }
        for damage in store.recovery {
            logger.error("log damage found and handled", metadata: ["log": "\(config.logPath)", "damage": "\(damage)"])
        }
        logger.info("\(store.startup)", metadata: ["log": "\(config.logPath)"])
        let index = store.snapshot
        logger.info(
            "log loaded",
            metadata: [
                "documents": "\(index.documentOrder.count)", "events": "\(index.eventCount)",
                "log": "\(config.logPath)",
            ]
        )

        let status = DaemonStatus()
        let converter: ArticleConverter
        do {
            converter = try ArticleConverter(fallbackEncodings: config.fallbackEncodings)
        } catch {
            throw DaemonError("cannot set up file conversion: \(error)")
        }
        let settings = IngestSettings(
            converter: converter,
            extractor: Extractor(resources: resources),
            maxFileBytes: config.maxFileBytes
        )
        let watchdog = Watchdog(notifier: notifier)
        let ingest = IngestService(
            watcher: DropWatcher(
                root: dropRoot,
                reportsSpecialFiles: true,
                logger: logger,
                heartbeat: { watchdog.beat() }
            ),
            ingestor: Ingestor(
                store: store,
                settings: settings,
                root: dropRoot,
                logger: logger,
                threadPool: .singleton,
                status: status,
                extractionGuard: ExtractionGuard(stateDir: config.stateDir)
            ),
            status: status,
            workers: config.workers,
            notifier: notifier,
            logger: logger
        )
        let listen: TimelineServer.Configuration.Listen =
            ListenSockets.take().map { .adopt($0) } ?? .path(config.resolvedSocketPath, mode: config.socketMode)
        let ownSocket: String? = if case .path(let path, _) = listen { path } else { nil }
        let peers = PeerPolicy(uids: config.allowedUIDs, gids: config.allowedGIDs)
        let reloader = ConfigReloader(
            signals: await UnixSignalsSequence(trapping: .sighup),
            source: source ?? ConfigurationSource(),
            initial: config,
            ownSocket: ownSocket,
            settings: settings,
            peers: peers,
            logLevel: logLevel,
            status: status,
            notifier: notifier,
            logger: logger
        )
        let server = TimelineServer(
            configuration: .init(
                listen: listen,
                maxLineLength: config.maxLineBytes,
                maxConnections: config.maxConnections,
                idleTimeout: .seconds(Int64(config.idleTimeoutSeconds)),
                peers: peers
            ),
            handler: QueryService(store: store, status: status, dropDir: dropRoot),
            logger: logger,
            onListening: { [logger] in
                if let ownSocket, config.socketGroup != nil {
                    do {
                        try SocketAccess.apply(path: ownSocket, mode: config.socketMode, group: config.socketGroup)
                    } catch {
                        logger.error("\(error)")
                    }
                }
                notifier.notify("READY=1\nSTATUS=\(status.summary)")
            },
            onStopping: { notifier.notify("STOPPING=1\nSTATUS=stopping: finishing the files in hand") }
        )

        // Shutdown runs in reverse: the server stops accepting, then ingestion drains.
        var groupConfiguration = ServiceGroupConfiguration(
            services: [.init(service: ingest), .init(service: server), .init(service: reloader)],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger
        )
        // A client that stops reading must not hold the stop up until systemd's
        // SIGKILL (TimeoutStopSec=30s): after this, what is left is cancelled.
        groupConfiguration.maximumGracefulShutdownDuration = .seconds(10)
        let group = ServiceGroup(configuration: groupConfiguration)
        try await group.run()
        // Nothing appends any more: save the index so the next start need not replay the log.
        await store.close()
    }
}

public struct DaemonError: Error, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
