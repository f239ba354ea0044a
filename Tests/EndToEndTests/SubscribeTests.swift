import Foundation
import Testing
import TimelineClient
import TimelineCore
import TimelineProtocol

extension EndToEnd {
    @Suite(.timeLimit(.minutes(2)))
    struct SubscribeTests {
        @Test func subscriberGetsMatchingNewEventsAndWithdrawals() async throws {
            let daemon = try DaemonHarness()
            // A short idle timeout: a subscribed connection must outlive it.
            let config = daemon.root + "/t.toml"
            try "[server]\nidle_timeout_seconds = 1\n".write(toFile: config, atomically: true, encoding: .utf8)
            try await daemon.start(extraArguments: ["--config", config])
            let client = TimelineClient(socketPath: daemon.socket, timeout: .seconds(20))
            try await client.withConnection { c in
                let sub = try await c.call(
                    Methods.subscribe,
                    SubscribeParams(QueryParams(types: ["meeting"])),
                    as: SubscribeResult.self
                )
                try await Task.sleep(for: .milliseconds(2500))

                try write(daemon, "a.txt", "Envoys\n\nThe two envoys met in Harbin on 3 March 2024 to discuss trade.\n")
                let first = try await c.nextNotification()
                #expect(first.method == Methods.Notification.event)
                #expect(first.params.subscription == sub.subscription)
                let meeting = try #require(first.params.event)
                #expect(meeting.type == .meeting)
                #expect(meeting.date.description == "2024-03-03")

                // A file with no meeting sends nothing; the next notification is the next meeting.
                try write(daemon, "b.txt", "Visit\n\nThe delegation visited Vladivostok in June 2023.\n")
                try await daemon.waitForSources("b.txt") { $0.count == 2 }
                try write(daemon, "c.txt", "Talks\n\nOfficials held talks in Dandong on 9 May 2024.\n")
                let second = try #require(try await c.nextNotification().params.event)
                #expect(second.date.description == "2024-05-09", "\(second)")

                // The first article changes: its meeting is withdrawn.
                try write(daemon, "a.txt", "Envoys\n\nThe two envoys met in Harbin on 4 April 2024 to discuss trade.\n")
                let withdrawn = try await c.nextNotification()
                #expect(withdrawn.method == Methods.Notification.retracted)
                #expect(withdrawn.params.ids?.contains(meeting.id) == true)
                let replacement = try #require(try await c.nextNotification().params.event)
                #expect(replacement.date.description == "2024-04-04")

                // Unsubscribing ends it, with a reason.
                try await c.send(
                    Array(
                        #"{"jsonrpc":"2.0","id":99,"method":"unsubscribe","params":{"subscription":\#(sub.subscription)}}"#
                            .utf8 + [10]
                    )
                )
                var lines: [String] = []
                for _ in 0..<2 { lines.append(String(decoding: try await c.readLine(), as: UTF8.self)) }
                #expect(lines.contains { $0.contains(#""id":99"#) && $0.contains("result") }, "\(lines)")
                #expect(
                    lines.contains { $0.contains(Methods.Notification.ended) && $0.contains("unsubscribed") },
                    "\(lines)"
                )
            }
            _ = try await daemon.stop()
        }

        private func write(_ daemon: DaemonHarness, _ name: String, _ text: String) throws {
            // Write under a temporary name and rename, as careful tools deliver.
            let temp = daemon.dropDir + "/." + name + ".tmp"
            try text.write(toFile: temp, atomically: false, encoding: .utf8)
            _ = rename(temp, daemon.dropDir + "/" + name)
        }
    }
}
