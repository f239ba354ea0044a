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
        let source = ConfigurationSource(
            file: config,
            dropDir: dropDir,
            stateDir: stateDir,
            socket: socket,
            logLevel: logLevel
        )
        let configuration: DaemonConfiguration
        do {
            configuration = try source.load()
        } catch {
            throw ValidationError(error.description)
        }
        let control = LogLevelControl(Logger.Level(rawValue: configuration.logLevel) ?? .info)
        let journal = JournalLogHandler.stderrIsJournal()
        LoggingSystem.bootstrap { _ in JournalLogHandler(control: control, journal: journal) }
        let logger = Logger(label: "timelined")
        do {
            try await Daemon(configuration: configuration, logger: logger, source: source, logLevel: control).run()
        } catch let error as DaemonError {
            logger.critical("\(error.message)")
            throw ExitCode(1)
        }
    }
}
