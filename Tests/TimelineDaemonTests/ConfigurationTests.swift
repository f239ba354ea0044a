import Foundation
import Testing

@testable import TimelineDaemon

@Suite struct ConfigurationTests {
    @Test func defaultsNeedNoFile() {
        let c = DaemonConfiguration(environment: [:])
        #expect(c.dropDir == "drop")
        #expect(c.stateDir == "state")
        #expect(c.resolvedSocketPath == "state/timelined.sock")
        #expect(c.socketMode == 0o660)
    }

    @Test func systemdDirectoriesAreDefaults() {
        let c = DaemonConfiguration(environment: [
            "STATE_DIRECTORY": "/var/lib/timelined", "RUNTIME_DIRECTORY": "/run/timelined",
        ])
        #expect(c.logPath == "/var/lib/timelined/events.log")
        #expect(c.resolvedSocketPath == "/run/timelined/timelined.sock")
    }

    @Test func fileOverridesDefaults() throws {
        var c = DaemonConfiguration(environment: [:])
        try c.apply(
            toml: """
                # comment
                drop_dir = "/srv/drop"   # trailing comment
                log_level = 'debug'

                [server]
                socket = "/run/t.sock"
                socket_mode = "0600"
                max_connections = 1_000

                [ingest]
                max_file_bytes = 1048576
                fallback_encodings = ["KOI8-R", "SHIFT_JIS"]
                """,
            file: "t.toml"
        )
        #expect(c.dropDir == "/srv/drop")
        #expect(c.logLevel == "debug")
        #expect(c.socketPath == "/run/t.sock")
        #expect(c.socketMode == 0o600)
        #expect(c.maxConnections == 1000)
        #expect(c.maxFileBytes == 1 << 20)
        #expect(c.fallbackEncodings == ["KOI8-R", "SHIFT_JIS"])
    }

    @Test(arguments: [
        ("drop_dir = /srv", "t.toml:1:"),
        ("[server]\nmax_conections = 3", "t.toml:2: server.max_conections: unknown key"),
        ("[server]\nmax_connections = \"3\"", "t.toml:2: server.max_connections: expected an integer"),
        ("log_level = \"loud\"", "t.toml:1: log_level: 'loud' is not one of"),
        ("drop_dir = \"a\"\ndrop_dir = \"b\"", "t.toml:2: 'drop_dir' is already set on line 1"),
        ("[server\nsocket = \"x\"", "t.toml:1: expected ']'"),
        ("drop_dir = \"unterminated", "t.toml:1: string has no closing quote"),
        ("[server]\nsocket_mode = 0o1777", "t.toml:2: server.socket_mode"),
        (
            "[ingest]\nfallback_encodings = [\"GB18030\", \"KLINGON-8\"]",
            "t.toml:2: ingest.fallback_encodings: iconv does not know the encoding 'KLINGON-8'"
        ),
        ("[ingest]\nfallback_encodings = \"GB18030\"", "t.toml:2: ingest.fallback_encodings: expected a list"),
    ])
    func badFilesNameTheLine(text: String, message: String) {
        var c = DaemonConfiguration(environment: [:])
        do {
            try c.apply(toml: text, file: "t.toml")
            Issue.record("accepted: \(text)")
        } catch {
            #expect(error.message.hasPrefix(message), "\(error.message)")
        }
    }

    @Test func shippedConfigFileIsValidAndMatchesTheDefaults() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "../../config/timelined.toml"
        ).standardized.path
        var fromFile = DaemonConfiguration(environment: [:])
        try fromFile.apply(file: file)
        #expect(fromFile == DaemonConfiguration(environment: [:]))
    }
}
