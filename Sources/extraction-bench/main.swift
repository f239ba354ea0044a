// Speed of extraction on one core (issue 4: tagger alone ≥ 20 MB/s; issue 5: whole extractor
// ≥ 10 MB/s), on at least `--megabytes` of article text built by repeating the given files.
// Usage: extraction-bench [--megabytes N] [--rounds N] [--only tagger|extractor] FILE_OR_FOLDER…   (scripts/bench-extract)
import EventExtraction
import Foundation
import TimelineCore

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("extraction-bench: \(message)\n".utf8))
    exit(2)
}

var megabytes = 12.0
var rounds = 3
var only: String?
var paths: [String] = []
var arguments = CommandLine.arguments.dropFirst()
while let a = arguments.popFirst() {
    switch a {
    case "--megabytes":
        guard let v = arguments.popFirst().flatMap(Double.init), v > 0 else { fail("--megabytes needs a number") }
        megabytes = v
    case "--only":
        guard let v = arguments.popFirst(), ["tagger", "extractor"].contains(v) else {
            fail("--only needs tagger or extractor")
        }
        only = v
    case "--rounds":
        guard let v = arguments.popFirst().flatMap(Int.init), v > 0 else { fail("--rounds needs a number") }
        rounds = v
    default: paths.append(a)
    }
}
if paths.isEmpty { fail("usage: extraction-bench [--megabytes N] [--rounds N] FILE_OR_FOLDER…") }

var files: [String] = []
for p in paths {
    var isDir: ObjCBool = false
    guard FileManager.default.fileExists(atPath: p, isDirectory: &isDir) else { fail("\(p): no such file") }
    if isDir.boolValue {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: p)) ?? []
        files += names.filter { $0.hasSuffix(".txt") || $0.hasSuffix(".md") }.sorted().map { "\(p)/\($0)" }
    } else {
        files.append(p)
    }
}
var articles: [(ArticleText, Int)] = []
for f in files {
    guard let data = FileManager.default.contents(atPath: f),
        let article = try? ArticleText.decode(Array(data), fileName: f)
    else { continue }
    articles.append((article, data.count))
}
if articles.isEmpty { fail("no readable articles") }
let one = articles.reduce(0) { $0 + $1.1 }
let copies = Int((megabytes * 1_000_000 / Double(one)).rounded(.up))
let corpus = Array(repeatElement(articles, count: copies).joined())
let bytes = one * copies

let extractor = Extractor(resources: try ExtractionResources.bundled())
let dct = CivilDate(year: 2024, month: 5, day: 26)!

/// CPU time of this thread, in seconds: on a machine shared with other work, the wall clock also
/// counts the time the thread waited for the core.
func threadCPUSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

@MainActor func measure(_ label: String, _ body: (ArticleText) -> Int) {
    var best = Duration.seconds(1_000_000)
    var bestCPU = Double.infinity
    var found = 0
    for _ in 0..<rounds {
        found = 0
        let cpu = threadCPUSeconds()
        let t = ContinuousClock().measure { for (a, _) in corpus { found += body(a) } }
        bestCPU = min(bestCPU, threadCPUSeconds() - cpu)
        best = min(best, t)
    }
    let seconds = Double(best.components.seconds) + Double(best.components.attoseconds) * 1e-18
    let mbps = Double(bytes) / 1_000_000 / seconds
    print(
        "\(label): \(String(format: "%.2f", mbps)) MB/s (\(String(format: "%.3f", seconds)) s for "
            + "\(String(format: "%.1f", Double(bytes) / 1_000_000)) MB, best of \(rounds); \(found) found); "
            + "CPU time \(String(format: "%.2f", Double(bytes) / 1_000_000 / bestCPU)) MB/s"
    )
}

print("corpus: \(articles.count) files × \(copies) = \(corpus.count) articles, \(bytes) bytes, one core")
if only != "extractor" { measure("tagger alone") { extractor.timexes($0, dct: dct).count } }
if only != "tagger" {
    measure("whole extractor") { extractor.extract($0, dctOverride: nil, modified: dct).events.count }
}
