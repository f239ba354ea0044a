import Foundation
import Testing
import TimelineClient
import TimelineProtocol

extension EndToEnd {
    @Suite(.timeLimit(.minutes(1)))
    struct SystemdNotifyTests {
        @Test func readyIsSentOnceTheSocketAnswersAndStoppingAtTheEnd() async throws {
            let daemon = try DaemonHarness()
            let listener = try NotifyListener(path: daemon.root + "/notify.sock")
            // On a thread of its own: a blocking wait must not hold a cooperative thread.
            let waiting = Task {
                try await offPool { () -> [String] in
                    var messages: [String] = []
                    while let m = listener.next(timeout: 20_000) {
                        messages.append(m)
                        if m.contains("READY=1") { break }
                    }
                    return messages
                }
            }
            try await daemon.start(environment: ["NOTIFY_SOCKET": listener.path], waitForHealth: false)
            let messages = try await waiting.value
            let ready = try #require(messages.last, "no READY=1 within 20 s:\n\(daemon.log)")
            #expect(ready.contains("READY=1"))
            #expect(ready.contains("STATUS="))
            // READY means the socket listens: the very first try must be answered.
            #expect(try await daemon.health().status == "ok")
            #expect(try await daemon.stop() == 0)
            let rest = try await offPool {
                var rest: [String] = []
                while let m = listener.next(timeout: 2_000) { rest.append(m) }
                return rest
            }
            #expect(rest.contains { $0.contains("STOPPING=1") }, "\(rest)")
        }
    }
}

extension EndToEnd {
    @Suite(.timeLimit(.minutes(1)))
    struct ShutdownTests {
        @Test func sigtermWithAnIdleClientConnectedExitsPromptly() async throws {
            let daemon = try DaemonHarness()
            try await daemon.start()
            let started = ContinuousClock.now
            try await daemon.client.withConnection { c in
                _ = try await c.call(Methods.health, NoParams(), as: HealthResult.self)
                // Stay connected and silent while the daemon is asked to stop.
                #expect(try await daemon.stop() == 0)
            }
            #expect(ContinuousClock.now - started < .seconds(10))
        }
    }

    @Suite(.timeLimit(.minutes(1)))
    struct OneDaemonPerLogTests {
        @Test func aSecondDaemonOnTheSameStateFolderStopsWithAClearError() async throws {
            let daemon = try DaemonHarness()
            try await daemon.start()
            let second = Process()
            second.executableURL = DaemonHarness.productsDirectory.appendingPathComponent("timelined")
            second.arguments = [
                "--drop-dir", daemon.dropDir, "--state-dir", daemon.stateDir, "--socket", daemon.root + "/other.sock",
            ]
            let err = daemon.root + "/second.err"
            _ = FileManager.default.createFile(atPath: err, contents: nil)
            second.standardError = FileHandle(forWritingAtPath: err)
            try second.run()
            while second.isRunning { try await Task.sleep(for: .milliseconds(20)) }
            #expect(second.terminationStatus != 0)
            let message = (try? String(contentsOfFile: err, encoding: .utf8)) ?? ""
            #expect(message.contains("another timelined is using this log"), "\(message)")
            // The first one is untouched.
            #expect(try await daemon.health().status == "ok")
            #expect(try await daemon.stop() == 0)
        }
    }
}
