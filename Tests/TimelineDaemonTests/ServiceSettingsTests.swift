import Foundation
import Logging
import Synchronization
import Testing
import TimelineServer

@testable import TimelineDaemon

@Suite struct ServiceSettingsTests {
    @Test func accessKeysAreRead() throws {
        var c = DaemonConfiguration(environment: [:])
        try c.apply(
            toml: """
                [server]
                socket_group = "adm"
                allowed_uids = [0, 1000]
                allowed_gids = [ 4 ]
                """,
            file: "t.toml"
        )
        #expect(c.socketGroup == "adm")
        #expect(c.allowedUIDs == [0, 1000])
        #expect(c.allowedGIDs == [4])
    }

    @Test(arguments: [
        ("[server]\nallowed_uids = 0", "t.toml:2: server.allowed_uids: expected a list"),
        ("[server]\nallowed_uids = [\"root\"]", "t.toml:2: server.allowed_uids: expected a list of numeric ids"),
        ("[server]\nallowed_gids = [-1]", "t.toml:2: server.allowed_gids"),
        ("[server]\nsocket_group = true", "t.toml:2: server.socket_group: expected a group name or number"),
    ])
    func badAccessKeysNameTheLine(text: String, message: String) {
        var c = DaemonConfiguration(environment: [:])
        do {
            try c.apply(toml: text, file: "t.toml")
            Issue.record("accepted: \(text)")
        } catch {
            #expect(error.message.hasPrefix(message), "\(error.message)")
        }
    }

    @Test func flagsOverrideTheFileAndBadFlagsAreReported() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("timelined.toml").path
        try "drop_dir = \"/a\"\nlog_level = \"debug\"\n".write(toFile: file, atomically: true, encoding: .utf8)
        // Found through systemd's ConfigurationDirectory= when there is no --config.
        let source = ConfigurationSource(dropDir: "/b", environment: ["CONFIGURATION_DIRECTORY": dir.path])
        #expect(source.resolvedFile == file)
        let c = try source.load()
        #expect(c.dropDir == "/b")
        #expect(c.logLevel == "debug")
        #expect(ConfigurationSource(environment: ["CONFIGURATION_DIRECTORY": "/nonexistent"]).resolvedFile == nil)
        #expect(throws: ConfigurationError.self) { try ConfigurationSource(logLevel: "loud", environment: [:]).load() }
    }

    @Test func reloadNamesTheKeysThatNeedARestart() {
        let old = DaemonConfiguration(environment: [:])
        var new = old
        new.maxConnections = 3
        new.logLevel = "debug"
        new.allowedUIDs = [1]
        #expect(ConfigReloader.restartOnlyChanges(from: old, to: new) == ["server.max_connections"])
    }

    @Test(arguments: [
        (["WATCHDOG_USEC": "30000000"], Duration.seconds(7.5) as Duration?),
        (["WATCHDOG_USEC": "2000000", "WATCHDOG_PID": "42"], Duration.milliseconds(500)),
        (["WATCHDOG_USEC": "2000000", "WATCHDOG_PID": "43"], nil),  // meant for another process
        (["WATCHDOG_USEC": "0"], nil),
        (["WATCHDOG_USEC": "soon"], nil),
        ([:], nil),
    ])
    func watchdogIntervalComesFromTheEnvironment(environment: [String: String], expected: Duration?) {
        #expect(Watchdog.pingInterval(environment: environment, pid: 42) == expected)
    }

    @Test func journalLinesCarryThePriority() {
        let lines = Mutex<[String]>([])
        let control = LogLevelControl(.info)
        var logger = Logger(label: "t") { _ in
            JournalLogHandler(control: control, journal: true) { line in lines.withLock { $0.append(line) } }
        }
        logger[metadataKey: "k"] = "v"
        logger.debug("hidden")
        logger.error("broken\nacross lines", metadata: ["path": "/x"])
        logger.info("told")
        control.level = .debug
        logger.debug("now shown")
        #expect(
            lines.withLock { $0 } == [
                "<3>broken⏎across lines k=v path=/x\n", "<6>told k=v\n", "<7>now shown k=v\n",
            ]
        )
        #expect(JournalLogHandler.priority(.warning) == 4)
        #expect(JournalLogHandler.priority(.critical) == 2)
    }

    @Test func journalIsDetectedFromTheEnvironment() {
        #expect(!JournalLogHandler.stderrIsJournal(environment: [:]))
        #expect(JournalLogHandler.stderrIsJournal(environment: ["INVOCATION_ID": "abc"]))
        var st = stat()
        fstat(2, &st)
        #expect(JournalLogHandler.stderrIsJournal(environment: ["JOURNAL_STREAM": "\(st.st_dev):\(st.st_ino)"]))
        #expect(!JournalLogHandler.stderrIsJournal(environment: ["JOURNAL_STREAM": "1:2"]))
    }

    @Test func peerPolicyAdmitsByUidOrPrimaryGid() {
        let me = PeerCredentials(pid: 1, uid: 1000, gid: 100)
        let open = PeerPolicy()
        #expect(!open.isRestricted && open.refusal(for: nil) == nil)
        let policy = PeerPolicy(uids: [0], gids: [])
        #expect(policy.refusal(for: me)?.code == -32003)
        #expect(policy.refusal(for: nil)?.code == -32003)
        policy.update(uids: [], gids: [100])
        #expect(policy.refusal(for: me) == nil)
        policy.update(uids: [1000], gids: [5])
        #expect(policy.refusal(for: me) == nil)
    }
}
