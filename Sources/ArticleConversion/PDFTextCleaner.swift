import Foundation

/// Turns pdftotext's pages into article text: running headers, footers and page numbers removed,
/// lines of a paragraph joined (words hyphenated at a line end joined again), paragraphs
/// separated by a blank line, and a reference section found.
struct PDFTextCleaner: Sendable {
    let rules: ConversionRules

    /// Lines looked at for headers and footers at each end of a page.
    static let edgeLines = 3
    /// A line is a running header or footer when it is on at least this share of pages (and two).
    static let runningShare = 0.6
    /// A reference heading counts only after this share of the text (a table of contents is not one).
    static let referenceSectionStart = 0.3

    struct Result {
        var text: String
        /// Where the reference section starts, in code points, if there is one.
        var bodyEnd: Int?
    }

    /// - Parameter pages: each page's lines in reading order, an empty line between blocks.
    func clean(_ pages: [[String]]) -> Result {
        let running = runningLines(pages)
        // Furniture goes; a page break is then a line break inside the paragraph it splits.
        var lines: [String] = []
        for page in pages {
            if !lines.isEmpty { lines.append("") }
            let content = page.indices.filter { !page[$0].isEmpty }
            let edges = Set(content.prefix(Self.edgeLines) + content.suffix(Self.edgeLines))
            for (k, line) in page.enumerated() {
                if edges.contains(k), Self.isPageNumber(line) || running.contains(Self.key(line)) { continue }
                lines.append(line.trimmingCharacters(in: .whitespaces))
            }
        }
        let width = Self.typicalWidth(lines)
        var paragraphs: [String] = []
        var current = ""
        for (k, line) in lines.enumerated() {
            guard !line.isEmpty else { continue }
            current = Self.join(current, line)
            guard let n = lines[(k + 1)...].firstIndex(where: { !$0.isEmpty }) else { break }
            let gap = n > k + 1
            if !Self.endsParagraph(line, next: lines[n], width: width, gap: gap) { continue }
            paragraphs.append(current)
            current = ""
        }
        if !current.isEmpty { paragraphs.append(current) }

        var text = ""
        var offset = 0
        var bodyEnd: Int?
        let total = paragraphs.reduce(0) { $0 + $1.unicodeScalars.count + 1 }
        for p in paragraphs {
            if bodyEnd == nil, Double(offset) >= Double(total) * Self.referenceSectionStart,
                rules.isReferenceHeading(Substring(p))
            {
                bodyEnd = offset
            }
            text += p + "\n"
            offset += p.unicodeScalars.count + 1
        }
        return Result(text: text, bodyEnd: bodyEnd)
    }

    /// A full line's length: most lines of a paragraph fill the column, the last one does not.
    static func typicalWidth(_ lines: [String]) -> Int {
        let lengths = lines.map(\.count).filter { $0 > 0 }.sorted()
        guard !lengths.isEmpty else { return 0 }
        return lengths[min(lengths.count - 1, lengths.count * 8 / 10)]
    }

    /// Whether `line` ends its paragraph. Never when the next line goes on in lower case or the
    /// word is hyphenated. Across a gap (a block boundary, a wider line spacing, a page break)
    /// yes, unless the line fills the column and ends without a full stop (a paragraph going on in
    /// the next column or page). Without a gap, when the line is short of a full line: the last
    /// line of a paragraph, or a heading.
    static func endsParagraph(_ line: String, next: String, width: Int, gap: Bool) -> Bool {
        if next.first?.isLowercase == true { return false }
        if line.hasSuffix("-") || line.hasSuffix("\u{00AD}") { return false }
        let full = Double(line.count) >= Double(width) * shortLine
        if gap {
            guard full, let last = line.last else { return true }
            return ".!?:;\u{201D}\"".contains(last)
        }
        return !full
    }

    /// Below this share of the typical width a line is a paragraph's last.
    static let shortLine = 0.85

    /// Lines (by ``key(_:)``) near the top or bottom of most pages.
    func runningLines(_ pages: [[String]]) -> Set<String> {
        guard pages.count >= 2 else { return [] }
        var counts: [String: Int] = [:]
        for page in pages {
            let content = page.filter { !$0.isEmpty }
            for key in Set((content.prefix(Self.edgeLines) + content.suffix(Self.edgeLines)).map(Self.key)) {
                counts[key, default: 0] += 1
            }
        }
        let needed = max(2, Int((Double(pages.count) * Self.runningShare).rounded(.up)))
        return Set(counts.filter { $0.value >= needed }.keys)
    }

    /// A line with digits made `#` and spaces collapsed: `Page 3 of 12` and `Page 4 of 12` are one running line.
    static func key(_ line: String) -> String {
        String(
            line.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
                .map { $0.isNumber ? "#" : $0 }
        )
    }

    /// `12`, `- 12 -`, `Page 12`, `12 / 40`, `xiv`.
    static func isPageNumber(_ line: String) -> Bool {
        var s = line.trimmingCharacters(in: .whitespaces).lowercased()
        if s.hasPrefix("page ") { s = String(s.dropFirst(5)) }
        s = s.trimmingCharacters(in: CharacterSet(charactersIn: "-–— "))
        if s.isEmpty { return false }
        let parts = s.split(whereSeparator: { $0 == "/" || $0 == " " }).filter { $0 != "of" }
        if (1...2).contains(parts.count), parts.allSatisfy({ $0.count <= 4 && $0.allSatisfy(\.isASCIIDigit) }) {
            return true
        }
        return s.count <= 6 && s.allSatisfy { "ivxlc".contains($0) }
    }

    /// Joins a paragraph's next line: `govern-` + `ment` is `government`; `China-` + `Russia` keeps
    /// its hyphen (a capital after it is a compound's next part); anything else gets a space.
    static func join(_ current: String, _ next: String) -> String {
        if current.isEmpty { return next }
        let lowerNext = next.first.map { $0.isLowercase } ?? false
        if current.hasSuffix("\u{00AD}") {
            return String(current.dropLast()) + next
        }
        if current.hasSuffix("-"), let before = current.dropLast().last, before.isLetter {
            return lowerNext ? String(current.dropLast()) + next : current + next
        }
        return current + " " + next
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
