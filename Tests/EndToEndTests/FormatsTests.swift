import Foundation
import Testing
import TimelineClient
import TimelineCore
import TimelineProtocol

/// The fixtures of Tests/Fixtures/formats (made by scripts/make-fixtures).
enum FormatFixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../Fixtures/formats").standardized
    static let devStems = [
        "000_b398dd44d05fb1dd", "001_1e97ce8a06d1d434", "002_91778eeb6acd0887", "003_2b11f01eb571d515",
        "004_3f4a253cfd5bcaac",
    ]
    static var dev: URL { directory.appendingPathComponent("dev") }
    static var evalDirectory: URL { DaemonHarness.sharedDirectory.appendingPathComponent("eval") }
    static var python3Present: Bool {
        ProcessInfo.processInfo.environment["PATH", default: "/usr/bin:/bin"].split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/python3")
        }
    }

    /// `timelinectl extract` JSON lines as (doc, type, date, evidence).
    static func events(_ output: String) throws -> [[String]] {
        try output.split(separator: "\n").filter { $0.hasPrefix("{") }.map { line in
            let o = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            return ["doc", "type", "date", "evidence"].map { o[$0] as? String ?? "" }
        }
    }
}

extension EndToEnd {
    @Suite(.timeLimit(.minutes(3)))
    struct FormatsTests {
        /// HTML and PDF articles, a scan, other encodings and a browser's asset folder, dropped into
        /// the real daemon: each is logged with its format and encoding, the scan is set aside with
        /// its reason, the assets are never looked at, and every file's events are those
        /// `timelinectl extract` finds in the same file.
        @Test func everyFormatThroughTheDaemonAndExtract() async throws {
            let daemon = try DaemonHarness()
            try await daemon.start()
            var files: [String] = []
            for stem in FormatFixtures.devStems {
                for ext in ["html", "pdf"] { files.append("dev/\(stem).\(ext)") }
            }
            files += [
                "nav-cookie.html", "two-column.pdf", "scanned.pdf", "gb18030.txt", "windows-1251.txt",
                "windows-1252.txt", "utf16le-bom.txt", "utf8-bom.txt",
            ]
            // "Save Page As, complete": the page and its folder of assets beside it.
            let assets = daemon.dropDir + "/nav-cookie_files"
            try FileManager.default.createDirectory(atPath: assets, withIntermediateDirectories: true)
            try "The mayor visited Heihe on 4 May 2024.".write(
                toFile: assets + "/notes.txt",
                atomically: false,
                encoding: .utf8
            )
            try "<p>The governor met the consul on 5 May 2024.</p>".write(
                toFile: assets + "/frame.html",
                atomically: false,
                encoding: .utf8
            )
            for f in files { try daemon.drop(FormatFixtures.directory.appendingPathComponent(f)) }
            let names = Set(files.map { ($0 as NSString).lastPathComponent })
            let sources = try await daemon.waitForSources(timeout: 60, "\(files.count) files") { s in
                Set(s.map { ($0.path as NSString).lastPathComponent }).isSuperset(of: names)
            }
            try await daemon.waitUntilIdle()
            #expect(try await daemon.sources().count == files.count, "the asset folder was ingested")
            func record(_ name: String) throws -> DocumentRecord {
                try #require(sources.first { ($0.path as NSString).lastPathComponent == name })
            }

            let scan = try record("scanned.pdf")
            #expect(scan.status == .failed)
            #expect(scan.reason == "scanned.pdf: no text layer (scanned?)")
            for (name, format, encoding) in [
                ("nav-cookie.html", "html", "UTF-8"), ("two-column.pdf", "pdf", "binary"),
                ("gb18030.txt", "text", "GB18030"), ("windows-1251.txt", "text", "WINDOWS-1251"),
                ("windows-1252.txt", "text", "WINDOWS-1252"), ("utf16le-bom.txt", "text", "UTF-16LE"),
                ("utf8-bom.txt", "text", "UTF-8-BOM"),
            ] {
                let r = try record(name)
                #expect(r.status == .ingested && r.format == format && r.encoding == encoding, "\(r)")
            }
            // The saved pages' dates come from their metadata: the dev set's own dates.
            let dcts = ["2024-05-26", "2021-05-10", "2019-11-25", "2025-12-01", "2018-03-29"]
            for (stem, dct) in zip(FormatFixtures.devStems, dcts) {
                let page = try record("\(stem).html")
                #expect(page.format == "html" && page.dct?.description == dct && page.dctSource == "metadata")
                #expect(try record("\(stem).pdf").format == "pdf")
            }

            // The daemon's events for each file are those extract finds in the same file.
            // Every report: the versions of one article report the same happenings.
            let events = try await daemon.queryAll(QueryParams(limit: 1000, merge: false))
            let dropped = files.filter { $0 != "scanned.pdf" }.map {
                daemon.dropDir + "/" + ($0 as NSString).lastPathComponent
            }
            let (status, output) = try await DaemonHarness.ctl(["extract"] + dropped)
            #expect(status == 0, "\(output)")
            let offline = try FormatFixtures.events(output)
            for name in names where name != "scanned.pdf" {
                let fromDaemon = events.filter { ($0.source.path as NSString).lastPathComponent == name }
                    .map { [$0.type.rawValue, $0.date.description, $0.evidence] }.sorted { $0.joined() < $1.joined() }
                let fromExtract = offline.filter { $0[0] == name }.map { Array($0.dropFirst()) }
                    .sorted { $0.joined() < $1.joined() }
                #expect(fromDaemon == fromExtract, "\(name)")
            }
            #expect(
                events.contains { $0.source.path.hasSuffix("two-column.pdf") && $0.date.description == "2023-07-05" }
            )
            #expect(!events.contains { $0.evidence.contains("Heihe on 4 May") || $0.evidence.contains("consul") })

