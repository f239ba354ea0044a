import Foundation
import Testing
import TimelineClient
import TimelineCore
import TimelineProtocol

#if canImport(Glibc)
import Glibc
#endif

extension EndToEnd {
    /// Nothing lost, nothing twice: crashes, damaged logs and a full disk.
    @Suite(.timeLimit(.minutes(3)))
    struct DurabilityTests {
        /// A short article with two dated happenings, different for each `i`.
        static func article(_ i: Int) -> String {
            let months = [
                "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December",
            ]
            let cities = ["Harbin", "Dandong", "Hunchun", "Heihe", "Vladivostok", "Changchun"]
            let day = i % 27 + 1
            let month = months[i % 12]
            let year = 2015 + i % 10
            return """
                Regional note \(i)

                Officials of \(cities[i % cities.count]) met their counterparts on \(day) \(month) \(year) to discuss border trade.
                The provincial government approved the port development plan in \(months[(i + 5) % 12]) \(year + 1).

                """
        }

        /// Events per file, as the offline extractor finds them.
        static func expectedCounts(_ files: [String], dct: String = "2026-01-01") async throws -> [String: Int] {
            let (status, output) = try await DaemonHarness.ctl(["extract", "--dct", dct] + files)
            try #require(status == 0, "\(output)")
            var counts: [String: Int] = [:]
            for line in output.split(separator: "\n") {
                let doc = try #require(
                    (try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["doc"] as? String
                )
                counts[doc, default: 0] += 1
            }
            return counts
        }

        /// Asserts each file's events are present exactly once.
        static func checkExactlyOnce(_ daemon: DaemonHarness, expected: [String: Int], files: Set<String>) async throws
        {
            let events = try await daemon.queryAll(QueryParams(limit: 1000))
            #expect(Set(events.map(\.id)).count == events.count, "duplicate ids")
            var byFile: [String: Int] = [:]
            for e in events { byFile[(e.source.path as NSString).lastPathComponent, default: 0] += 1 }
            for name in files { #expect(byFile[name, default: 0] == expected[name, default: 0], "\(name)") }
        }

        @Test func killedTwentyTimesWhileIngestingLosesNothingAndRepeatsNothing() async throws {
            let daemon = try DaemonHarness()
            let staging = daemon.root + "/staging"
            try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
            let rounds = 20
            let perRound = 3
            var names: [String] = []
            for i in 0..<(rounds * perRound) {
                let name = String(format: "note-%03d.txt", i)
                try Self.article(i).write(toFile: staging + "/" + name, atomically: true, encoding: .utf8)
                names.append(name)
            }
            // The articles' dates are absolute, so the document date does not change what is found.
            let expected = try await Self.expectedCounts(names.map { staging + "/" + $0 })
            #expect(expected.values.allSatisfy { $0 >= 1 }, "\(expected)")

            var rng = SplitMix64(seed: 20_261_123)
            var killsWithFilesInHand = 0
            for round in 0..<rounds {
                try await daemon.start()
                for name in names[(round * perRound)..<((round + 1) * perRound)] {
                    try FileManager.default.copyItem(atPath: staging + "/" + name, toPath: daemon.dropDir + "/" + name)
                }
                // Ingesting a file takes milliseconds: kill within that window.
                try await Task.sleep(for: .microseconds(Int(rng.next() % 12_000)))
                try await daemon.kill9()
                let logged = try await DaemonHarness.ctl(["verify", "--json", daemon.logPath]).output
                let documents =
                    (try? JSONSerialization.jsonObject(with: Data(logged.utf8)) as? [String: Any])?["documents"] as? Int
                if (documents ?? 0) < (round + 1) * perRound { killsWithFilesInHand += 1 }
            }
            try await daemon.start()
            try await daemon.waitUntilIdle()
            #expect(try await daemon.sources().count == names.count)
            try await Self.checkExactlyOnce(daemon, expected: expected, files: Set(names))
            // How many restarts found (and cut) a group the kill interrupted: evidence the kills land mid-write.
            let interrupted = (1...daemon.starts).count { n in
                ((try? String(contentsOfFile: daemon.root + "/daemon-\(n).log", encoding: .utf8)) ?? "").contains(
                    "log damage"
                )
            }
            print(
                "crash test: \(rounds) kills, \(killsWithFilesInHand) with dropped files not yet logged, "
                    + "\(interrupted) restarts found an interrupted write"
            )
            #expect(try await daemon.stop() == 0)
            let verify = try await DaemonHarness.ctl(["verify", daemon.logPath])
            #expect(verify.status == 0, "\(verify.output)")
        }

        @Test func flippedBytesAndACutTailAreReportedAndEverythingElseServed() async throws {
            let daemon = try DaemonHarness()
            try await daemon.start()
            let names = (0..<5).map { String(format: "item-%d.txt", $0) }
            for (i, name) in names.enumerated() {
                try Self.article(100 + i).write(toFile: daemon.dropDir + "/" + name, atomically: true, encoding: .utf8)
            }
            try await daemon.waitForSources("five files") { $0.count == 5 }
            try await daemon.waitUntilIdle()
            let before = try await daemon.queryAll(QueryParams(limit: 1000))
            #expect(try await daemon.stop() == 0)

            // Damage an event record in the middle, and cut the last record short.
            var bytes = Array(FileManager.default.contents(atPath: daemon.logPath)!)
            var lineStarts = [0]
            for (i, b) in bytes.enumerated() where b == UInt8(ascii: "\n") && i + 1 < bytes.count {
                lineStarts.append(i + 1)
            }
            let lines = lineStarts.map { start -> String in
                let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n"))!
                return String(decoding: bytes[start..<end], as: UTF8.self)
            }
            let victim = try #require(lines.indices.first { $0 > 1 && lines[$0].contains(#""kind":"event""#) })
            let victimID = try #require(
                before.first { lines[victim].contains(#""id":"\#($0.id)""#) }?.id,
                "victim event not found"
            )
            bytes[lineStarts[victim] + 30] ^= 0x04
            bytes.removeLast(25)
            #expect(FileManager.default.createFile(atPath: daemon.logPath, contents: Data(bytes)))

            let damaged = try await DaemonHarness.ctl(["verify", daemon.logPath])
            #expect(damaged.status == 1)
            #expect(damaged.output.contains("corrupt-record at line \(victim + 1)"), "\(damaged.output)")
            #expect(
                damaged.output.contains("torn-tail") || damaged.output.contains("incomplete-group"),
                "\(damaged.output)"
            )

            // Start-up reports, cuts the tail, serves the rest, and takes the cut file in again.
            try await daemon.start()
            try await daemon.waitUntilIdle()
            let after = try await daemon.queryAll(QueryParams(limit: 1000))
            #expect(Set(after.map(\.id)) == Set(before.map(\.id)).subtracting([victimID]))
            #expect(daemon.log.contains("corrupt-record"))
            #expect(try await daemon.stop() == 0)
            // The damage in the middle stays (the log is never rewritten), and only it.
            let again = try await DaemonHarness.ctl(["verify", daemon.logPath])
            #expect(again.status == 1)
            #expect(again.output.contains("corrupt-record"))
            #expect(
                !again.output.contains("torn-tail") && !again.output.contains("incomplete-group"),
                "\(again.output)"
            )
        }

