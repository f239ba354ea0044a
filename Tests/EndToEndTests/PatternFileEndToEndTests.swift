import Foundation
import Testing
import TimelineClient
import TimelineCore
import TimelineProtocol

extension EndToEnd {
    /// The user's temporal pattern files, through `timelinectl extract --patterns` and the daemon's
    /// `extraction.patterns`: a good file changes what is found, a bad one stops both with its
    /// file and line.
    @Suite(.timeLimit(.minutes(2)))
    struct PatternFileEndToEndTests {
        static let boxingDay = "boxing-day\tboxing day ,? YEAR\tday(year, 12, 26)\n"
        static let bad = "# mine\nboxing-day\tboxing day YEAR\tday(year, 12)\n"
        static let article =
            "Heilongjiang and Amur officials met in Harbin on Boxing Day 2023 to sign a trade agreement.\n"

        /// A file in a fresh folder, removed with the harness's folder.
        static func write(_ text: String, _ name: String, in daemon: DaemonHarness) throws -> String {
            let path = daemon.root + "/" + name
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }

        @Test func extractTakesPatternFiles() async throws {
            let daemon = try DaemonHarness()
            let good = try Self.write(Self.boxingDay, "mine.txt", in: daemon)
            let bad = try Self.write(Self.bad, "broken.txt", in: daemon)
            let article = try Self.write(Self.article, "article.txt", in: daemon)
            let plain = try await DaemonHarness.ctl(["extract", "--timexes", "--dct", "2024-01-10", article])
            #expect(plain.status == 0)
            #expect(!plain.output.contains("2023-12-26"), "\(plain.output)")
            let mine = try await DaemonHarness.ctl([
                "extract", "--timexes", "--dct", "2024-01-10", "--patterns", good, article,
            ])
            #expect(mine.status == 0)
            #expect(mine.output.contains(#""value":"2023-12-26""#), "\(mine.output)")
            let broken = try await DaemonHarness.ctl([
                "extract", "--timexes", "--dct", "2024-01-10", "--patterns", bad, article,
            ])
            #expect(broken.status != 0)
            #expect(broken.output.contains("\(bad):2: day takes 3 argument(s), found 2"), "\(broken.output)")
        }

        @Test func daemonUsesConfiguredPatterns() async throws {
            let daemon = try DaemonHarness()
            let good = try Self.write(Self.boxingDay, "mine.txt", in: daemon)
            let config = try daemon.writeConfig("[extraction]\npatterns = [\"\(good)\"]\n")
            try await daemon.start(extraArguments: ["--config", config])
            try Self.article.write(toFile: daemon.dropDir + "/harbin.txt", atomically: true, encoding: .utf8)
            _ = try await daemon.waitForSources("the article") { $0.count == 1 && $0[0].status == .ingested }
            let events = try await daemon.queryAll(QueryParams(from: "2023-12-26", to: "2023-12-26", limit: 100))
            // Without the user's rule the event is dated by "2023" alone.
            #expect(!events.isEmpty, "no event:\n\(daemon.log)")
            #expect(events.allSatisfy { $0.date.description == "2023-12-26" }, "\(events.map(\.date))")
            #expect(try await daemon.stop() == 0)
        }

        @Test func daemonRefusesABadPatternFile() async throws {
            let daemon = try DaemonHarness()
            let bad = try Self.write(Self.bad, "broken.txt", in: daemon)
            let config = try daemon.writeConfig("[extraction]\npatterns = [\"\(bad)\"]\n")
            do {
                try await daemon.start(extraArguments: ["--config", config])
                Issue.record("the daemon started with a bad pattern file")
            } catch {
                #expect("\(error)".contains("\(bad):2: day takes 3 argument(s), found 2"), "\(error)")
            }
        }
    }
}