            // `sources` shows format and encoding.
            let (_, human) = try await DaemonHarness.ctl(["sources", "--socket", daemon.socket])
            #expect(human.contains("windows-1251.txt  [text, WINDOWS-1251]"), "\(human)")
            #expect(human.contains("scanned.pdf: no text layer (scanned?)"), "\(human)")
            _ = try await daemon.stop()
        }

        /// The HTML and PDF versions of the dev articles score within 0.02 typed F1 of the plain text.
        @Test(
            .enabled(if: devDocsPresent, "needs ../shared/eval/dev"),
            .enabled(if: FormatFixtures.python3Present, "needs python3 for the scorer")
        )
        func htmlAndPDFScoreLikePlainText() async throws {
            let eval = FormatFixtures.evalDirectory
            let dctMap = eval.appendingPathComponent("dev/docs.jsonl").path
            let plain = FormatFixtures.devStems.map { DaemonHarness.devDocs.appendingPathComponent("\($0).txt").path }
            var f1: [String: Double] = [:]
            for (label, files, extra) in [
                ("plain", plain, [String]()),
                (
                    "html",
                    FormatFixtures.devStems.map { FormatFixtures.dev.appendingPathComponent("\($0).html").path },
                    ["--doc-extension", "txt"]
                ),
                (
                    "pdf", FormatFixtures.devStems.map { FormatFixtures.dev.appendingPathComponent("\($0).pdf").path },
                    ["--doc-extension", "txt"]
                ),
            ] {
                let (status, output) = try await DaemonHarness.ctl(["extract", "--dct-map", dctMap] + extra + files)
                #expect(status == 0, "\(output)")
                let predictions = "/tmp/tl-f1-\(UUID().uuidString).jsonl"
                defer { try? FileManager.default.removeItem(atPath: predictions) }
                try output.split(separator: "\n").filter { $0.hasPrefix("{") }.joined(separator: "\n")
                    .write(toFile: predictions, atomically: false, encoding: .utf8)
                f1[label] = try await Self.typedF1(
                    gold: eval.appendingPathComponent("dev/gold.jsonl").path,
                    predictions
                )
            }
            let base = try #require(f1["plain"])
            #expect(base > 0.5, "\(f1)")
            #expect(abs(try #require(f1["html"]) - base) <= 0.02, "\(f1)")
            #expect(abs(try #require(f1["pdf"]) - base) <= 0.02, "\(f1)")
        }

        static func typedF1(gold: String, _ predictions: String) async throws -> Double {
            let out = "/tmp/tl-score-" + UUID().uuidString
            _ = FileManager.default.createFile(atPath: out, contents: nil)
            defer { try? FileManager.default.removeItem(atPath: out) }
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = [
                "python3", FormatFixtures.evalDirectory.appendingPathComponent("score_events.py").path, "--json", gold,
                predictions,
            ]
            p.standardOutput = FileHandle(forWritingAtPath: out)
            try p.run()
            while p.isRunning { try await Task.sleep(for: .milliseconds(10)) }
            let data = try Data(contentsOf: URL(fileURLWithPath: out))
            let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let overall = try #require(json["overall"] as? [String: Any])
            return try #require(overall["f1"] as? Double)
        }
    }
}
