import Foundation
import Testing
import TimelineClient
import TimelineCore
import TimelineProtocol

extension EndToEnd {
    /// An article edited in place, and one deleted: what the timeline shows afterwards.
    @Suite(.timeLimit(.minutes(2)))
    struct ChangedArticleTests {
        @Test func changedArticleReplacesItsEventsAndDeletedArticleKeepsThem() async throws {
            let daemon = try DaemonHarness()
            try await daemon.start()
            let path = daemon.dropDir + "/report.txt"
            try "Report\n\nThe governor met the Russian consul in Harbin on 3 March 2024.\n".write(
                toFile: path,
                atomically: true,
                encoding: .utf8
            )
            try await daemon.waitForSources("first version") { $0.count == 1 }
            let first = try await daemon.queryAll(QueryParams(limit: 100))
            #expect(first.contains { $0.date.description == "2024-03-03" }, "\(first)")

            // The same path, new content: only the new version's events remain.
            try "Report\n\nThe governor met the Russian consul in Harbin on 9 May 2024.\n".write(
                toFile: path,
                atomically: true,
                encoding: .utf8
            )
            try await daemon.waitForSources("second version") { s in
                s.count == 1 && s[0].sha256 != first.first?.source.document
            }
            let second = try await daemon.queryAll(QueryParams(limit: 100))
            #expect(!second.contains { $0.date.description == "2024-03-03" }, "\(second)")
            #expect(second.contains { $0.date.description == "2024-05-09" }, "\(second)")

            // Deleted: its events stay, and sources says the file is gone.
            try FileManager.default.removeItem(atPath: path)
            let entries = try await daemon.sourceEntries()
            #expect(entries.count == 1)
            #expect(entries[0].present == false)
            #expect(try await daemon.queryAll(QueryParams(limit: 100)) == second)

            // All of it survives a restart, and the log verifies.
            try await daemon.kill9()
            try await daemon.start()
            #expect(try await daemon.queryAll(QueryParams(limit: 100)) == second)
            _ = try await daemon.stop()
            let verify = Process()
            verify.executableURL = DaemonHarness.productsDirectory.appendingPathComponent("timelinectl")
            verify.arguments = ["verify", daemon.stateDir + "/events.log"]
            verify.standardOutput = FileHandle.nullDevice
            try verify.run()
            verify.waitUntilExit()
            #expect(verify.terminationStatus == 0)
        }
    }
}
