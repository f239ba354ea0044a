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

        @OptionGroup var filters: FilterOptions

        func run() async throws {
            let params = SubscribeParams(filters.params)
            let timeline = Terminal.timeline
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
                            emit(options.json ? try jsonLine(e) : timeline.line(e))
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
