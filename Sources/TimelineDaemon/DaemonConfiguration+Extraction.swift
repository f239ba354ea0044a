import EventExtraction
import Foundation

extension DaemonConfiguration {
    /// The extraction rules this configuration names: `extraction.rules_dir` (else the built-in
    /// ones) with the user's `extraction.patterns` tried first. Reads files: call it off the
    /// cooperative pool once the daemon runs.
    /// - Throws: `ExtractionError` naming the file and line of a bad rule.
    func extractionResources() throws -> ExtractionResources {
        let patterns = patternFiles.map { URL(fileURLWithPath: $0) }
        if let rulesDir {
            return try ExtractionResources.load(from: URL(fileURLWithPath: rulesDir), patternFiles: patterns)
        }
        return try ExtractionResources.bundled(patternFiles: patterns)
    }
}
