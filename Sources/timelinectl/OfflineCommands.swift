import ArgumentParser
import ArticleConversion
import EventExtraction
import EventLog
import Foundation
import TimelineCore

extension Timelinectl {
    struct Extract: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Extract events (or, with --timexes, temporal expressions) from files, offline; prints JSON lines."
        )

        @Option(help: "Document date for every file (YYYY-MM-DD), instead of detecting it.")
        var dct: String?
        @Option(help: "JSON lines {\"doc\": FILE_NAME, \"dct\": \"YYYY-MM-DD\"} giving each file's document date.")
        var dctMap: String?
        @Flag(help: "Print every temporal expression instead of events.")
        var timexes = false
        @Option(help: "Folder of extraction rules to use instead of the built-in ones.")
        var rules: String?
        @Option(
            help: ArgumentHelp(
                "A temporal pattern file, or a folder of *.txt ones, tried before the built-in patterns (repeatable).",
                valueName: "path"
            )
        )
        var patterns: [String] = []
        @Option(
            help: ArgumentHelp(
                "Name each document by its file's stem with this extension instead (in the output and in --dct-map).",
                discussion: "`--doc-extension txt` makes `000_x.html` and `000_x.pdf` the document `000_x.txt`, "
                    + "so their events score against the plain text's gold.",
                valueName: "ext"
            )
        )
        var docExtension: String?
        @Option(
            help: ArgumentHelp(
                "Encodings tried, in order, for text that is not UTF-8 (comma-separated iconv names).",
                valueName: "names"
            )
        )
        var fallbackEncodings: String = ArticleConverter.defaultFallbackEncodings.joined(separator: ",")
        @Argument(help: "Article files (.txt, .md, .html, .htm, .pdf).")
        var files: [String]

        var fallbackList: [String] { fallbackEncodings.split(separator: ",").map { String($0) } }

        /// The document's name in the output: the file's name, or its stem with `--doc-extension`.
        func documentName(_ path: String) -> String {
            let name = (path as NSString).lastPathComponent
            guard let docExtension, !docExtension.isEmpty else { return name }
            let stem = (name as NSString).deletingPathExtension
            return stem + "." + docExtension.drop { $0 == "." }
        }

        func validate() throws {
            if dct != nil && dctMap != nil { throw ValidationError("give --dct or --dct-map, not both") }
            if let dct, CivilDate(dct) == nil { throw ValidationError("--dct must be YYYY-MM-DD, not '\(dct)'") }
            if files.isEmpty { throw ValidationError("name at least one file") }
            if let unknown = ArticleConverter.unknownEncodings(fallbackList).first {
                throw ValidationError("--fallback-encodings: iconv does not know '\(unknown)' (see `iconv --list`)")
            }
        }

        func run() async throws {
            let resources: ExtractionResources
            do {
                let patternFiles = patterns.map { URL(fileURLWithPath: $0) }
                resources =
                    try rules.map {
                        try ExtractionResources.load(from: URL(fileURLWithPath: $0), patternFiles: patternFiles)
                    }
                    ?? ExtractionResources.bundled(patternFiles: patternFiles)
            } catch {
                throw ValidationError("cannot load rules: \(error)")
            }
            let map = try dctMap.map(Self.readDCTMap) ?? [:]
            let fixed = dct.flatMap(CivilDate.init)
            let extractor = Extractor(resources: resources)
            let converter = try ArticleConverter(fallbackEncodings: fallbackList)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            var failures = 0
            let progress = ProgressLine(enabled: files.count > 1 && Terminal.stderrIsTerminal)
            defer { progress.finish() }
            for (done, path) in files.enumerated() {
                progress.update("extract: \(done)/\(files.count) files")
                let fileName = (path as NSString).lastPathComponent
                let name = documentName(path)
                let article: ArticleText
                let modified: CivilDate
                do {
                    guard let data = FileManager.default.contents(atPath: path) else {
                        throw ValidationError("cannot read the file")
                    }
                    article = try converter.convert(Array(data), fileName: fileName).article
                    let mtime =
                        (try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date) ?? Date()
                    modified = CivilDate(dayNumber: Int((mtime.timeIntervalSince1970 / 86_400).rounded(.down)))
                } catch {
                    progress.finish()
                    FileHandle.standardError.write(Data("timelinectl: \(path): \(error)\n".utf8))
                    failures += 1
                    continue
                }
                let result = extractor.extract(article, dctOverride: fixed ?? map[name], modified: modified)
                var out = ""
                if timexes {
                    for t in result.timexes {
                        // The TimeML scorers name a document NAME for NAME.txt.
                        let line = TimexLine(
                            doc: (name as NSString).deletingPathExtension,
                            start: t.start,
                            end: t.end,
                            text: t.text,
                            type: t.type,
                            value: t.value,
                            mod: t.mod
                        )
                        out += String(decoding: try encoder.encode(line), as: UTF8.self) + "\n"
                    }
                } else {
                    for e in result.events {
                        let interval = e.date.interval
                        let line = EventLine(
                            doc: name,
                            type: e.type.rawValue,
                            date: e.date.description,
                            start: interval.start.description,
                            end: interval.end.description,
                            evidence: e.evidence,
                            places: e.places,
                            organizations: e.organizations,
                            dct: result.dct.description
                        )
                        out += String(decoding: try encoder.encode(line), as: UTF8.self) + "\n"
                    }
                }
                // Events going to the same terminal start on a clean line.
                if Terminal.stdoutIsTerminal { progress.finish() }
                FileHandle.standardOutput.write(Data(out.utf8))
            }
            if failures > 0 { throw ExitCode(1) }
        }

        struct EventLine: Encodable {
            var doc, type, date, start, end, evidence: String
            var places, organizations: [String]
            var dct: String
        }

        struct TimexLine: Encodable {
            var doc: String
            var start, end: Int
            var text, type, value: String
            var mod: String?
        }

        static func readDCTMap(_ path: String) throws -> [String: CivilDate] {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ValidationError("cannot read \(path)")
            }
            struct Line: Decodable {
                var doc: String
                var dct: String
            }
            var map: [String: CivilDate] = [:]
            for (i, line) in data.split(separator: UInt8(ascii: "\n")).enumerated()
            where !line.allSatisfy({ $0 == 32 || $0 == 13 }) {
                guard let entry = try? JSONDecoder().decode(Line.self, from: Data(line)),
                    let date = CivilDate(entry.dct)
                else {
                    throw ValidationError("\(path):\(i + 1): expected {\"doc\": NAME, \"dct\": \"YYYY-MM-DD\"}")
                }
                map[(entry.doc as NSString).lastPathComponent] = date
            }
            return map
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a log file offline: count records and report any damage (exit status 1 if damaged)."
        )

        @Argument(help: "The log file (default: state/events.log).")
        var log: String = "state/events.log"
        @Flag(help: "Print JSON for scripts.")
        var json = false

        func run() throws {
            guard FileManager.default.isReadableFile(atPath: log) else {
                throw ValidationError("cannot read \(log)")
            }
            let scan: LogScan
            let progress = ProgressLine()
            var records = 0
            do {
                scan = try LogScan.scan(fileAt: log) { group in
                    records += group.count
                    progress.update("verify: \(records) records")
                }
                progress.finish()
            } catch {
                progress.finish()
                throw ValidationError("\(error)")
            }
            if json {
                struct Report: Encodable {
                    var log: String
                    var records, documents, events, retractions: Int
                    var lastSeq: UInt64
                    var damage: [String]
                }
                let report = Report(
                    log: log,
                    records: scan.recordCount,
                    documents: scan.documentCount,
                    events: scan.eventCount,
                    retractions: scan.retractionCount,
                    lastSeq: scan.lastSeq,
                    damage: scan.damage.map(\.description)
                )
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                print(String(decoding: try encoder.encode(report), as: UTF8.self))
            } else {
                print(
                    "\(log): \(scan.recordCount) records: \(scan.documentCount) documents, \(scan.eventCount) events, \(scan.retractionCount) retractions, last seq \(scan.lastSeq)"
                )
                for d in scan.damage { print("damage: \(d)") }
                print(scan.damage.isEmpty ? "ok" : "DAMAGED: \(scan.damage.count) problem(s)")
            }
            if !scan.damage.isEmpty { throw ExitCode(1) }
        }
    }
}
