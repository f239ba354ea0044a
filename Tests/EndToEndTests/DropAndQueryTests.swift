import Foundation
import Testing
import TimelineClient
import TimelineCore
import TimelineProtocol

let devDocsPresent = FileManager.default.fileExists(atPath: DaemonHarness.devDocs.path)

extension EndToEnd {
    /// The product end to end: articles dropped into the folder, events asked for over the socket.
    @Suite(.timeLimit(.minutes(3)))
    struct DropAndQueryTests {
        static let april = QueryParams(from: "2024-04", to: "2024-04", limit: 1000)

        @Test(.enabled(if: devDocsPresent, "needs ../shared/eval/dev/docs"))
        func dropQueryRestartAndCatchUp() async throws {
            let daemon = try DaemonHarness()
            try await daemon.start()
            let docs = try FileManager.default.contentsOfDirectory(atPath: DaemonHarness.devDocs.path).sorted()
                .map { DaemonHarness.devDocs.appendingPathComponent($0) }
            try #require(docs.count == 5)
            let late = docs[4]

            // One by rename from a temporary name, one written slowly, the rest copied.
            try daemon.dropByRename(docs[0])
            try await daemon.dropSlowly(docs[1])
            try daemon.drop(docs[2])
            try daemon.drop(docs[3])
            let sources = try await daemon.waitForSources("four articles") { s in
                s.filter { $0.status == .ingested }.count == 4
            }
            // The temporary name never became a document, and nothing was set aside.
            #expect(sources.allSatisfy { !$0.path.contains(".part") && $0.status == .ingested })
            #expect(
                Set(sources.map { ($0.path as NSString).lastPathComponent })
                    == Set(docs[0..<4].map(\.lastPathComponent))
            )
            // The slowly written file was taken in whole.
            let slow = try #require(sources.first { $0.path.hasSuffix(docs[1].lastPathComponent) })
            #expect(slow.size == (try Data(contentsOf: docs[1])).count)

            // (a) The meeting of 17 April 2024 in 000, with its sentence.
            let meetings = try await daemon.queryAll(
                QueryParams(from: "2024-04-17", to: "2024-04-17", types: ["meeting"], source: "000_b398dd44d05fb1dd")
            )
            let meeting = try #require(meetings.first { $0.date.description == "2024-04-17" }, "\(meetings)")
            #expect(meeting.evidence.contains("Dandong City Party Committee on April 17"))
            #expect(meeting.source.path.hasSuffix("000_b398dd44d05fb1dd.txt"))
            #expect(meeting.start.description == "2024-04-17" && meeting.end.description == "2024-04-17")

            // (b) April 2024: exactly the events whose interval overlaps it.
            let april = try await daemon.queryAll(Self.april)
            #expect(!april.isEmpty)
            let first = CivilDate(year: 2024, month: 4, day: 1)!
            let last = CivilDate(year: 2024, month: 4, day: 30)!
            for e in april { #expect(e.start <= last && e.end >= first, "\(e.date) is not in April 2024") }
            let everything = try await daemon.queryAll(QueryParams(limit: 7))
            let expected = everything.filter { $0.start <= last && $0.end >= first }
            #expect(april.map(\.id) == expected.map(\.id))
            #expect(Set(everything.map(\.id)).count == everything.count)

            // (c) After a crash and a restart: the same answers, nothing twice.
            try await daemon.kill9()
            try await daemon.start()
            #expect(try await daemon.queryAll(Self.april) == april)
            #expect(try await daemon.queryAll(QueryParams(limit: 7)) == everything)
            // And after a graceful stop too.
            #expect(try await daemon.stop() == 0)

            // (d) A file dropped while the daemon was down is taken in at start.
            try daemon.drop(late)
            try await daemon.start()
            try await daemon.waitForSources("the file dropped while down") { s in
                s.contains { $0.path.hasSuffix(late.lastPathComponent) && $0.status == .ingested }
            }
            let after = try await daemon.queryAll(QueryParams(limit: 1000))
            #expect(Set(after.map(\.id)).count == after.count)
            #expect(Set(everything.map(\.id)).isSubset(of: Set(after.map(\.id))))
            #expect(after.contains { $0.source.path.hasSuffix(late.lastPathComponent) })
            _ = try await daemon.stop()
        }

        @Test(.enabled(if: devDocsPresent, "needs ../shared/eval/dev/docs"))
        func sameContentTwiceAddsNothing() async throws {
            let daemon = try DaemonHarness()
            try await daemon.start()
            let doc = DaemonHarness.devDocs.appendingPathComponent("002_91778eeb6acd0887.txt")
            try daemon.drop(doc)
            try await daemon.waitForSources("the article") { $0.count == 1 }
            let before = try await daemon.queryAll(QueryParams(limit: 1000))
            try daemon.drop(doc, as: "copy-of-002.txt")
            // Let the copy be seen, then make sure it changed nothing.
            try await Task.sleep(for: .milliseconds(500))
            try await daemon.waitForSources("the pending copy") { _ in true }
            let stats = try await daemon.client.call(Methods.stats, NoParams(), as: StatsResult.self)
            #expect(stats.pending == 0)
            #expect(try await daemon.sources().count == 1)
            #expect(try await daemon.queryAll(QueryParams(limit: 1000)) == before)
            _ = try await daemon.stop()
        }

        @Test func unreadableFilesAreSetAsideWithAReason() async throws {
            let daemon = try DaemonHarness()
            try await daemon.start()
            let binary = (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919) }
            #expect(FileManager.default.createFile(atPath: daemon.dropDir + "/blob.txt", contents: Data(binary)))
            let sources = try await daemon.waitForSources("the binary file") { $0.count == 1 }
            #expect(sources[0].status == .failed)
            #expect(sources[0].reason?.isEmpty == false)
            // And the daemon goes on: a good file after it is taken in.
            try "On 3 March 2024 the governor met the delegation in Harbin.\n".write(
                toFile: daemon.dropDir + "/good.txt",
                atomically: true,
                encoding: .utf8
            )
            try await daemon.waitForSources("the good file") { s in s.contains { $0.status == .ingested } }
            _ = try await daemon.stop()
        }

        @Test func socketAnswersBadRequestsWithErrors() async throws {
            let daemon = try DaemonHarness()
            try await daemon.start()
            var st = stat()
            #expect(lstat(daemon.socket, &st) == 0)
            #expect(st.st_mode & 0o777 == 0o660)
            try await daemon.client.withConnection { c in
                func errorCode(_ line: String) async throws -> Int? {
                    try await c.send(Array((line + "\n").utf8))
                    let reply = try JSONSerialization.jsonObject(with: Data(try await c.readLine())) as? [String: Any]
                    return (reply?["error"] as? [String: Any])?["code"] as? Int
                }
                #expect(try await errorCode("{not json") == -32700)
                #expect(try await errorCode(#"{"jsonrpc":"2.0","id":1,"method":"nope"}"#) == -32601)
                #expect(
                    try await errorCode(#"{"jsonrpc":"2.0","id":2,"method":"query","params":{"from":"2024-13-45"}}"#)
                        == -32602
                )
                #expect(
                    try await errorCode(#"{"jsonrpc":"2.0","id":3,"method":"event","params":{"id":"missing"}}"#)
                        == -32001
                )
                // The connection still works after all that.
                let h = try await c.call(Methods.health, NoParams(), as: HealthResult.self)
                #expect(h.status == "ok")
            }
            _ = try await daemon.stop()
        }
    }
}
