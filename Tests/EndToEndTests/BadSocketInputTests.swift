import Foundation
import Testing
import TimelineClient
import TimelineProtocol

#if canImport(Glibc)
import Glibc
#endif

extension EndToEnd {
    /// What the daemon does with clients that misbehave: each gets a JSON-RPC
    /// error or a bounded wait, and other clients are served throughout.
    @Suite(.timeLimit(.minutes(2)))
    struct BadSocketInputTests {
        /// One request line per case, and the error code it must get.
        static let badRequests: [(String, String, Int)] = [
            ("malformed JSON", #"{"jsonrpc":"2.0","id":1,"method":"health""#, -32700),
            ("not JSON at all", "\u{1}\u{2}binary\u{7F}", -32700),
            ("JSON that is not an object", "[1,2,3]", -32600),
            ("a string", #""health""#, -32600),
            ("no jsonrpc member", #"{"id":1,"method":"health"}"#, -32600),
            ("method not a string", #"{"jsonrpc":"2.0","id":1,"method":7}"#, -32600),
            ("id an object", #"{"jsonrpc":"2.0","id":{},"method":"health"}"#, -32600),
            ("unknown method", #"{"jsonrpc":"2.0","id":1,"method":"drop_everything"}"#, -32601),
            ("params a list", #"{"jsonrpc":"2.0","id":1,"method":"query","params":[1]}"#, -32602),
            ("limit a string", #"{"jsonrpc":"2.0","id":1,"method":"query","params":{"limit":"ten"}}"#, -32602),
            ("types not a list", #"{"jsonrpc":"2.0","id":1,"method":"query","params":{"types":"meeting"}}"#, -32602),
            ("id a number", #"{"jsonrpc":"2.0","id":1,"method":"event","params":{"id":5}}"#, -32602),
            ("unknown parameter", #"{"jsonrpc":"2.0","id":1,"method":"query","params":{"form":"2024"}}"#, -32602),
            ("month 13, day 45", #"{"jsonrpc":"2.0","id":1,"method":"query","params":{"from":"2024-13-45"}}"#, -32602),
            ("30 February", #"{"jsonrpc":"2.0","id":1,"method":"query","params":{"to":"2023-02-30"}}"#, -32602),
            ("week 60", #"{"jsonrpc":"2.0","id":1,"method":"query","params":{"from":"2024-W60"}}"#, -32602),
            (
                "from after to", #"{"jsonrpc":"2.0","id":1,"method":"query","params":{"from":"2025","to":"2024"}}"#,
                -32602
            ),
            ("limit zero", #"{"jsonrpc":"2.0","id":1,"method":"query","params":{"limit":0}}"#, -32602),
            ("forged cursor", #"{"jsonrpc":"2.0","id":1,"method":"query","params":{"cursor":"zz"}}"#, -32602),
            ("params for health", #"{"jsonrpc":"2.0","id":1,"method":"health","params":{"x":1}}"#, -32602),
        ]

        @Test func eachBadRequestGetsItsErrorAndTheConnectionGoesOn() async throws {
            let daemon = try DaemonHarness()
            try await daemon.start()
            let raw = try RawSocket(connectingTo: daemon.socket)
            for (name, line, code) in Self.badRequests {
                await raw.send(line + "\n")
                let reply = await raw.readLine()
                #expect(RawSocket.errorCode(reply) == code, "\(name): \(reply ?? "no reply")")
            }
            // The same connection still answers, and so does another one.
            await raw.send(#"{"jsonrpc":"2.0","id":99,"method":"health"}"# + "\n")
            #expect(await raw.readLine()?.contains(#""status":"ok""#) == true)
            #expect(try await daemon.health().status == "ok")
            #expect(try await daemon.stop() == 0)
        }

        @Test func aHundredMegabyteLineIsRefusedWithoutBeingBuffered() async throws {
            let daemon = try DaemonHarness()
            try daemon.writeConfig("[server]\nmax_line_bytes = 65536\n")
            try await daemon.start(extraArguments: ["--config", daemon.root + "/timelined.toml"])
            let raw = try RawSocket(connectingTo: daemon.socket)
            let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 1 << 20)
            let flood = Task {
                try await offPool {
                    var sent = 0
                    for _ in 0..<100 {
                        let n = raw.sendNow(chunk)
                        sent += n
                        if n < chunk.count { break }  // the daemon hung up
                    }
                    return sent
                }
            }
            // Meanwhile another client is served.
            #expect(try await daemon.health().status == "ok")
            let sent = try await flood.value
            #expect(sent < 100 << 20, "the daemon read all 100 MB")
            let reply = await raw.readLine()
            #expect(RawSocket.errorCode(reply) == -32600, "\(reply ?? "no reply")")
            #expect(reply?.contains("65536") == true)
            #expect(await raw.waitForClose(timeout: 5_000))
            // Memory stayed bounded: far below the size of the line.
            let rss = Self.residentMegabytes(of: try #require(daemon.pid))
            #expect(rss < 100, "daemon resident set \(rss) MB")
            #expect(try await daemon.health().status == "ok")
            #expect(try await daemon.stop() == 0)
        }

        @Test func aSilentClientIsDisconnectedAfterTheIdleTimeout() async throws {
            let daemon = try DaemonHarness()
            try daemon.writeConfig("[server]\nidle_timeout_seconds = 1\n")
            try await daemon.start(extraArguments: ["--config", daemon.root + "/timelined.toml"])
            let silent = try RawSocket(connectingTo: daemon.socket)
            let started = ContinuousClock.now
            // Served while the silent one waits.
            #expect(try await daemon.health().status == "ok")
            #expect(await silent.waitForClose(timeout: 5_000))
            let waited = ContinuousClock.now - started
            #expect(waited >= .milliseconds(900) && waited < .seconds(4), "\(waited)")
            // Half a line and then silence is no different.
            let partial = try RawSocket(connectingTo: daemon.socket)
            await partial.send(#"{"jsonrpc":"2.0","#)
            #expect(await partial.waitForClose(timeout: 5_000))
            #expect(try await daemon.stop() == 0)
        }

        @Test func aThousandConnectionsAtOnceBeyondTheLimitGetAnError() async throws {
            Self.raiseOpenFilesLimit()
            let daemon = try DaemonHarness()
            try daemon.writeConfig("[server]\nmax_connections = 50\n")
            try await daemon.start(extraArguments: ["--config", daemon.root + "/timelined.toml"])
            let socket = daemon.socket
            let clients = try await offPool {
                try (0..<1000).map { _ in try RawSocket(connectingTo: socket) }
            }
            let outcomes = try await offPool {
                clients.map { c -> Int? in
                    // Admitted ones hear nothing; refused ones get one error line at once.
                    RawSocket.errorCode(c.readLineNow(timeout: 200))
                }
            }
            let refused = outcomes.count { $0 == -32002 }
            #expect(refused == 950, "refused \(refused); others: \(Set(outcomes.compactMap { $0 }))")
            #expect(outcomes.allSatisfy { $0 == nil || $0 == -32002 })
            // The admitted ones are served.
            let admitted = zip(clients, outcomes).filter { $0.1 == nil }.map(\.0)
            for c in admitted.prefix(5) {
                await c.send(#"{"jsonrpc":"2.0","id":1,"method":"health"}"# + "\n")
                #expect(await c.readLine()?.contains(#""status":"ok""#) == true)
            }
            // Once they leave, a new client gets in.
            for c in clients { shutdown(c.fd, Int32(SHUT_RDWR)) }
            let deadline = ContinuousClock.now + .seconds(10)
            var served = false
            while !served && ContinuousClock.now < deadline {
                served = (try? await daemon.health()) != nil
                if !served { try await Task.sleep(for: .milliseconds(50)) }
            }
            #expect(served)
            #expect(try await daemon.stop() == 0)
        }

        @Test func aClientThatHangsUpMidAnswerHurtsNoOne() async throws {
            let daemon = try DaemonHarness()
            try await daemon.start()
            let request = #"{"jsonrpc":"2.0","id":1,"method":"stats"}"# + "\n"
            for round in 0..<5 {
                do {
                    // Thousands of requests in one go, then gone (closed by deinit)
                    // with the answers unread; in later rounds after reading a part.
                    let raw = try RawSocket(connectingTo: daemon.socket)
                    await raw.send(String(repeating: request, count: 5_000))
                    for _ in 0..<round { _ = await raw.readLine() }
                }
                #expect(try await daemon.health().status == "ok")
            }
            #expect(try await daemon.stop() == 0)
            #expect(!daemon.log.contains("critical"))
        }

        /// VmRSS of a process, in MiB.
        static func residentMegabytes(of pid: Int32) -> Int {
            guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
                let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
                let kb = line.split(separator: " ").dropFirst().first.flatMap({ Int($0) })
            else { return -1 }
            return kb / 1024
        }

        /// A thousand sockets need more than the common soft limit of 1,024 descriptors.
        static func raiseOpenFilesLimit() {
            var limit = rlimit()
            guard getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return }
            limit.rlim_cur = max(limit.rlim_cur, min(limit.rlim_max, 8192))
            setrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit)
        }
    }
}
