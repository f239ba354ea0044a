import ArgumentParser
import Foundation
import NIOCore
import TimelineClient
import TimelineCore
import TimelineProtocol

extension Timelinectl {
    struct Query: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Events whose dates overlap a range, filtered by type, place, text and source."
        )

        @OptionGroup var options: ClientOptions

        @OptionGroup var filters: FilterOptions

        @Option(help: "Events per page (1–\(TimelineQuery.maximumLimit)).")
        var limit: Int = TimelineQuery.defaultLimit
        @Option(help: "Continue after this cursor (printed after a full page).")
        var cursor: String?
        @Flag(help: "Fetch every page, not just the first.")
        var all = false

        func validate() throws {
            guard (1...TimelineQuery.maximumLimit).contains(limit) else {
                throw ValidationError("--limit must be between 1 and \(TimelineQuery.maximumLimit)")
            }
        }

        func run() async throws {
            var params = filters.params
            params.limit = limit
            params.cursor = cursor
            let client = TimelineClient(socketPath: options.socketPath, timeout: .seconds(Int64(options.timeout)))
            try await runClient {
                try await client.withConnection { connection in
                    let timeline = Terminal.timeline
                    var shown = 0
                    while true {
                        let page = try await connection.call(Methods.query, params, as: QueryResult.self)
                        if options.json {
                            if all {
                                for e in page.events { print(try jsonLine(e)) }
                            } else {
                                print(try jsonLine(page))
                            }
                        } else {
                            for e in page.events { print(timeline.line(e)) }
                        }
                        shown += page.events.count
                        guard let next = page.nextCursor else { break }
                        guard all else {
                            if !options.json { print("… more: --cursor \(next)") }
                            break
                        }
                        params.cursor = next
                    }
                    if !options.json && shown == 0 { print("no events") }
                }
            }
        }
    }

    struct Event: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One event by id, with everything known about it.")
        @OptionGroup var options: ClientOptions
        @Argument(help: "The event's id.") var id: String

        func run() async throws {
            let client = TimelineClient(socketPath: options.socketPath, timeout: .seconds(Int64(options.timeout)))
            try await runClient {
                let event = try await client.call(Methods.event, EventParams(id: id), as: TimelineEvent.self)
                print(options.json ? try jsonLine(event) : Human.eventDetail(event))
            }
        }
    }

    struct Sources: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The files taken in, with their status and event counts."
        )
        @OptionGroup var options: ClientOptions

        func run() async throws {
            let client = TimelineClient(socketPath: options.socketPath, timeout: .seconds(Int64(options.timeout)))
            try await runClient {
                let result = try await client.call(Methods.sources, NoParams(), as: SourcesResult.self)
                if options.json {
                    print(try jsonLine(result))
                } else {
                    for d in result.sources { print(Human.source(d)) }
                    if result.sources.isEmpty { print("no sources yet") }
                }
            }
        }
    }

    struct Stats: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Counts of documents and events, and the log's size.")
        @OptionGroup var options: ClientOptions

        func run() async throws {
            let client = TimelineClient(socketPath: options.socketPath, timeout: .seconds(Int64(options.timeout)))
            try await runClient {
                let s = try await client.call(Methods.stats, NoParams(), as: StatsResult.self)
                print(options.json ? try jsonLine(s) : Human.stats(s))
            }
        }
    }

    struct Health: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Whether the daemon is up, and its version.")
        @OptionGroup var options: ClientOptions

        func run() async throws {
            let client = TimelineClient(socketPath: options.socketPath, timeout: .seconds(Int64(options.timeout)))
            try await runClient {
                let h = try await client.call(Methods.health, NoParams(), as: HealthResult.self)
                print(
                    options.json
                        ? try jsonLine(h)
                        : "\(h.status): timelined \(h.version), \(h.caughtUp ? "caught up" : "catching up"), watching \(h.dropDir)"
                            + (h.problem.map { "\nproblem: \($0)" } ?? "")
                )
                if h.status != "ok" { throw ExitCode(2) }
            }
        }
    }
}

/// Runs a client call, turning connection and server errors into a message and exit status 1.
func runClient(_ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch let error as ClientError {
        FileHandle.standardError.write(Data("timelinectl: \(error)\n".utf8))
        throw ExitCode(1)
    }
}

func jsonLine(_ value: some Encodable) throws -> String {
    String(decoding: try RPCResponseEncoder.makeEncoder().encode(value), as: UTF8.self)
}
