import Foundation

/// Lines without events, from `boilerplate.tsv` (`kind<TAB>text`).
struct Boilerplate: Sendable {
    var sectionEnds: Set<String> = []
    var linePrefixes: [String] = []
    var titleSkips: Set<String> = []

    init(_ file: DataFile) throws {
        for line in file.lines {
            let f = try file.fields(line, min: 2, max: 2, usage: "kind<TAB>text")
            let text = f[1].lowercased()
            switch f[0] {
            case "section-end": sectionEnds.insert(text)
            case "line-prefix": linePrefixes.append(text)
            case "title-skip": titleSkips.insert(text)
            default: throw file.error(line, "unknown kind '\(f[0])' (section-end, line-prefix, title-skip)")
            }
        }
    }

    /// `line` lower-cased with markup, numbering and trailing punctuation removed: `## 5. References:` → `references`.
    static func heading(_ line: Substring) -> String {
        let trimmed = line.drop { !$0.isLetter }.reversed().drop { !$0.isLetter }.reversed()
        return String(trimmed).lowercased()
    }

    func endsBody(_ line: Substring) -> Bool {
        guard line.count < 60 else { return false }
        return sectionEnds.contains(Boilerplate.heading(line))
    }

    func isBoilerplate(_ line: Substring) -> Bool {
        let rest = line.drop { $0 == " " || $0 == "\t" || $0 == "*" || $0 == "_" || $0 == ">" || $0 == "#" }
        guard !rest.isEmpty else { return false }
        // Prefixes are short: lower-case only the start of the line.
        let low = String(rest.prefix(Self.longestPrefix)).lowercased()
        return linePrefixes.contains { low.starts(with: $0) }
    }

    static let longestPrefix = 40
}
