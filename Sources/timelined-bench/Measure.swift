import ArgumentParser
import Foundation
import NIOCore
import Synchronization
import TimelineClient
import TimelineCore
import TimelineProtocol

#if canImport(Glibc)
import Glibc
#endif

/// Starts the real daemon on a generated state folder and measures it as clients see it.
struct Measure: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start timelined on a state folder and measure start-up, memory, queries and drop-to-queryable time."
    )

    @Option(help: "State folder made by `generate` (the log is only read and appended to).") var state: String
    @Option(help: "Queries of each kind timed one after another.") var queries = 2000
    @Option(help: "Concurrent clients for the throughput run.") var clients = 32
    @Option(help: "Seconds the throughput run lasts.") var seconds = 5
    @Option(help: "Articles dropped for the drop-to-queryable run.") var drops = 20
    @Option(
        help:
            "Seconds to wait after start-up before the queries, so work the daemon does in the background after start (building its word postings) is not timed with them."
    )
    var settle = 0.0

    func run() async throws {
        let work = "/tmp/tlbench-\(getpid())"
        let drop = work + "/drop"
        let socket = work + "/t.sock"
        try FileManager.default.createDirectory(atPath: drop, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: work) }

        let daemon = Process()
        daemon.executableURL = Self.sibling("timelined")
        daemon.arguments = ["--drop-dir", drop, "--state-dir", state, "--socket", socket, "--log-level", "warning"]
        daemon.standardError = FileHandle(forWritingAtPath: "/dev/null")
        let started = ContinuousClock.now
        try daemon.run()
        defer {
            kill(daemon.processIdentifier, SIGTERM)
            daemon.waitUntilExit()
        }

        // Start-up: until a real query is answered.
        let probe = TimelineClient(socketPath: socket, timeout: .seconds(5))
        var startup: Duration?
        while startup == nil {
            guard daemon.isRunning else { throw ValidationError("the daemon exited during start-up") }
            if (try? await probe.call(
                Methods.query,
                QueryParams(from: "2024-04", to: "2024-04", limit: 1),
                as: QueryResult.self
            )) != nil {
                startup = ContinuousClock.now - started
            } else {
                try await Task.sleep(for: .milliseconds(5))
            }
        }
        let stats = try await probe.call(Methods.stats, NoParams(), as: StatsResult.self)
        report("events in the log", "\(stats.events)")
        report("start-up to first answered query", Self.ms(startup!))
        report("resident memory after start-up", Self.rss(daemon.processIdentifier))
        if settle > 0 {
            try await Task.sleep(for: .milliseconds(Int(settle * 1000)))
            report("resident memory after settling \(settle) s", Self.rss(daemon.processIdentifier))
        }

        var rng = BenchRandom(seed: 99)
        let monthQueries = (0..<queries).map { _ -> QueryParams in
            let year = 2000 + rng.below(27)
            let month = String(format: "%04d-%02d", year, 1 + rng.below(12))
            return QueryParams(from: month, to: month, types: [EventType.allCases[rng.below(7)].rawValue], limit: 100)
        }
        let wordQueries = (0..<queries).map { _ in
            QueryParams(
                text: Corpus.places[rng.below(Corpus.places.count)] + " "
                    + ["bridge", "port", "rail", "energy"][rng.below(4)],
                limit: 100
            )
        }
        try latency("one-month range + type, ≤100 events", monthQueries, socket: socket)
        try latency("words in the evidence, ≤100 events", wordQueries, socket: socket)
        try throughput(monthQueries + wordQueries, socket: socket)
        report("resident memory after the queries", Self.rss(daemon.processIdentifier))
        try await dropToQueryable(drop: drop, socket: socket)
        report("peak resident memory", Self.rss(daemon.processIdentifier, field: "VmHWM"))
    }

    /// One request line per query, encoded once so the timed loops do no JSON work of their own.
    static func requestLines(_ queries: [QueryParams]) throws -> [[UInt8]] {
        let encoder = JSONEncoder()
        return try queries.map { q in
            var line = Array(#"{"jsonrpc":"2.0","id":1,"method":"query","params":"#.utf8)
            line += try encoder.encode(q)
            line += Array("}\n".utf8)
            return line
        }
    }

    static let success = Array(#"{"jsonrpc":"2.0","id":1,"result":{"events":["#.utf8)

    /// Checks that a response is a query result, and counts its events.
    static func events(in response: ArraySlice<UInt8>) throws -> Int {
        guard response.starts(with: success) else {
            throw BenchError("not a query result: \(String(decoding: response.prefix(200), as: UTF8.self))")
        }
        let marker = Array(#"{"date":"#.utf8)
        var n = 0
        var i = response.startIndex
        while i + marker.count <= response.endIndex {
            if response[i] == marker[0] && response[i..<(i + marker.count)].elementsEqual(marker) { n += 1 }
            i += 1
        }
        return n
    }

    func latency(_ name: String, _ queries: [QueryParams], socket: String) throws {
        let lines = try Self.requestLines(queries)
        let connection = try RawConnection(path: socket)
        var times: [Duration] = []
        var answered = 0
        times.reserveCapacity(lines.count)
        for line in lines {
            let t0 = ContinuousClock.now
            let response = try connection.call(line)
            times.append(ContinuousClock.now - t0)
            answered += try Self.events(in: response)
        }
        report("query p50, \(name)", Self.ms(Self.percentile(times, 0.50)))
        report("query p99, \(name)", Self.ms(Self.percentile(times, 0.99)))
        report("  events per answer (mean)", String(format: "%.1f", Double(answered) / Double(max(1, lines.count))))
    }

    func throughput(_ queries: [QueryParams], socket: String) throws {
        let lines = try Self.requestLines(queries)
        let deadline = ContinuousClock.now + .seconds(seconds)
        let counts = Mutex([Int](repeating: 0, count: clients))
        let failures = Mutex<[String]>([])
        // One thread per client, blocking on its socket: the clients cost the machine little.
        let done = DispatchGroup()
        for k in 0..<clients {
            done.enter()
            Thread.detachNewThread {
                defer { done.leave() }
                do {
                    let connection = try RawConnection(path: socket)
                    var n = 0
                    while ContinuousClock.now < deadline {
                        let response = try connection.call(lines[(k * 7919 + n) % lines.count])
                        guard response.starts(with: Self.success) else { throw BenchError("not a query result") }
                        n += 1
                    }
                    counts.withLock { $0[k] = n }
                } catch {
                    failures.withLock { $0.append("\(error)") }
                }
            }
        }
        done.wait()
        if let failure = failures.withLock({ $0.first }) { throw BenchError("a client failed: \(failure)") }
        let total = counts.withLock { $0.reduce(0, +) }
        report("queries per second, \(clients) clients", String(format: "%.0f", Double(total) / Double(seconds)))
    }

    func dropToQueryable(drop: String, socket: String) async throws {
        let client = TimelineClient(socketPath: socket, timeout: .seconds(30))
        let times = try await client.withConnection { c in
            _ = try await c.call(Methods.subscribe, SubscribeParams(), as: SubscribeResult.self)
            var times: [Duration] = []
            for i in 0..<drops {
                let name = "bench-\(getpid())-\(i).txt"
                let temp = drop + "/." + name + ".tmp"
                // Unique content: the daemon rightly ignores an article it has already logged.
                let marker = "\(getpid())-\(i)-\(ContinuousClock.now)"
                try Self.article(i, marker: marker).write(toFile: temp, atomically: false, encoding: .utf8)
                let t0 = ContinuousClock.now
                guard rename(temp, drop + "/" + name) == 0 else { throw ValidationError("rename failed") }
                while true {
                    let n = try await c.nextNotification()
                    if n.params.event?.source.path.hasSuffix(name) == true { break }
                }
                times.append(ContinuousClock.now - t0)
                // Let this article finish before the next; its other notifications are skipped above.
                try await Task.sleep(for: .milliseconds(50))
            }
            return times
        }
        report("drop-to-queryable p50, 20 KB article", Self.ms(Self.percentile(times, 0.50)))
        report("drop-to-queryable max", Self.ms(times.max() ?? .zero))
        report("  each, in order", times.map { String(format: "%.0f", Self.milliseconds($0)) }.joined(separator: " "))
    }

    /// About 20 KB of article text with dated happenings, different for each `i`.
    static func article(_ i: Int, marker: String) -> String {
        var text = "Border report \(i) (\(marker))\n\nBy Staff | May 26, 2024 |\n\n"
        var k = 0
        while text.utf8.count < 20_000 {
            let place = Corpus.places[(i + k) % Corpus.places.count]
            let month = Corpus.months[(i * 3 + k) % 12]
            text +=
                "Officials from \(place) met their counterparts on \(1 + (i + k) % 28) \(month) \(2010 + (i + k) % 15) "
            text += "to discuss \(Corpus.topics[k % Corpus.topics.count]). "
            text +=
                "Trade through the crossing rose by \(k % 9 + 2) percent over the previous year, the customs office said, "
            text += "while local firms continued to invest in warehouses and cold-chain logistics along the river.\n\n"
            k += 1
        }
        return text
    }

    func report(_ what: String, _ value: String) {
        print(what.padding(toLength: 52, withPad: " ", startingAt: 0) + value)
    }

    static func percentile(_ times: [Duration], _ p: Double) -> Duration {
        guard !times.isEmpty else { return .zero }
        let sorted = times.sorted()
        return sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)]
    }

    static func milliseconds(_ d: Duration) -> Double {
        Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
    }

    static func ms(_ d: Duration) -> String {
        let c = d.components
        return String(format: "%.3f ms", Double(c.seconds) * 1000 + Double(c.attoseconds) / 1e15)
    }

    static func rss(_ pid: Int32, field: String = "VmRSS") -> String {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field + ":") })
        else { return "?" }
        let kb = Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
        return "\(kb / 1024) MiB"
    }

    /// A binary built beside this one.
    static func sibling(_ name: String) -> URL {
        let me =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: me).deletingLastPathComponent().appendingPathComponent(name)
    }
}
