import ArticleConversion
import Crypto
import EventExtraction
import EventLog
import Foundation
import Logging
import NIOPosix
import TimelineCore

/// Takes one file from the drop folder into the log: read, hash, extract, append.
struct Ingestor: Sendable {
    let store: EventStore
    /// The extractor and the size limit, replaced by a reload.
    let settings: IngestSettings
    /// Resolved, absolute.
    let root: String
    let logger: Logger
    let threadPool: NIOThreadPool
    let status: DaemonStatus
    let extractionGuard: ExtractionGuard

    /// Ingests `path`. Failures become a document record with the reason, or
    /// (when the file vanished) a log line; nothing here throws.
    ///
    /// - Returns: false when the file was set aside or could not be logged.
    @discardableResult
    func ingest(_ path: String) async -> Bool {
        let root = self.root
        let settings = self.settings.current
        let maxFileBytes = settings.maxFileBytes
        let outcome: Result<(ArticleFile, String), ArticleFile.Failure>
        do {
            // Reading blocks and hashing 32 MiB takes a while: both off the cooperative pool.
            outcome = try await threadPool.runIfActive {
                Result { () throws(ArticleFile.Failure) in
                    let file = try ArticleFile.read(path, root: root, maxBytes: maxFileBytes)
                    return (file, Self.sha256(file.bytes))
                }
            }
        } catch {
            logger.warning("not ingested: shutting down", metadata: ["path": "\(path)"])
            return false
        }
        switch outcome {
        case .failure(.vanished):
            logger.info("file vanished before it could be read", metadata: ["path": "\(path)"])
            return true
        case .failure(.rejected(let reason, let size, let modified)):
            // No content to hash: the identity is the file's name, size and time.
            let key = "unread-" + Self.sha256(Array("\(path)\u{0}\(size)\u{0}\(modified)".utf8))
            await record(
                failed: reason,
                path: path,
                sha: key,
                size: size,
                modified: modified,
                title: nil
            )
            return false
        case .success(let (file, sha)):
            return await ingest(file, sha: sha, path: path, settings: settings)
        }
    }

    private func ingest(_ file: ArticleFile, sha: String, path: String, settings: IngestSettings.Values) async -> Bool {
        if let known = store.snapshot.document(sha256: sha), store.snapshot.isCurrent(sha256: sha) {
            logger.debug("same content already logged", metadata: ["path": "\(path)", "as": "\(known.path)"])
            return true
        }
        let extractionGuard = self.extractionGuard
        let attempt: String?
        do {
            attempt = try await threadPool.runIfActive { extractionGuard.begin(sha) }
        } catch {
            logger.warning("not ingested: shutting down", metadata: ["path": "\(path)"])
            return false
        }
        guard let marker = attempt else {
            let failure = StoppedTheDaemon(limit: extractionGuard.limit)
            await record(
                failed: failure.description,
                path: path,
                sha: sha,
                size: file.size,
                modified: file.modified,
                title: nil
            )
            _ = try? await threadPool.runIfActive { extractionGuard.end(sha, marker: nil) }
            return false
        }
        let ok = await logged(file, sha: sha, path: path, settings: settings)
        _ = try? await threadPool.runIfActive { extractionGuard.end(sha, marker: marker) }
        return ok
    }

    /// Earlier attempts at this content stopped the daemon (a crash in extraction).
    struct StoppedTheDaemon: Error, CustomStringConvertible {
        let limit: Int
        var description: String {
            "extracting this file stopped the daemon \(limit) times; set aside (please report it)"
        }
    }

    private func logged(_ file: ArticleFile, sha: String, path: String, settings: IngestSettings.Values) async -> Bool {
        let modifiedDay = CivilDate(dayNumber: Int((file.modified / 86_400).rounded(.down)))
        let fileName = (path as NSString).lastPathComponent
        let decoded: Result<(ConvertedArticle, ExtractionResult), any Error>
        do {
            // Conversion (a PDF waits for pdftotext) and extraction take seconds on a large
            // file: on the thread pool they cannot starve the cooperative pool the server's
            // requests run on (measured: health waited 12 s during a flood).
            decoded = try await threadPool.runIfActive {
                Result {
                    let converted = try settings.converter.convert(file.bytes, fileName: fileName)
                    let result = settings.extractor.extract(converted.article, dctOverride: nil, modified: modifiedDay)
                    return (converted, result)
                }
            }
        } catch {
            logger.warning("not ingested: shutting down", metadata: ["path": "\(path)"])
            return false
        }
        let result: ExtractionResult
        let converted: ConvertedArticle
        switch decoded {
        case .success(let r): (converted, result) = r
        case .failure(let error):
            await record(failed: "\(error)", path: path, sha: sha, size: file.size, modified: file.modified, title: nil)
            return false
        }
        let source = SourceReference(path: path, title: result.title, document: sha)
        let events = result.events.enumerated().map { i, e in
            TimelineEvent(
                id: "\(sha.prefix(16))-\(i)",
                type: e.type,
                date: e.date,
                evidence: e.evidence,
                source: source,
                places: e.places,
                organizations: e.organizations
            )
        }
        let document = DocumentRecord(
            sha256: sha,
            path: path,
            size: file.size,
            modified: file.modified,
            title: result.title,
            dct: result.dct,
            dctSource: result.dctSource.rawValue,
            ingestedAt: Self.now(),
            status: .ingested,
            reason: nil,
            eventCount: events.count,
            format: converted.format.rawValue,
            encoding: converted.encoding
        )
        do {
            let outcome = try await store.append(document: document, events: events)
            status.logWriteSucceeded()
            if case .appended = outcome {
                logger.info(
                    "ingested",
                    metadata: ["path": "\(path)", "events": "\(events.count)", "dct": "\(result.dct)"]
                )
            }
            return true
        } catch {
            // The file stays in the drop folder; the next start's scan (or a rescan) retries it.
            status.logWriteFailed("\(error)")
            logger.error(
                "cannot log the file; it stays to be retried",
                metadata: ["path": "\(path)", "error": "\(error)"]
            )
            return false
        }
    }

    private func record(
        failed reason: String,
        path: String,
        sha: String,
        size: Int,
        modified: Double,
        title: String?
    )
        async
    {
        logger.warning("set aside", metadata: ["path": "\(path)", "reason": "\(reason)"])
        let document = DocumentRecord(
            sha256: sha,
            path: path,
            size: size,
            modified: modified,
            title: title,
            dct: nil,
            dctSource: nil,
            ingestedAt: Self.now(),
            status: .failed,
            reason: reason,
            eventCount: 0
        )
        do {
            _ = try await store.append(document: document, events: [])
            status.logWriteSucceeded()
        } catch {
            status.logWriteFailed("\(error)")
            logger.error("cannot log the failure", metadata: ["path": "\(path)", "error": "\(error)"])
        }
    }

    static func sha256(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { byte in
            let s = String(byte, radix: 16)
            return s.count == 1 ? "0" + s : s
        }.joined()
    }

    /// Now, as ISO 8601 UTC to the second.
    static func now() -> String {
        var t = time(nil)
        var tm = tm()
        gmtime_r(&t, &tm)
        func p(_ n: Int32, _ w: Int = 2) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, w - s.count)) + s
        }
        return
            "\(p(tm.tm_year + 1900, 4))-\(p(tm.tm_mon + 1))-\(p(tm.tm_mday))T\(p(tm.tm_hour)):\(p(tm.tm_min)):\(p(tm.tm_sec))Z"
    }
}
