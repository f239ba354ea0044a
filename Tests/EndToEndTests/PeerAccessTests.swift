import Foundation
import Testing
import TimelineClient
import TimelineProtocol

#if canImport(Glibc)
import Glibc
#endif

extension EndToEnd {
    /// Who may connect: the socket file's mode and group, and the allow-lists
    /// checked with the peer's credentials.
    @Suite(.timeLimit(.minutes(1)))
    struct PeerAccessTests {
        @Test func aClientNotOnTheAllowListGetsAnErrorNotAHang() async throws {
            let me = getuid()
            let daemon = try DaemonHarness()
            // Health checks by the harness must get in: start open, then restrict by reload.
            let config = try daemon.writeConfig("[server]\nallowed_uids = [\(me)]\n")
            try await daemon.start(extraArguments: ["--config", config])
            #expect(try await daemon.health().status == "ok")

            // Exclude this uid and this gid; keep the change live with SIGHUP.
            let stranger = me == 4242 ? 4243 : 4242
            try daemon.writeConfig("[server]\nallowed_uids = [\(stranger)]\nallowed_gids = [\(stranger)]\n")
            let connected = try RawSocket(connectingTo: daemon.socket)  // admitted before the change
            daemon.signal(SIGHUP)
            try await Self.waitFor("reloaded", daemon)

            let refused = try RawSocket(connectingTo: daemon.socket)
            let started = ContinuousClock.now
            await refused.send(#"{"jsonrpc":"2.0","id":1,"method":"health"}"# + "\n")
            let reply = await refused.readLine(timeout: 5_000)
            #expect(RawSocket.errorCode(reply) == -32003, "\(reply ?? "no reply")")
            #expect(reply?.contains("uid \(me)") == true)
            #expect(await refused.waitForClose(timeout: 2_000))
            #expect(ContinuousClock.now - started < .seconds(2))
            // timelinectl's client too is turned away (its write may meet the closed socket first).
            await #expect(throws: (any Error).self) { try await daemon.health() }

            // A connection made before the change is kept.
            await connected.send(#"{"jsonrpc":"2.0","id":2,"method":"health"}"# + "\n")
            #expect(await connected.readLine()?.contains(#""status":"ok""#) == true)

            // Listed by primary group: served again.
            try daemon.writeConfig("[server]\nallowed_uids = [\(stranger)]\nallowed_gids = [\(getgid())]\n")
            daemon.signal(SIGHUP)
            try await Self.waitFor("reloaded", daemon, count: 2)
            #expect(try await daemon.health().status == "ok")
            #expect(try await daemon.stop() == 0)
        }

        @Test func socketModeAndGroupAreApplied() async throws {
            let daemon = try DaemonHarness()
            let gid = getgid()
            let config = try daemon.writeConfig("[server]\nsocket_mode = \"0600\"\nsocket_group = \(gid)\n")
            try await daemon.start(extraArguments: ["--config", config])
            var st = stat()
            #expect(lstat(daemon.socket, &st) == 0)
            #expect(st.st_mode & 0o777 == 0o600)
            #expect(st.st_gid == gid)
            // Changed by a reload.
            try daemon.writeConfig("[server]\nsocket_mode = 0o660\nsocket_group = \(gid)\n")
            daemon.signal(SIGHUP)
            try await Self.waitFor("reloaded", daemon)
            #expect(lstat(daemon.socket, &st) == 0)
            #expect(st.st_mode & 0o777 == 0o660)
            // A group that does not exist stops the start, naming the key.
            #expect(try await daemon.stop() == 0)
            try daemon.writeConfig("[server]\nsocket_group = \"no-such-group-here\"\n")
            await #expect(throws: HarnessError.self) { try await daemon.start(extraArguments: ["--config", config]) }
            #expect(daemon.log.contains("server.socket_group: no group named 'no-such-group-here'"), "\(daemon.log)")
        }

        static func waitFor(_ text: String, _ daemon: DaemonHarness, count: Int = 1) async throws {
            let deadline = ContinuousClock.now + .seconds(10)
            while ContinuousClock.now < deadline {
                if daemon.log.components(separatedBy: text).count - 1 >= count { return }
                try await Task.sleep(for: .milliseconds(20))
            }
            throw HarnessError("no '\(text)' ×\(count) in the log:\n\(daemon.log)")
        }
    }
}
