import Foundation
import Testing
import TimelineClient
import TimelineCore
import TimelineProtocol

extension EndToEnd {
    /// `export --format jsonl --follow` against the real daemon, with the
    /// exporter and the daemon killed (SIGKILL) at points in a stream of drops.
    @Suite(.timeLimit(.minutes(4)))
    struct ExportFollowTests {
        /// A running `timelinectl export --follow`.
        final class Exporter {
            let process = Process()
            init(_ daemon: DaemonHarness, _ arguments: [String], stdout: String? = nil) throws {
                process.executableURL = DaemonHarness.productsDirectory.appendingPathComponent("timelinectl")
                process.arguments = ["--socket", daemon.socket, "export", "--format", "jsonl", "--follow"] + arguments
                let err = daemon.root + "/exporter.err"
                if !FileManager.default.fileExists(atPath: err) {
                    _ = FileManager.default.createFile(atPath: err, contents: nil)
                }
                let handle = FileHandle(forWritingAtPath: err)!
                handle.seekToEndOfFile()
                process.standardError = handle
                if let stdout {
                    _ = FileManager.default.createFile(atPath: stdout, contents: nil)
                    process.standardOutput = FileHandle(forWritingAtPath: stdout)
                } else {
                    process.standardOutput = FileHandle.nullDevice
                }
                try process.run()
            }

            func kill9() async throws {
                kill(process.processIdentifier, SIGKILL)
                while process.isRunning { try await Task.sleep(for: .milliseconds(10)) }
            }
        }

        static func article(_ i: Int, version: Int = 1) -> String {
            let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September"]
            let places = ["Harbin", "Dandong", "Hunchun", "Vladivostok", "Yanji", "Heihe", "Suifenhe"]
            return """
                Report \(i) version \(version)

                The two envoys met in \(places[i % places.count]) on \(i % 27 + 1) \(months[(i + version) % months.count]) 2024 to discuss trade.
                The delegation visited \(places[(i + 3) % places.count]) in \(months[(i + 2) % months.count]) 2023.

                """
        }

        func write(_ daemon: DaemonHarness, _ name: String, _ text: String) throws {
            let temp = daemon.dropDir + "/." + name + ".tmp"
            try text.write(toFile: temp, atomically: false, encoding: .utf8)
            _ = rename(temp, daemon.dropDir + "/" + name)
        }

        /// The log's events and withdrawals, as `changes` gives them from the start.
        func expectedSeqs(_ daemon: DaemonHarness) async throws -> [UInt64] {
            var after: UInt64 = 0
            var seqs: [UInt64] = []
            while true {
                let r = try await daemon.client.call(
                    Methods.changes,
                    ChangesParams(after: after, limit: 7),
                    as: ChangesResult.self
                )
                seqs += r.changes.map(\.seq)
                after = r.next
                if r.next >= r.lastSeq { return seqs }
            }
        }

        func outputSeqs(_ path: String) throws -> [UInt64] {
            let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
            return try text.split(separator: "\n").map { line in
                struct Position: Decodable { var seq: UInt64 }
                return try JSONDecoder().decode(Position.self, from: Data(line.utf8)).seq
            }
        }

        func waitFor(_ what: String, _ timeout: TimeInterval = 30, _ condition: () throws -> Bool) async throws {
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                if try condition() { return }
                try await Task.sleep(for: .milliseconds(50))
            }
            throw HarnessError("timed out waiting for \(what)")
        }

        @Test func noLossNoRepeatsAcrossKillsOfEitherSide() async throws {
            let daemon = try DaemonHarness()
            try await daemon.start()
            let out = daemon.root + "/stream.jsonl"
            let position = daemon.root + "/stream.pos"
            var exporter = try Exporter(daemon, ["--output", out, "--resume-file", position])
            var dropped = 0
            for i in 0..<16 {
                try write(daemon, "r\(i).txt", Self.article(i))
                dropped += 1
                if i % 5 == 2 {
                    // A changed article: its old events are withdrawn in the stream.
                    try write(daemon, "r\(i - 1).txt", Self.article(i - 1, version: 2))
                    dropped += 1
                }
                switch i % 4 {
                case 1:
                    try await exporter.kill9()
                    exporter = try Exporter(daemon, ["--output", out, "--resume-file", position])
                case 3:
                    try await daemon.kill9()
                    if i % 8 == 7 {
                        // The exporter dies too while the daemon is down.
                        try await exporter.kill9()
                        exporter = try Exporter(daemon, ["--output", out, "--resume-file", position])
                    }
                    try await daemon.start()
                default:
                    try await Task.sleep(for: .milliseconds(30))
                }
            }
            // A burst of articles, with the exporter killed again and again while it catches up.
            try await exporter.kill9()
            for i in 16..<40 { try write(daemon, "r\(i).txt", Self.article(i)) }
            for pause in [40, 70, 100, 130, 160, 190, 220, 250] {
                exporter = try Exporter(daemon, ["--output", out, "--resume-file", position])
                try await Task.sleep(for: .milliseconds(pause))
                try await exporter.kill9()
            }
            exporter = try Exporter(daemon, ["--output", out, "--resume-file", position])
            try await daemon.waitUntilIdle()
            let expected = try await expectedSeqs(daemon)
            #expect(expected.count > 80)
            try await waitFor("the exporter to catch up") { try outputSeqs(out).count >= expected.count }
            try await Task.sleep(for: .milliseconds(300))
            let got = try outputSeqs(out)
            #expect(
                got == expected,
                "exporter stderr:\n\((try? String(contentsOfFile: daemon.root + "/exporter.err", encoding: .utf8)) ?? "")"
            )
            // Retractions are lines of their own.
            let text = try String(contentsOfFile: out, encoding: .utf8)
            #expect(text.contains(#""retracted":["#))
            // The position file holds the last line's seq.
            let kept = try String(contentsOfFile: position, encoding: .utf8).trimmingCharacters(
                in: .whitespacesAndNewlines
            )
            #expect(UInt64(kept) ?? 0 >= got.last ?? 0)
            try await exporter.kill9()

