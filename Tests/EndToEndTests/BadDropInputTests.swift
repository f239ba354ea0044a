import Foundation
import Testing
import TimelineClient
import TimelineCore
import TimelineProtocol

#if canImport(Glibc)
import Glibc
#endif

extension EndToEnd {
    /// Bad input in the drop folder, each against the real daemon: every file
    /// either yields its events or is set aside with a reason `sources` shows,
    /// and the daemon keeps answering.
    @Suite(.timeLimit(.minutes(2)))
    struct BadDropInputTests {
        static let article = "On 3 March 2024 the governor met the delegation in Harbin.\n"

        /// A file the daemon must set aside, and a word its reason must contain.
        struct Rejected: Sendable, CustomTestStringConvertible {
            var name: String
            var reason: String
            var make: @Sendable (_ drop: String, _ outside: String) throws -> Void
            var testDescription: String { name }
        }

        static let rejected: [Rejected] = [
            Rejected(name: "binary.txt", reason: "binary") { drop, _ in
                try Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919) }).write(
                    to: URL(fileURLWithPath: drop + "/binary.txt")
                )
            },
            Rejected(name: "mixed-encodings.txt", reason: "no fallback encoding fits") { drop, _ in
                // Not UTF-8, and neither GB18030, Windows-1251 nor Windows-1252 (the fallbacks):
                // Windows-1252 "café" words beside Windows-1251 Cyrillic ones.
                let latin: [UInt8] = Array("Le caf".utf8) + [0xE9] + Array(" de la gare ferm".utf8) + [0xE9, 0x20]
                let cyrillic: [UInt8] = [0xEF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2, 0x20, 0xEC, 0xE8, 0xF0, 0x20]
                try Data(Array(repeating: latin + cyrillic, count: 4).flatMap { $0 }).write(
                    to: URL(fileURLWithPath: drop + "/mixed-encodings.txt")
                )
            },
            Rejected(name: "empty.txt", reason: "empty") { drop, _ in
                try Data().write(to: URL(fileURLWithPath: drop + "/empty.txt"))
            },
            Rejected(name: "huge.txt", reason: "max_file_bytes") { drop, _ in
                try Data(String(repeating: BadDropInputTests.article, count: 100).utf8).write(
                    to: URL(fileURLWithPath: drop + "/huge.txt")
                )
            },
            Rejected(name: "link-out.txt", reason: "symbolic link") { drop, outside in
                try BadDropInputTests.article.write(toFile: outside + "/secret.txt", atomically: true, encoding: .utf8)
                guard symlink(outside + "/secret.txt", drop + "/link-out.txt") == 0 else {
                    throw HarnessError("symlink")
                }
            },
            Rejected(name: "pipe.txt", reason: "FIFO") { drop, _ in
                guard mkfifo(drop + "/pipe.txt", 0o644) == 0 else { throw HarnessError("mkfifo") }
            },
        ]

        @Test(arguments: rejected, [false, true])
        func setAsideWithAReason(_ file: Rejected, whileDown: Bool) async throws {
            let daemon = try DaemonHarness()
            let outside = daemon.root + "/outside"
            try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
            // A limit that only huge.txt (5.9 kB) exceeds.
            try daemon.writeConfig("[ingest]\nmax_file_bytes = 4096\n")
            let config = ["--config", daemon.root + "/timelined.toml"]
            // Live (inotify) and at start (the catch-up scan) are different paths.
            if whileDown { try file.make(daemon.dropDir, outside) }
            try await daemon.start(extraArguments: config)
            if !whileDown { try file.make(daemon.dropDir, outside) }
            try Self.article.write(toFile: daemon.dropDir + "/good.txt", atomically: true, encoding: .utf8)
            let sources = try await daemon.waitForSources("\(file.name) and good.txt") { $0.count == 2 }
            let record = try #require(sources.first { $0.path == daemon.dropDir + "/" + file.name }, "\(sources)")
            #expect(record.status == .failed)
            #expect(record.reason?.contains(file.reason) == true, "\(record.reason ?? "no reason")")
            #expect(record.eventCount == 0)
            #expect(sources.contains { $0.path.hasSuffix("/good.txt") && $0.status == .ingested })
            // The link was never followed: nothing of the file outside got in.
            #expect(
                try await daemon.queryAll(QueryParams(limit: 100)).allSatisfy { $0.source.path.hasSuffix("/good.txt") }
            )
            // A restart's catch-up scan does not record it again.
            #expect(try await daemon.stop() == 0)
            try await daemon.start(extraArguments: config)
            try await daemon.waitForStats("catch-up") { $0.pending == 0 }
            try await Task.sleep(for: .milliseconds(200))
            #expect(try await daemon.sources().count == 2)
            #expect(try await daemon.stop() == 0)
        }

        @Test func oddNamesRoundTripByteExact() async throws {
            let daemon = try DaemonHarness()
            try await daemon.start()
            let names = [
                "with spaces in it.txt", "line\nbreak.txt", "Dandong 丹东 – Übersicht.md", "tab\tand \"quotes\".txt",
            ]
            for name in names {
                try (Self.article + name + "\n").write(
                    toFile: daemon.dropDir + "/" + name,
                    atomically: false,
                    encoding: .utf8
                )
            }
            let sources = try await daemon.waitForSources("the oddly named files") { $0.count == names.count }
            #expect(Set(sources.map(\.path)) == Set(names.map { daemon.dropDir + "/" + $0 }))
            #expect(sources.allSatisfy { $0.status == .ingested && $0.eventCount > 0 })
            // One happening in four files: every report, not one result per happening.
            let events = try await daemon.queryAll(QueryParams(from: "2024-03-03", to: "2024-03-03", merge: false))
            #expect(Set(events.map(\.source.path)) == Set(names.map { daemon.dropDir + "/" + $0 }))
            #expect(try await daemon.stop() == 0)
        }

        @Test func aFileDeletedWhileBeingReadLeavesNoTrace() async throws {
            let daemon = try DaemonHarness()
            try await daemon.start()
            // 1 MB: reading and hashing take a moment; deleted right after the close,
            // sooner or later while the daemon has it open (extraction of a debug
            // build takes about 1.5 s a megabyte, hence no bigger).
            let big = String(repeating: "Filler text without any dates in it at all. ", count: 22_000) + Self.article
            for i in 0..<3 {
                let path = daemon.dropDir + "/doomed-\(i).txt"
                try big.write(toFile: path, atomically: false, encoding: .utf8)
                try await Task.sleep(for: .milliseconds(i * 5))
                unlink(path)
            }
            try Self.article.write(toFile: daemon.dropDir + "/after.txt", atomically: true, encoding: .utf8)
            try await daemon.waitForSources("the file after") { s in s.contains { $0.path.hasSuffix("/after.txt") } }
            try await daemon.waitForStats("the doomed files") { $0.pending == 0 }
            // Each is either taken in whole (it was open before the unlink) or not at all.
            for record in try await daemon.sources() where record.path.contains("doomed") {
                #expect(record.status == .ingested && record.size == big.utf8.count, "\(record)")
            }
            #expect(try await daemon.health().status == "ok")
            #expect(try await daemon.stop() == 0)
        }

        @Test func fiftyFoldersDeep() async throws {
            let daemon = try DaemonHarness()
            // Half the tree before the start (catch-up scan), half while watching.
            var path = daemon.dropDir
            for i in 0..<25 { path += "/d\(i)" }
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            try Self.article.write(toFile: path + "/level25.txt", atomically: true, encoding: .utf8)
            try await daemon.start()
            for i in 25..<50 { path += "/d\(i)" }
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            try Self.article.replacingOccurrences(of: "Harbin", with: "Dandong").write(
                toFile: path + "/level50.txt",
                atomically: true,
                encoding: .utf8
            )
            let sources = try await daemon.waitForSources("both deep files") { $0.count == 2 }
            #expect(sources.allSatisfy { $0.status == .ingested })
            #expect(sources.contains { $0.path == path + "/level50.txt" })
            #expect(try await daemon.stop() == 0)
        }

        @Test func fiveThousandFilesAtOnceWhileQueriesAreAnswered() async throws {
            let daemon = try DaemonHarness()
            try await daemon.start()
            let count = 5_000
            let drop = daemon.dropDir
            let writer = Task.detached {
                for i in 0..<count {
                    let text = "Report \(i).\nOn \(1 + i % 28) March 2024 the governor met delegation \(i) in Harbin.\n"
                    try text.write(toFile: drop + "/flood-\(i).txt", atomically: false, encoding: .utf8)
                }
            }
            // Health is answered promptly throughout the flood.
            var slowest = Duration.zero
            var checks = 0
            let started = ContinuousClock.now
            var stats = try await daemon.stats()
            while stats.documents + stats.failedDocuments < count {
                let t0 = ContinuousClock.now
                #expect(try await daemon.health().status == "ok")
                slowest = max(slowest, ContinuousClock.now - t0)
                checks += 1
                try await Task.sleep(for: .milliseconds(100))
                stats = try await daemon.stats()
                #expect(ContinuousClock.now - started < .seconds(90), "stuck at \(stats)")
                if ContinuousClock.now - started > .seconds(90) { break }
            }
            try await writer.value
            #expect(stats.documents == count, "\(stats)")
            #expect(stats.failedDocuments == 0)
            #expect(slowest < .seconds(5), "slowest health answer \(slowest) over \(checks) checks")
            #expect(try await daemon.stop() == 0)
        }
    }
}
