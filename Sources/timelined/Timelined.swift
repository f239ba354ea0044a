import ArgumentParser
import Foundation
import Logging
import TimelineDaemon
import TimelineProtocol

@main
struct Timelined: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timelined",
        abstract: "Watch a drop folder for articles, log their dated events, answer timeline queries on a Unix socket.",
        version: TimelineVersion.current
    )

    @Option(help: "Configuration file (TOML). Without one, the built-in defaults apply.")
    var config: String?

    @Option(help: "Folder to watch for articles (default: drop).")
    var dropDir: String?

    @Option(help: "Folder for the event log (default: $STATE_DIRECTORY, else state).")
    var stateDir: String?

    @Option(
        help: "Unix socket to serve on (default: $RUNTIME_DIRECTORY/timelined.sock, else <state-dir>/timelined.sock)."
    )
    var socket: String?

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: String?

    func run() async throws {
        // Past a file-size limit, write() should fail with EFBIG (handled, retried) rather
        // than the kernel killing the daemon.
        signal(SIGXFSZ, SIG_IGN)
        var configuration = DaemonConfiguration()
        let file =
            config ?? ProcessInfo.processInfo.environment["CONFIGURATION_DIRECTORY"].map { "\($0)/timelined.toml" }
        if let file, config != nil || FileManager.default.fileExists(atPath: file) {
            do {
                try configuration.apply(file: file)
            } catch {
                throw ValidationError(error.description)
            }
        }
        if let dropDir { configuration.dropDir = dropDir }
        if let stateDir { configuration.stateDir = stateDir }
        if let socket { configuration.socketPath = socket }
        if let logLevel { configuration.logLevel = logLevel }
        guard let level = Logger.Level(rawValue: configuration.logLevel) else {
            throw ValidationError("unknown log level '\(configuration.logLevel)'")
        }
        guard configuration.resolvedSocketPath.utf8.count <= 107 else {
            throw ValidationError("socket path is longer than 107 bytes: \(configuration.resolvedSocketPath)")
        }
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "timelined")
        do {
            try await Daemon(configuration: configuration, logger: logger).run()
        } catch let error as DaemonError {
            logger.critical("\(error.message)")
            throw ExitCode(1)
        }
    }
}
