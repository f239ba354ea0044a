import ArgumentParser
import Foundation
import TimelineCore
import TimelineProtocol

/// The filters `query` and `follow` share.
struct FilterOptions: ParsableArguments {
    @Option(help: "Start of the range: 2024, 2024-04, 2024-04-17, 2024-Q2, 2024-SU, 2019-W47 …")
    var from: String?
    @Option(help: "End of the range, same forms; the whole of its period is included.")
    var to: String?
    @Option(
        name: .customLong("type"),
        help: "Event type (repeat or comma-separate): \(EventType.allCases.map(\.rawValue).joined(separator: ", "))."
    )
    var types: [String] = []
    @Option(help: "Words that must all occur in the evidence sentence.")
    var text: String?
    @Option(help: "A place the event names, e.g. Dandong.")
    var place: String?
    @Option(name: .customLong("org"), help: "Part of an organisation's name, e.g. \"Party Committee\".")
    var organization: String?
    @Option(help: "Part of the source file's path or title.")
    var source: String?

    var expandedTypes: [String] {
        types.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() } }
    }

    /// The filters as query params; the daemon checks them the same way.
    var params: QueryParams {
        QueryParams(
            from: from,
            to: to,
            types: expandedTypes.isEmpty ? nil : expandedTypes,
            text: text,
            place: place,
            organization: organization,
            source: source
        )
    }

    func validate() throws {
        // The daemon's own check, run here so a typo fails before connecting.
        do {
            _ = try params.query()
        } catch {
            throw ValidationError(error.message)
        }
    }
}
