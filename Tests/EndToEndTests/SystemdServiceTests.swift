import Foundation
import Testing
import TimelineClient
import TimelineProtocol

#if canImport(Glibc)
import Glibc
#endif

let systemdAnalyzePresent = FileManager.default.isExecutableFile(atPath: "/usr/bin/systemd-analyze")

extension EndToEnd {
    /// The daemon as systemd runs it: the unit files, notifications, the
    /// watchdog, reloads and socket activation — all without systemd as PID 1.
    @Suite(.timeLimit(.minutes(2)))
    struct SystemdServiceTests {
        static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../..").standardized

        /// Runs a command; returns its status and its stdout and stderr together.
        static func run(_ executable: String, _ arguments: [String]) throws -> (Int32, String) {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: executable)
            p.arguments = arguments
            let pipe = Pipe()
            p.standardOutput = pipe
            p.standardError = pipe
            try p.run()
            let output = pipe.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            return (p.terminationStatus, String(decoding: output, as: UTF8.self))
        }

        @Test(.enabled(if: systemdAnalyzePresent, "needs systemd-analyze"))
        func unitFilesVerify() throws {
            // verify insists that ExecStart's binary exists: point a copy at the built one.
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("units-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: dir) }
            let binary = DaemonHarness.productsDirectory.appendingPathComponent("timelined").path
            for name in ["timelined.service", "timelined.socket"] {
                let text = try String(
                    contentsOf: Self.repository.appendingPathComponent("systemd/\(name)"),
                    encoding: .utf8
                )
                #expect(name != "timelined.service" || text.contains("ExecStart=/usr/local/bin/timelined "))
                try text.replacingOccurrences(of: "/usr/local/bin/timelined", with: binary)
                    .write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
            }
            let (status, output) = try Self.run(
                "/usr/bin/systemd-analyze",
                [
                    "verify", "--man=no", dir.appendingPathComponent("timelined.socket").path,
                    dir.appendingPathComponent("timelined.service").path,
                ]
            )
            #expect(status == 0, "\(output)")
            // Warnings about our units would be printed with their path.
            let ours = output.split(separator: "\n").filter { $0.contains(dir.path) }
            #expect(ours.isEmpty, "\(output)")
            // A mistake is caught: the check is not a rubber stamp.
            let broken = dir.appendingPathComponent("broken.service")
            try "[Service]\nType=notify\nExecStart=/nonexistent/timelined\n".write(
                to: broken,
                atomically: true,
                encoding: .utf8
            )
            #expect(try Self.run("/usr/bin/systemd-analyze", ["verify", "--man=no", broken.path]).0 != 0)
        }

        @Test(.enabled(if: systemdAnalyzePresent, "needs systemd-analyze"))
        func exposureScoreIsAtMostTwo() throws {
            let unit = Self.repository.appendingPathComponent("systemd/timelined.service").path
            let (status, output) = try Self.run(
                "/usr/bin/systemd-analyze",
                ["security", "--offline=true", "--threshold=20", "--no-pager", unit]
            )
            let overall = output.split(separator: "\n").first { $0.contains("Overall exposure level") } ?? ""
            #expect(status == 0, "\(overall)")
            #expect(overall.contains("SAFE") || overall.contains("OK"), "\(output)")
        }

        @Test func readyStatusWatchdogReloadAndStopping() async throws {
            let daemon = try DaemonHarness()
            let config = try daemon.writeConfig("log_level = \"info\"\n")
            let listener = try NotifyListener(path: daemon.root + "/notify.sock")
            let messages = NotifyMessages(listener)
            try await daemon.start(
                extraArguments: ["--config", config],
                environment: [
                    "NOTIFY_SOCKET": listener.path, "WATCHDOG_USEC": "2400000", "INVOCATION_ID": "test",
                ]
            )
            try await messages.wait("READY=1") { $0.contains("READY=1") }
            #expect(messages.all.contains { $0.contains("STATUS=") })
            try await messages.wait("STATUS after catch-up") { $0.contains("STATUS=watching") }

            // Watchdog: a ping at least every half interval (1.2 s; the watcher's
            // heartbeat comes once a second), watched for 3.5 s.
            let watchStart = ContinuousClock.now
            try await Task.sleep(for: .milliseconds(3_500))
            let pings = messages.timed.filter { $0.message == "WATCHDOG=1" && $0.at >= watchStart }.map(\.at)
            #expect(pings.count >= 3, "\(pings.count) pings in 3.5 s")
            let gaps = zip(pings.dropFirst(), pings).map { $0 - $1 }
            #expect(gaps.allSatisfy { $0 <= .milliseconds(1_200) }, "gaps \(gaps)")

            // Reload with a client connected: it stays connected and served.
            try await daemon.client.withConnection { c in
                _ = try await c.call(Methods.health, NoParams(), as: HealthResult.self)
                try daemon.writeConfig("log_level = \"debug\"\n")
                let mark = messages.all.count
                daemon.signal(SIGHUP)
                try await messages.wait("RELOADING=1 then READY=1", after: mark) { $0.contains("READY=1") }
                let reload = messages.all[mark...]
                #expect(reload.first?.contains("RELOADING=1") == true, "\(reload)")
                #expect(reload.first?.contains("MONOTONIC_USEC=") == true)
                _ = try await c.call(Methods.health, NoParams(), as: HealthResult.self)

                // A bad file: RELOADING=1, READY=1, the error with file:line, the old values kept.
                try daemon.writeConfig("log_level = \"debug\"\nmax_conections = 3\n")
                let mark2 = messages.all.count
                daemon.signal(SIGHUP)
                try await messages.wait("READY=1 after the bad reload", after: mark2) { $0.contains("READY=1") }
                _ = try await c.call(Methods.health, NoParams(), as: HealthResult.self)
            }
            try await Task.sleep(for: .milliseconds(100))
            let log = daemon.log
            #expect(log.contains("reload failed") && log.contains("timelined.toml:2: max_conections"), "\(log)")
            // Under systemd (INVOCATION_ID) lines carry journal priorities: <3> for the error, <7> once debug is on.
            #expect(log.split(separator: "\n").contains { $0.hasPrefix("<3>reload failed") })
            #expect(log.split(separator: "\n").contains { $0.hasPrefix("<7>") })
            #expect(try await daemon.health().status == "ok")

            #expect(try await daemon.stop() == 0)
            try await messages.wait("STOPPING=1") { $0.contains("STOPPING=1") }
        }

        @Test func watchdogPingsOnlyForTheNamedProcess() async throws {
            let daemon = try DaemonHarness()
            let listener = try NotifyListener(path: daemon.root + "/notify.sock")
            let messages = NotifyMessages(listener)
            // WATCHDOG_PID of another process (as when a wrapper was meant): no pings.
            try await daemon.start(environment: [
                "NOTIFY_SOCKET": listener.path, "WATCHDOG_USEC": "400000", "WATCHDOG_PID": "1",
            ])
            try await messages.wait("READY=1") { $0.contains("READY=1") }
            try await Task.sleep(for: .milliseconds(1_200))
            #expect(!messages.all.contains("WATCHDOG=1"))
            #expect(try await daemon.stop() == 0)
        }

        @Test func socketActivationAdoptsTheListeningSocket() async throws {
            let daemon = try DaemonHarness()
            // The test plays systemd: it binds and listens, and passes the socket as fd 3
            // with LISTEN_PID naming the daemon itself ($$ survives exec).
            let listening = try RawSocket(listeningAt: daemon.socket)
            var before = stat()
            stat(daemon.socket, &before)
            // A client may connect before the daemon runs: the backlog holds it.
            let early = try RawSocket(connectingTo: daemon.socket)
            await early.send(#"{"jsonrpc":"2.0","id":1,"method":"health"}"# + "\n")
            try await daemon.start(
                environment: ["LISTEN_FDNAMES": "timelined.socket"],
                shell: "exec 3<&0 0</dev/null; LISTEN_PID=$$ LISTEN_FDS=1; export LISTEN_PID LISTEN_FDS;",
                standardInput: FileHandle(fileDescriptor: listening.fd, closeOnDealloc: false)
            )
            #expect(await early.readLine()?.contains(#""status":"ok""#) == true)
            #expect(daemon.log.contains("listening on an inherited socket"))
            // The same socket file: not replaced by one of the daemon's own.
            var after = stat()
            #expect(stat(daemon.socket, &after) == 0)
            #expect(after.st_ino == before.st_ino)
            #expect(try await daemon.stop() == 0)
            // Systemd's socket outlives the service: the daemon does not remove it.
            #expect(FileManager.default.fileExists(atPath: daemon.socket))
        }
    }
}

/// Collects notifications on a background thread.
final class NotifyMessages: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [(message: String, at: ContinuousClock.Instant)] = []

    init(_ listener: NotifyListener) {
        let thread = Thread { [weak self] in
            while self != nil {
                guard let m = listener.next(timeout: 200) else { continue }
                guard let self else { return }
                let now = ContinuousClock.now
                self.lock.withLock { self.messages.append((m, now)) }
            }
        }
        thread.start()
    }

    var all: [String] { lock.withLock { messages.map(\.message) } }
    var timed: [(message: String, at: ContinuousClock.Instant)] { lock.withLock { messages } }

    func count(where predicate: (String) -> Bool) -> Int { all.count(where: predicate) }

    /// Waits up to 20 s for a message after index `after` matching `predicate`.
    func wait(_ what: String, after: Int = 0, _ predicate: (String) -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(20)
        while ContinuousClock.now < deadline {
            if all.dropFirst(after).contains(where: predicate) { return }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw HarnessError("no \(what) within 20 s; got \(all)")
    }
}
