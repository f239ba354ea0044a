import Foundation
import Testing
import TimelineClient
import TimelineCore
import TimelineProtocol

extension EndToEnd {
    /// Two articles reporting one happening: one query result that lists both sources.
    @Suite(.timeLimit(.minutes(2)))
    struct HappeningTests {
        @Test func sameHappeningFromTwoArticlesIsOneResultWithBothSources() async throws {
            let daemon = try DaemonHarness()
            try await daemon.start()
            let articles = [
                (
                    "wire.txt",
                    "Border talks\n\nChinese and Russian officials met in Heihe on 12 March 2024 to discuss the bridge.\n"
                ),
                (
                    "paper.txt",
                    "Heihe diary\n\nA meeting on the new bridge was held in Heihe on 12 March 2024, the city said.\n"
                ),
                ("other.txt", "Suifenhe\n\nOfficials met in Suifenhe on 12 March 2024 about rail freight.\n"),
            ]
            for (name, text) in articles {
                try text.write(toFile: daemon.dropDir + "/" + name, atomically: true, encoding: .utf8)
            }
            try await daemon.waitForSources("three articles") { $0.count == 3 && $0.allSatisfy { $0.eventCount > 0 } }

            let merged = try await daemon.queryAll(QueryParams(from: "2024-03-12", to: "2024-03-12", limit: 100))
            let heihe = merged.filter { $0.places.contains("Heihe") }
            #expect(heihe.count == 1, "\(merged)")
            #expect(heihe.first?.mentions?.count == 1)
            let paths = Set(
                ([heihe.first?.source.path] + (heihe.first?.mentions ?? []).map(\.source.path)).compactMap { $0 }
            )
            #expect(paths.map { ($0 as NSString).lastPathComponent }.sorted() == ["paper.txt", "wire.txt"])
            #expect(merged.filter { $0.places.contains("Suifenhe") }.count == 1)

            // A filter that only one report matches shows that report, still listing the other.
            let onlyPaper = try await daemon.queryAll(QueryParams(text: "new bridge", limit: 100))
            #expect(onlyPaper.count == 1)
            #expect(onlyPaper.first.map { ($0.source.path as NSString).lastPathComponent } == "paper.txt")
            #expect(onlyPaper.first?.mentions?.map { ($0.source.path as NSString).lastPathComponent } == ["wire.txt"])
            // Unmerged, as export pages: every report.
            let all = try await daemon.queryAll(
                QueryParams(from: "2024-03-12", to: "2024-03-12", limit: 100, merge: false)
            )
            #expect(all.count == merged.count + 1)
            #expect(all.allSatisfy { $0.mentions == nil })
            _ = try await daemon.stop()
        }
    }
}
