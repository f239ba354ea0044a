import Foundation
import Testing
import TimelineClient
import TimelineCore
import TimelineProtocol

extension EndToEnd {
    /// `timelinectl export` in each format against the real daemon, the
    /// formats read back with independent parsers (Python's csv module and
    /// the `icalendar` package).
    @Suite(.timeLimit(.minutes(3)))
    struct ExportTests {
        /// A daemon that has taken in the five dev articles.
        static func devDaemon() async throws -> DaemonHarness {
            let daemon = try DaemonHarness()
            try await daemon.start()
            for name in try FileManager.default.contentsOfDirectory(atPath: DaemonHarness.devDocs.path).sorted() {
                try daemon.drop(DaemonHarness.devDocs.appendingPathComponent(name))
            }
            _ = try await daemon.waitForSources("the five dev articles") { $0.count == 5 }
            try await daemon.waitUntilIdle()
            return daemon
        }

        func export(_ daemon: DaemonHarness, _ arguments: [String]) async throws -> String {
            let out = daemon.root + "/export-" + UUID().uuidString.prefix(6)
            let r = try await DaemonHarness.ctl(["--socket", daemon.socket, "export"] + arguments + ["--output", out])
            #expect(r.status == 0, "\(r.output)")
            return try String(contentsOfFile: out, encoding: .utf8)
        }

        /// Runs a Python script on `input`; its standard output.
        func python(_ script: String, _ input: String) async throws -> (status: Int32, output: String) {
            let file = "/tmp/tl-py-" + UUID().uuidString
            try input.write(toFile: file, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(atPath: file) }
            let out = file + ".out"
            _ = FileManager.default.createFile(atPath: out, contents: nil)
            defer { try? FileManager.default.removeItem(atPath: out) }
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = ["python3", "-c", script, file]
            p.standardOutput = FileHandle(forWritingAtPath: out)
            p.standardError = p.standardOutput
            try p.run()
            while p.isRunning { try await Task.sleep(for: .milliseconds(10)) }
            return (p.terminationStatus, try String(contentsOfFile: out, encoding: .utf8))
        }

        @Test(.enabled(if: devDocsPresent, "needs ../shared/eval/dev/docs"))
        func jsonLinesCSVAndICalendarReadBack() async throws {
            let daemon = try await Self.devDaemon()
            let events = try await daemon.queryAll(QueryParams(limit: 1000))
            #expect(events.count > 20)

            // JSON lines: every event, every field, in the query's order.
            let jsonl = try await export(daemon, ["--format", "jsonl"])
            let decoded = try jsonl.split(separator: "\n").map {
                try JSONDecoder().decode(TimelineEvent.self, from: Data($0.utf8))
            }
            #expect(decoded == events)

            // CSV through Python's csv module: header, one row per event, fields intact.
            let csv = try await export(daemon, ["--format", "csv"])
            #expect(csv.hasSuffix("\r\n"))
            let csvScript = """
                import csv, json, sys
                with open(sys.argv[1], newline='', encoding='utf-8') as f:
                    rows = list(csv.reader(f, strict=True))
                print(json.dumps(rows))
                """
            let parsed = try await python(csvScript, csv)
            #expect(parsed.status == 0, "\(parsed.output)")
            let rows = try JSONDecoder().decode([[String]].self, from: Data(parsed.output.utf8))
            #expect(
                rows.first == [
                    "id", "type", "date", "start", "end", "places", "organizations", "evidence", "source_path",
                    "source_title", "document",
                ]
            )
            #expect(rows.count == events.count + 1)
            for (row, e) in zip(rows.dropFirst(), events) {
                #expect(
                    row == [
                        e.id, e.type.rawValue, e.date.description, e.start.description, e.end.description,
                        e.places.joined(separator: "; "), e.organizations.joined(separator: "; "), e.evidence,
                        e.source.path, e.source.title ?? "", e.source.document,
                    ]
                )
            }

