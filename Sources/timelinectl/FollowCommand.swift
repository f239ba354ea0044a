import ArgumentParser
import Foundation
import TimelineClient
import TimelineCore
import TimelineProtocol

/// Writes a line at once: a follower's reader should not wait for a buffer to fill.
private func emit(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

extension Timelinectl {
    struct Follow: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print new events as the daemon logs them (and withdrawals of changed articles' events)."
        )

        @OptionGroup var options: ClientOptions

        @Option(help: "Only events overlapping this range or later than its start: 2024, 2024-04 …")
        var from: String?
        @Option(help: "Only events starting no later than the end of this period.")
        var to: String?
        @Option(name: .customLong("type"), help: "Event type (repeat or comma-separate).")
        var types: [String] = []
        @Option(help: "Words that must all occur in the evidence sentence.")
        var text: String?
        @Option(help: "A place the event names, e.g. Dandong.")
        var place: String?
        @Option(name: .customLong("org"), help: "Part of an organisation's name.")
        var organization: String?
        @Option(help: "Part of the source file's path or title.")
        var source: String?

        var expandedTypes: [String] {
            types.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() } }
        }

        func validate() throws {
            for value in [from, to].compactMap({ $0 }) where TimexValue(value) == nil {
                throw ValidationError(
                    "'\(value)' is not a date; use YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn, YYYY-Hn or YYYY-Wnn"
                )
            }
        }

        func run() async throws {
            let params = SubscribeParams(
                from: from,
                to: to,
                types: expandedTypes.isEmpty ? nil : expandedTypes,
                text: text,
                place: place,
                organization: organization,
                source: source
            )
            // No read timeout: a quiet timeline is not a dead daemon.
            let client = TimelineClient(socketPath: options.socketPath, timeout: nil)
            try await runClient {
                try await client.withConnection { connection in
                    _ = try await connection.call(Methods.subscribe, params, as: SubscribeResult.self)
                    if !options.json { FileHandle.standardError.write(Data("following; Ctrl-C to stop\n".utf8)) }
                    while true {
                        let n = try await connection.nextNotification()
                        switch n.method {
                        case Methods.Notification.event:
                            guard let e = n.params.event else { continue }
                            emit(options.json ? try jsonLine(e) : Human.event(e))
                        case Methods.Notification.retracted:
                            let ids = n.params.ids ?? []
                            emit(
                                options.json
                                    ? try jsonLine(["retracted": ids]) : "withdrawn: \(ids.joined(separator: ", "))"
                            )
                        case Methods.Notification.ended:
                            FileHandle.standardError.write(
                                Data("timelinectl: subscription ended: \(n.params.reason ?? "")\n".utf8)
                            )
                            throw ExitCode(1)
                        default:
                            continue
                        }
                    }
                }
            }
        }
    }
}
