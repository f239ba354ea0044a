import Foundation
import TimelineClient
import TimelineCore
import TimelineProtocol

#if canImport(Glibc)
import Glibc
#endif

/// The real `timelined` binary on a temporary drop folder, state folder and socket.
final class DaemonHarness: @unchecked Sendable {
    let root: String
    let dropDir: String
    let stateDir: String
    let socket: String
    private var process: Process?
    private(set) var starts = 0

    /// The folder holding the built products (`timelined`, `timelinectl`).
    static var productsDirectory: URL {
        var url = Bundle.main.bundleURL
        while !FileManager.default.fileExists(atPath: url.appendingPathComponent("timelined").path),
            url.path != "/"
        {
            url.deleteLastPathComponent()
        }
        return url
    }

    static var sharedDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../shared")
            .standardized
    }

    static var devDocs: URL { sharedDirectory.appendingPathComponent("eval/dev/docs") }

    init() throws {
        // Short: a socket path must fit in 107 bytes.
        let base = "/tmp/tl-" + String(UUID().uuidString.prefix(8))
        root = base
        dropDir = base + "/drop"
        stateDir = base + "/state"
        socket = base + "/t.sock"
        try FileManager.default.createDirectory(atPath: dropDir, withIntermediateDirectories: true)
    }

    deinit {
        if let process, process.isRunning { kill(process.processIdentifier, SIGKILL) }
        try? FileManager.default.removeItem(atPath: root)
    }

    var logFile: String { root + "/daemon-\(starts).log" }

    /// Starts the daemon and waits until `health` answers.
    ///
    /// - Parameters:
    ///   - shell: run the daemon through `/bin/sh -c "<shell> exec \"$0\" \"$@\""`, so the
    ///     script can set up descriptors and variables that need the daemon's pid (`$$`).
    ///   - standardInput: the daemon's (or the shell's) stdin.
    func start(
        extraArguments: [String] = [],
        environment extra: [String: String] = [:],
        waitForHealth: Bool = true,
        launcher: [String] = [],
        shell: String? = nil,
        standardInput: FileHandle? = nil
    ) async throws {
        starts += 1
        let p = Process()
        let binary = Self.productsDirectory.appendingPathComponent("timelined")
        let arguments =
            ["--drop-dir", dropDir, "--state-dir", stateDir, "--socket", socket, "--log-level", "debug"]
            + extraArguments
        if let shell {
            p.executableURL = URL(fileURLWithPath: "/bin/sh")
            p.arguments = ["-c", shell + " exec \"$0\" \"$@\"", binary.path] + arguments
        } else if let first = launcher.first {
            // A launcher (e.g. prlimit … --) execs the daemon, so the pid stays the daemon's.
            p.executableURL = URL(fileURLWithPath: first)
            p.arguments = Array(launcher.dropFirst()) + [binary.path] + arguments
        } else {
            p.executableURL = binary
            p.arguments = arguments
        }
        if let standardInput { p.standardInput = standardInput }
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "NOTIFY_SOCKET")
        env.removeValue(forKey: "LISTEN_FDS")
        env.merge(extra) { _, new in new }
        p.environment = env
        _ = FileManager.default.createFile(atPath: logFile, contents: nil)
        p.standardError = FileHandle(forWritingAtPath: logFile)
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        process = p
        guard waitForHealth else { return }
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            if !p.isRunning { throw HarnessError("daemon exited at start (status \(p.terminationStatus)):\n\(log)") }
            if (try? await health()) != nil { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw HarnessError("daemon did not answer health within 30 s:\n\(log)")
    }

    var log: String { (try? String(contentsOfFile: logFile, encoding: .utf8)) ?? "" }

    /// The running daemon's pid.
    var pid: Int32? { process.map(\.processIdentifier) }

    func signal(_ number: Int32) {
        if let pid { kill(pid, number) }
    }

    /// Writes a configuration file in the temporary folder; pass `["--config", path]` to `start`.
    @discardableResult
    func writeConfig(_ text: String) throws -> String {
        let path = root + "/timelined.toml"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func stats() async throws -> StatsResult {
        try await client.call(Methods.stats, NoParams(), as: StatsResult.self)
    }

    /// Waits until `condition` holds on `stats`.
    @discardableResult
    func waitForStats(
        timeout: TimeInterval = 30,
        _ what: String,
        _ condition: (StatsResult) -> Bool
    ) async throws -> StatsResult {
        let deadline = Date().addingTimeInterval(timeout)
        var last: StatsResult?
        while Date() < deadline {
            last = try await stats()
            if let last, condition(last) { return last }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw HarnessError("timed out waiting for \(what); stats: \(String(describing: last))\n\(log)")
    }

    /// SIGKILL: no chance to clean up, as in a crash.
    func kill9() async throws {
        guard let p = process else { return }
        kill(p.processIdentifier, SIGKILL)
        try await waitForExit(p)
    }

    /// SIGTERM, and waits for a clean exit.
    func stop() async throws -> Int32 {
        guard let p = process else { return 0 }
        kill(p.processIdentifier, SIGTERM)
        try await waitForExit(p)
        return p.terminationStatus
    }

    private func waitForExit(_ p: Process) async throws {
        let deadline = Date().addingTimeInterval(20)
        while p.isRunning {
            guard Date() < deadline else { throw HarnessError("daemon did not exit within 20 s") }
            try await Task.sleep(for: .milliseconds(20))
        }
        process = nil
    }

    var client: TimelineClient { TimelineClient(socketPath: socket, timeout: .seconds(10)) }

    func health() async throws -> HealthResult {
        try await client.call(Methods.health, NoParams(), as: HealthResult.self)
    }

    func query(_ params: QueryParams) async throws -> QueryResult {
        try await client.call(Methods.query, params, as: QueryResult.self)
    }

    /// Every page of a query.
    func queryAll(_ params: QueryParams) async throws -> [TimelineEvent] {
        var params = params
        var events: [TimelineEvent] = []
        while true {
            let page = try await query(params)
            events += page.events
            guard let next = page.nextCursor else { return events }
            params.cursor = next
        }
    }

    func sources() async throws -> [DocumentRecord] {
        try await sourceEntries().map(\.document)
    }

    func sourceEntries() async throws -> [SourceEntry] {
        try await client.call(Methods.sources, NoParams(), as: SourcesResult.self).sources
    }

    /// Waits until `condition` holds on the sources list.
    @discardableResult
    func waitForSources(
        timeout: TimeInterval = 30,
        _ what: String,
        _ condition: ([DocumentRecord]) -> Bool
    ) async throws -> [DocumentRecord] {
        let deadline = Date().addingTimeInterval(timeout)
        var last: [DocumentRecord] = []
        while Date() < deadline {
            last = try await sources()
            if condition(last) { return last }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw HarnessError("timed out waiting for \(what); sources: \(last.map { "\($0.path) \($0.status)" })\n\(log)")
    }

    /// Copies a file into the drop folder the plain way.
    func drop(_ source: URL, as name: String? = nil) throws {
        let target = dropDir + "/" + (name ?? source.lastPathComponent)
        try FileManager.default.copyItem(atPath: source.path, toPath: target)
    }

    /// Writes under a temporary name, then renames: how careful tools deliver.
    func dropByRename(_ source: URL) throws {
        let temp = dropDir + "/." + source.lastPathComponent + ".part"
        try FileManager.default.copyItem(atPath: source.path, toPath: temp)
        try FileManager.default.moveItem(atPath: temp, toPath: dropDir + "/" + source.lastPathComponent)
    }

    /// Writes the file in chunks with pauses, keeping it open throughout.
    func dropSlowly(_ source: URL, chunks: Int = 8, pause: Duration = .milliseconds(60)) async throws {
        let data = try Data(contentsOf: source)
        let path = dropDir + "/" + source.lastPathComponent
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forWritingAtPath: path)
        else { throw HarnessError("cannot create \(path)") }
        let size = (data.count + chunks - 1) / chunks
        for i in stride(from: 0, to: data.count, by: size) {
            try handle.write(contentsOf: data[i..<min(i + size, data.count)])
            try await Task.sleep(for: pause)
        }
        try handle.close()
    }
}

extension DaemonHarness {
    /// Runs `timelinectl` with `arguments`; waits without blocking a thread.
    static func ctl(_ arguments: [String]) async throws -> (status: Int32, output: String) {
        let out = "/tmp/tl-ctl-" + UUID().uuidString
        _ = FileManager.default.createFile(atPath: out, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: out) }
        let p = Process()
        p.executableURL = productsDirectory.appendingPathComponent("timelinectl")
        p.arguments = arguments
        p.standardOutput = FileHandle(forWritingAtPath: out)
        p.standardError = p.standardOutput
        try p.run()
        while p.isRunning { try await Task.sleep(for: .milliseconds(10)) }
        return (p.terminationStatus, (try? String(contentsOfFile: out, encoding: .utf8)) ?? "")
    }

    var logPath: String { stateDir + "/events.log" }

    /// Waits until the daemon has taken in everything it has seen.
    func waitUntilIdle(timeout: TimeInterval = 30) async throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let h = try await health()
            let s = try await client.call(Methods.stats, NoParams(), as: StatsResult.self)
            if h.caughtUp && s.pending == 0 { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw HarnessError("daemon still busy after \(timeout) s\n\(log)")
    }
}

struct HarnessError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}
