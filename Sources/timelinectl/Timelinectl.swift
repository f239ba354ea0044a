import ArgumentParser
import Foundation
import TimelineProtocol

@main
struct Timelinectl: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timelinectl",
        abstract: "Ask timelined for events, or extract events from files offline.",
        version: TimelineVersion.current,
        subcommands: [
            Query.self, Follow.self, Export.self, Event.self, Sources.self, Stats.self, Health.self, Extract.self,
            Verify.self,
        ]
    )

    // Accepted before the subcommand too (`timelinectl --socket PATH query`);
    // a value after the subcommand wins.
    @Option(help: "The daemon's socket (see the subcommands' help).")
    var socket: String?
}

/// Options every command that talks to the daemon takes.
struct ClientOptions: ParsableArguments {
    @ParentCommand var parent: Timelinectl

    @Option(
        help:
            "The daemon's socket (default: $TIMELINED_SOCKET, else the first that exists of state/timelined.sock, /run/timelined.sock, /run/timelined/timelined.sock)."
    )
    var socket: String?

    @Flag(help: "Print JSON for scripts instead of text for people.")
    var json = false

    @Option(help: "Seconds to wait for the daemon's answer.")
    var timeout: Int = 30

    var socketPath: String {
        if let socket = socket ?? parent.socket { return socket }
        if let env = ProcessInfo.processInfo.environment["TIMELINED_SOCKET"], !env.isEmpty { return env }
        let candidates = ["state/timelined.sock", "/run/timelined.sock", "/run/timelined/timelined.sock"]
        return candidates.first { FileManager.default.fileExists(atPath: $0) } ?? candidates[0]
    }

    func validate() throws {
        guard timeout > 0 else { throw ValidationError("--timeout must be positive") }
    }
}