            // A torn last line (a write cut short) is cut off and written again, once.
            let handle = try #require(FileHandle(forWritingAtPath: out))
            let lastLine = text.split(separator: "\n").last.map(String.init) ?? ""
            let withoutLast = text.utf8.count - lastLine.utf8.count - 1
            handle.truncateFile(atOffset: UInt64(withoutLast))
            handle.write(Data(lastLine.utf8.prefix(10)))
            try handle.close()
            try ResumeFile.write(position, got.dropLast().last ?? 0)
            exporter = try Exporter(daemon, ["--output", out, "--resume-file", position])
            try await waitFor("the torn line rewritten") {
                ((try? String(contentsOfFile: out, encoding: .utf8)) ?? "").hasSuffix(lastLine + "\n")
            }
            #expect(try outputSeqs(out) == expected)
            try await exporter.kill9()
            _ = try await daemon.stop()
        }

        @Test func badChangesRequestsGetClearErrors() async throws {
            let daemon = try DaemonHarness()
            try await daemon.start()
            try write(daemon, "a.txt", Self.article(1))
            _ = try await daemon.waitForSources("one article") { $0.count == 1 }
            try await daemon.waitUntilIdle()
            try await daemon.client.withConnection { c in
                for (params, message) in [
                    (#"{"after":-1}"#, "after"),
                    (#"{"after":"x"}"#, "after"),
                    (#"{"limit":0}"#, "limit must be between"),
                    (#"{"limit":10001}"#, "limit must be between"),
                    (#"{"cursor":"abc"}"#, "unknown parameter 'cursor'"),
                    (#"{"from":"2024-13"}"#, "from"),
                    (#"{"after":999999}"#, "past the end of the log"),
                ] {
                    try await c.send(
                        Array(#"{"jsonrpc":"2.0","id":1,"method":"changes","params":\#(params)}"#.utf8) + [10]
                    )
                    let reply = String(decoding: try await c.readLine(), as: UTF8.self)
                    #expect(reply.contains("-32602") && reply.contains(message), "\(params): \(reply)")
                }
                // The connection is still good.
                let ok = try await c.call(Methods.changes, ChangesParams(after: 0, limit: 1), as: ChangesResult.self)
                #expect(ok.next == 1)
            }
            // An exporter whose position is past the end stops with that message instead of skipping events.
            let r = try await DaemonHarness.ctl([
                "--socket", daemon.socket, "export", "--format", "jsonl", "--follow", "--after", "999999",
            ])
            #expect(r.status == 1)
            #expect(r.output.contains("past the end of the log"), "\(r.output)")
            _ = try await daemon.stop()
        }

        @Test func standardOutputResumesAfterTheKeptPosition() async throws {
            let daemon = try DaemonHarness()
            try await daemon.start()
            for i in 0..<4 { try write(daemon, "s\(i).txt", Self.article(i)) }
            _ = try await daemon.waitForSources("four articles") { $0.count == 4 }
            try await daemon.waitUntilIdle()
            let position = daemon.root + "/p"
            let first = daemon.root + "/first.jsonl"
            var exporter = try Exporter(daemon, ["--resume-file", position], stdout: first)
            let expectedBefore = try await expectedSeqs(daemon)
            try await waitFor("first run") { try outputSeqs(first).count >= expectedBefore.count }
            // Let the position catch up with the last line, then stop the exporter.
            try await waitFor("position kept") {
                (try? String(contentsOfFile: position, encoding: .utf8)).flatMap {
                    UInt64($0.trimmingCharacters(in: .whitespacesAndNewlines))
                } ?? 0 >= expectedBefore.last!
            }
            try await exporter.kill9()
            for i in 4..<7 { try write(daemon, "s\(i).txt", Self.article(i)) }
            _ = try await daemon.waitForSources("seven articles") { $0.count == 7 }
            try await daemon.waitUntilIdle()
            let second = daemon.root + "/second.jsonl"
            exporter = try Exporter(daemon, ["--resume-file", position], stdout: second)
            let expected = try await expectedSeqs(daemon)
            try await waitFor("second run") { try outputSeqs(second).count >= expected.count - expectedBefore.count }
            try await Task.sleep(for: .milliseconds(300))
            #expect(try outputSeqs(first) + outputSeqs(second) == expected)
            // --after starts where it is told, whatever the position file says.
            let third = daemon.root + "/third.jsonl"
            try await exporter.kill9()
            exporter = try Exporter(daemon, ["--after", String(expected[2])], stdout: third)
            try await waitFor("third run") { try outputSeqs(third).count >= expected.count - 3 }
            #expect(try outputSeqs(third) == Array(expected.dropFirst(3)))
            try await exporter.kill9()
            _ = try await daemon.stop()
        }
    }
}

enum ResumeFile {
    static func write(_ path: String, _ seq: UInt64) throws {
        try "\(seq)\n".write(toFile: path, atomically: true, encoding: .utf8)
    }
}
