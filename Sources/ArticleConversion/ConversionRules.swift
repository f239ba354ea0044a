import Foundation

/// The converter's data: which HTML elements, classes and roles are page furniture, which meta
/// tags give the date and title, and which headings start a reference section (`markers.tsv`).
struct ConversionRules: Sendable {
    var dropElements: Set<String> = []
    var pageElements: Set<String> = []
    var articleElements: Set<String> = []
    var lineElements: Set<String> = []
    var blockElements: Set<String> = []
    var dropTokens: Set<String> = []
    var dropRoles: Set<String> = []
    /// Most trusted first.
    var dateMeta: [String] = []
    var titleMeta: [String] = []
    var referenceHeadings: Set<String> = []

    static let fileName = "markers.tsv"

    /// Parses `markers.tsv` text.
    /// - Throws: `ConversionError.missingResource` naming the bad line.
    init(text: String, name: String = fileName) throws(ConversionError) {
        var number = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: true)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.count == 2 else {
                throw ConversionError(code: .missingResource, message: "\(name):\(number): expected kind<TAB>value")
            }
            let value = fields[1].lowercased()
            switch fields[0] {
            case "drop-element": dropElements.insert(value)
            case "page-element": pageElements.insert(value)
            case "article-element": articleElements.insert(value)
            case "line-element": lineElements.insert(value)
            case "block-element": blockElements.insert(value)
            case "drop-token": dropTokens.insert(value)
            case "drop-role": dropRoles.insert(value)
            case "date-meta": dateMeta.append(value)
            case "title-meta": titleMeta.append(value)
            case "reference-heading": referenceHeadings.insert(value)
            default:
                throw ConversionError(code: .missingResource, message: "\(name):\(number): unknown kind '\(fields[0])'")
            }
        }
    }

    /// The rules shipped in the bundle.
    static func bundled() throws(ConversionError) -> ConversionRules {
        let bases = [Bundle.module.resourceURL, Bundle.module.bundleURL].compactMap { $0 }
        for base in bases {
            for candidate in [base.appendingPathComponent("Resources"), base] {
                let url = candidate.appendingPathComponent(fileName)
                if let data = FileManager.default.contents(atPath: url.path) {
                    guard let text = String(validating: data, as: UTF8.self) else {
                        throw ConversionError(code: .missingResource, message: "\(fileName): not UTF-8")
                    }
                    return try ConversionRules(text: text)
                }
            }
        }
        throw ConversionError(code: .missingResource, message: "\(fileName) is not in the bundle")
    }

    /// Whether a line is a reference-section heading: `5. References`, `REFERENCES:`, `Bibliography`.
    func isReferenceHeading(_ line: Substring) -> Bool {
        guard line.count < 60 else { return false }
        let trimmed = line.drop { !$0.isLetter }.reversed().drop { !$0.isLetter }.reversed()
        return referenceHeadings.contains(String(trimmed).lowercased())
    }
}
