import Foundation

/// Where the configuration comes from: the built-in defaults, a file, and the
/// command-line flags over it. Kept whole so SIGHUP can read the file again
/// and apply the same flags on top.
public struct ConfigurationSource: Sendable {
    /// `--config`; when `nil`, `$CONFIGURATION_DIRECTORY/timelined.toml` if it exists.
    public var file: String?
    public var dropDir: String?
    public var stateDir: String?
    public var socket: String?
    public var logLevel: String?
    public var environment: [String: String]

    public init(
        file: String? = nil,
        dropDir: String? = nil,
        stateDir: String? = nil,
        socket: String? = nil,
        logLevel: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.file = file
        self.dropDir = dropDir
        self.stateDir = stateDir
        self.socket = socket
        self.logLevel = logLevel
        self.environment = environment
    }

    /// The file read, if any: `--config` (which must exist), else the one in
    /// systemd's `ConfigurationDirectory=` when present.
    public var resolvedFile: String? {
        if let file { return file }
        guard let dir = environment["CONFIGURATION_DIRECTORY"]?.split(separator: ":").first else { return nil }
        let candidate = "\(dir)/timelined.toml"
        return FileManager.default.fileExists(atPath: candidate) ? candidate : nil
    }

    /// Defaults, then the file, then the flags.
    ///
    /// - Throws: `ConfigurationError` naming `file:line` for a bad file, or
    ///   saying which flag value is wrong.
    public func load() throws(ConfigurationError) -> DaemonConfiguration {
        var configuration = DaemonConfiguration(environment: environment)
        if let path = resolvedFile { try configuration.apply(file: path) }
        if let dropDir { configuration.dropDir = dropDir }
        if let stateDir { configuration.stateDir = stateDir }
        if let socket { configuration.socketPath = socket }
        if let logLevel {
            guard DaemonConfiguration.logLevels.contains(logLevel) else {
                throw ConfigurationError(
                    message:
                        "unknown log level '\(logLevel)'; one of \(DaemonConfiguration.logLevels.joined(separator: ", "))"
                )
            }
            configuration.logLevel = logLevel
        }
        if let group = configuration.socketGroup {
            // Checked here, so that a start or a reload fails before anything changes.
            do {
                _ = try SocketAccess.resolve(group: group)
            } catch {
                throw ConfigurationError(message: "\(resolvedFile ?? "configuration"): \(error.message)")
            }
        }
        guard configuration.resolvedSocketPath.utf8.count <= 107 else {
            throw ConfigurationError(
                message: "socket path is longer than 107 bytes: \(configuration.resolvedSocketPath)"
            )
        }
        return configuration
    }
}