        @Test func aFullDiskFailsClearlyKeepsTheLogValidAndRetriesLater() async throws {
            let daemon = try DaemonHarness()
            let names = (0..<6).map { String(format: "big-%d.txt", $0) }
            // Room for about two files' records.
            try await daemon.start(launcher: ["/usr/bin/prlimit", "--fsize=4000", "--"])
            for (i, name) in names.enumerated() {
                try Self.article(200 + i).write(toFile: daemon.dropDir + "/" + name, atomically: true, encoding: .utf8)
                try await daemon.waitUntilIdle()
            }
            let health = try await daemon.health()
            #expect(health.status == "degraded")
            #expect(health.problem?.contains("File too large") == true, "\(String(describing: health.problem))")
            let logged = try await daemon.sources().count
            #expect(logged >= 1 && logged < names.count, "\(logged)")
            // Still answering, and the log on disk is whole.
            _ = try await daemon.queryAll(QueryParams(limit: 1000))
            let verify = try await DaemonHarness.ctl(["verify", daemon.logPath])
            #expect(verify.status == 0, "\(verify.output)")
            #expect(try await daemon.stop() == 0)

            // With room again, the files left behind are taken in at start.
            try await daemon.start()
            try await daemon.waitUntilIdle()
            #expect(try await daemon.health().status == "ok")
            #expect(try await daemon.sources().count == names.count)
            let expected = try await Self.expectedCounts(names.map { daemon.dropDir + "/" + $0 })
            try await Self.checkExactlyOnce(daemon, expected: expected, files: Set(names))
            _ = try await daemon.stop()
        }
    }
}

/// A small seeded generator, so a failing run can be repeated exactly.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