            // iCalendar through the icalendar package: deadlines by default, dates and UIDs.
            let icsScript = """
                import json, sys
                try:
                    import icalendar
                except ImportError:
                    print("MISSING: the Python package icalendar is not installed (scripts/setup installs it: pip install icalendar)")
                    sys.exit(3)
                with open(sys.argv[1], 'rb') as f:
                    data = f.read()
                assert b'\\r\\n' in data and b'\\n' not in data.replace(b'\\r\\n', b'')
                assert all(len(l) <= 75 for l in data.split(b'\\r\\n'))
                cal = icalendar.Calendar.from_ical(data)
                out = []
                for ev in cal.walk('VEVENT'):
                    out.append({'uid': str(ev['UID']), 'start': ev.decoded('DTSTART').isoformat(),
                                'end': ev.decoded('DTEND').isoformat(), 'summary': str(ev['SUMMARY']),
                                'description': str(ev['DESCRIPTION']), 'stamp': ev.decoded('DTSTAMP').isoformat()})
                print(json.dumps(out))
                """
            struct VEvent: Decodable, Equatable {
                var uid, start, end, summary, description, stamp: String
            }
            func vevents(_ ics: String) async throws -> [VEvent] {
                let r = try await python(icsScript, ics)
                guard r.status == 0 else { throw HarnessError("icalendar could not read the export: \(r.output)") }
                return try JSONDecoder().decode([VEvent].self, from: Data(r.output.utf8))
            }
            let deadlines = events.filter { $0.type == .deadline }
            #expect(!deadlines.isEmpty)
            let ics = try await vevents(try await export(daemon, ["--format", "ics"]))
            #expect(ics.map(\.uid) == deadlines.map { "\($0.id)@timelined.local" })
            for (v, e) in zip(ics, deadlines) {
                #expect(v.start == e.start.description)
                #expect(v.end == e.end.adding(days: 1).description)
                #expect(v.summary.hasPrefix("Deadline: "))
                #expect(v.description.hasPrefix(e.evidence))
                #expect(v.description.contains(e.source.path))
            }
            // Every type with --all; the same UIDs on a second export, so a re-import updates.
            let all = try await vevents(try await export(daemon, ["--format", "ics", "--all"]))
            #expect(all.count == events.count)
            let again = try await vevents(
                try await export(daemon, ["--format", "ics", "--all", "--uid-domain", "timelined.local"])
            )
            #expect(again.map(\.uid) == all.map(\.uid))
            #expect(Set(all.map(\.uid)).count == all.count)

            // Filters are query's: only meetings in April 2024.
            let april = try await daemon.queryAll(QueryParams(from: "2024-04", to: "2024-04", types: ["meeting"]))
            let filtered = try await export(
                daemon,
                ["--format", "jsonl", "--from", "2024-04", "--to", "2024-04", "--type", "meeting"]
            )
            #expect(filtered.split(separator: "\n").count == april.count)
            _ = try await daemon.stop()
        }

        @Test(.enabled(if: devDocsPresent, "needs ../shared/eval/dev/docs"))
        func htmlPageHoldsEveryEventEscaped() async throws {
            let daemon = try await Self.devDaemon()
            let events = try await daemon.queryAll(QueryParams(limit: 1000))
            let html = try await export(daemon, ["--format", "html", "--title", "Dev <articles>"])
            #expect(html.hasPrefix("<!DOCTYPE html>"))
            #expect(html.contains("<title>Dev &lt;articles&gt;</title>"))
            #expect(html.components(separatedBy: "<article class=\"event").count - 1 == events.count)
            for e in events { #expect(html.contains(">\(e.id)<")) }
            #expect(!html.contains("http://") && !html.contains("https://"))
            _ = try await daemon.stop()
        }

        static var repository: URL {
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized
        }

        /// Vector cannot run here: its configuration is checked as far as we can,
        /// parsed with tomllib and matched against the export unit.
        @Test func shipperConfigurationParsesAndMatchesTheExportUnit() async throws {
            let script = """
                import json, sys, tomllib
                with open(sys.argv[1], 'rb') as f:
                    c = tomllib.load(f)
                names = set(c['sources']) | set(c['transforms'])
                for kind in ('transforms', 'sinks'):
                    for name, part in c[kind].items():
                        for i in part['inputs']:
                            assert i in names, f'{kind}.{name} reads unknown input {i}'
                print(json.dumps({'include': c['sources']['timeline']['include'],
                                  'sinks': sorted(p['type'] for p in c['sinks'].values())}))
                """
            let toml = try String(
                contentsOf: Self.repository.appendingPathComponent("docs/vector.toml"),
                encoding: .utf8
            )
            let r = try await python(script, toml)
            #expect(r.status == 0, "\(r.output)")
            struct Parsed: Decodable {
                var include: [String]
                var sinks: [String]
            }
            let parsed = try JSONDecoder().decode(Parsed.self, from: Data(r.output.utf8))
            #expect(parsed.sinks == ["clickhouse", "kafka"])
            let unit = try String(
                contentsOf: Self.repository.appendingPathComponent("systemd/timelined-export.service"),
                encoding: .utf8
            )
            #expect(parsed.include.count == 1)
            #expect(unit.contains("--output \(parsed.include[0])"))
        }

        @Test func badOptionsFailClearly() async throws {
            let r = try await DaemonHarness.ctl(["export", "--format", "csv", "--follow"])
            #expect(r.status != 0)
            #expect(r.output.contains("--follow works with --format jsonl only"))
            let bad = try await DaemonHarness.ctl(["export", "--format", "xml"])
            #expect(bad.status != 0)
        }
    }
}
