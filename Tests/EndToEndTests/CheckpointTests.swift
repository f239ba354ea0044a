import Foundation
import Testing
import TimelineClient
import TimelineCore
import TimelineProtocol

extension EndToEnd {
    /// Starting from the index checkpoint: the same answers as a full replay of
    /// the log, and a checkpoint that does not fit is not used.
    @Suite(.timeLimit(.minutes(3)))
    struct CheckpointTests {
        struct Answers: Equatable {
            var events: [TimelineEvent]
            var merged: [TimelineEvent]
            var sources: [DocumentRecord]
            var counts: [String: Int]
        }

        func answers(_ daemon: DaemonHarness) async throws -> Answers {
            var unmerged = QueryParams(limit: 7)
            unmerged.merge = false
            let stats = try await daemon.stats()
            return Answers(
                events: try await daemon.queryAll(unmerged),
                merged: try await daemon.queryAll(QueryParams(limit: 5)),
                sources: try await daemon.sources(),
                counts: stats.eventsByType
            )
        }

        func write(_ daemon: DaemonHarness, _ name: String, _ sentences: [String]) throws {
            let text = "Report \(name)\n\n" + sentences.joined(separator: " ") + "\n"
            try text.write(toFile: daemon.dropDir + "/" + name, atomically: true, encoding: .utf8)
        }

        var checkpointLine: String { "index loaded from the checkpoint" }

        @Test func aStartFromTheCheckpointServesWhatAFullReplayServes() async throws {
            let daemon = try DaemonHarness()
            try await daemon.start()
            try write(
                daemon,
                "a.txt",
                [
                    "The governor met the Russian consul in Harbin on 3 March 2024.",
                    "The port authority approved the plan on 5 April 2024.",
                ]
            )
            try write(daemon, "b.txt", ["The consul visited Dandong on 7 June 2023."])
            try await daemon.waitForSources("two articles") { $0.count == 2 }
            try await daemon.waitUntilIdle()
            #expect(try await daemon.stop() == 0)
            let checkpoint = daemon.logPath + ".checkpoint"
            #expect(FileManager.default.fileExists(atPath: checkpoint))

            // From the checkpoint; then a changed article and a new one after it, and a crash.
            try await daemon.start()
            #expect(daemon.log.contains(checkpointLine), "\(daemon.log)")
            try write(daemon, "a.txt", ["The governor met the consul in Harbin on 9 May 2024."])
            try write(daemon, "c.txt", ["A deadline of 22 December 2024 was set for the bridge."])
            try await daemon.waitForSources("changed and new articles") { s in
                s.count == 3 && s.allSatisfy { $0.eventCount > 0 }
            }
            try await daemon.waitUntilIdle()
            let live = try await answers(daemon)
            #expect(!live.events.contains { $0.date.description == "2024-03-03" })
            try await daemon.kill9()

            try await daemon.start()
            #expect(daemon.log.contains(checkpointLine), "\(daemon.log)")
            #expect(!daemon.log.contains("then 0 records"), "\(daemon.log)")
            let fromCheckpoint = try await answers(daemon)
            #expect(try await daemon.stop() == 0)

            try FileManager.default.removeItem(atPath: checkpoint)
            try await daemon.start()
            #expect(daemon.log.contains("index built from the whole log: no checkpoint"), "\(daemon.log)")
            let full = try await answers(daemon)
            #expect(try await daemon.stop() == 0)

            #expect(fromCheckpoint == full)
            #expect(fromCheckpoint == live)
            let verify = try await DaemonHarness.ctl(["verify", daemon.logPath])
            #expect(verify.status == 0, "\(verify.output)")
        }

        @Test func aCorruptOrTruncatedOrStaleCheckpointFallsBackToAFullReplay() async throws {
            let daemon = try DaemonHarness()
            try await daemon.start()
            for k in 0..<3 {
                try write(daemon, "r\(k).txt", ["The council met in Heihe on \(k + 2) May 2024."])
            }
            try await daemon.waitForSources("three articles") { $0.count == 3 }
            try await daemon.waitUntilIdle()
            let expected = try await answers(daemon)
            #expect(try await daemon.stop() == 0)
            let checkpoint = daemon.logPath + ".checkpoint"
            let good = try Data(contentsOf: URL(fileURLWithPath: checkpoint))

            var flipped = [UInt8](good)
            flipped[flipped.count / 2] ^= 0x10
            let spoilt: [(String, Data)] = [
                ("corrupt checkpoint", Data(flipped)),
                ("corrupt checkpoint", good.prefix(good.count / 2)),
            ]
            for (why, bytes) in spoilt {
                try bytes.write(to: URL(fileURLWithPath: checkpoint))
                try await daemon.start()
                #expect(daemon.log.contains("index built from the whole log: \(why)"), "\(daemon.log)")
                #expect(try await answers(daemon) == expected)
                #expect(try await daemon.stop() == 0)
            }

            // The log cut back behind the checkpoint: the checkpoint is stale, the log wins.
            try good.write(to: URL(fileURLWithPath: checkpoint))
            let log = try Data(contentsOf: URL(fileURLWithPath: daemon.logPath))
            let lastGroup = log.dropLast().lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
            try log.prefix(lastGroup).write(to: URL(fileURLWithPath: daemon.logPath))
            try await daemon.start()
            #expect(daemon.log.contains("index built from the whole log: stale checkpoint"), "\(daemon.log)")
            // The article whose group was cut is read again from the drop folder.
            try await daemon.waitForStats("the cut article again") { $0.events == expected.events.count }
            try await daemon.waitUntilIdle()
            #expect(try await answers(daemon).events == expected.events)
            #expect(try await daemon.stop() == 0)
        }
    }
}
