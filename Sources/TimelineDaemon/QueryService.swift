import EventLog
import Foundation
import TimelineCore
import TimelineProtocol
import TimelineServer

/// Answers the socket's methods from the store's current index.
struct QueryService: RequestHandler {
    let store: EventStore
    let status: DaemonStatus
    let dropDir: String

    func handle(_ request: RPCRequest) async throws -> any Encodable & Sendable {
        let index = store.snapshot
        switch request.method {
        case Methods.query:
            let query = try request.decodeParams(QueryParams.self).query()
            let page = index.query(query)
            return QueryResult(events: page.events, nextCursor: page.next?.cursor)
        case Methods.event:
            let id = try request.decodeParams(EventParams.self).id
            guard let event = index.event(id: id) else { throw RPCError.notFound("no event with id '\(id)'") }
            return event
        case Methods.sources:
            _ = try request.decodeParams(NoParams.self)
            // Checked when asked, so a deleted file shows as gone without a record of its own.
            let fm = FileManager.default
            return SourcesResult(
                sources: index.documentOrder.compactMap { sha in
                    index.documents[sha].map { SourceEntry(document: $0, present: fm.fileExists(atPath: $0.path)) }
                }
            )
        case Methods.stats:
            _ = try request.decodeParams(NoParams.self)
            let documents = index.documentOrder.compactMap { index.documents[$0] }
            let size = (try? FileManager.default.attributesOfItem(atPath: store.logPath)[.size] as? Int) ?? 0
            return StatsResult(
                documents: documents.count { $0.status == .ingested },
                failedDocuments: documents.count { $0.status == .failed },
                events: index.events.count,
                eventsByType: Dictionary(
                    uniqueKeysWithValues: index.eventCountsByType.map { ($0.key.rawValue, $0.value) }
                ),
                logBytes: size,
                lastSeq: index.lastSeq,
                uptimeSeconds: Date().timeIntervalSince(status.startedAt),
                pending: status.pending
            )
        case Methods.health:
            _ = try request.decodeParams(NoParams.self)
            return HealthResult(
                status: "ok",
                version: TimelineVersion.current,
                caughtUp: status.caughtUp,
                dropDir: dropDir
            )
        default:
            throw RPCError.methodNotFound(request.method)
        }
    }
}
