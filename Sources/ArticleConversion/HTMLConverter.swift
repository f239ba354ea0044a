import CLibXML2
import Foundation
import TimelineCore

/// An HTML page to article text through libxml2's HTML parser: page furniture dropped, block
/// structure kept as line breaks, entities decoded; the title and publication date from metadata.
struct HTMLConverter: Sendable {
    let rules: ConversionRules

    struct Result {
        var text: String
        var title: String?
        var date: CivilDate?
        /// `meta og:title`-style: where the date came from.
        var dateSource: String?
    }

    /// Parses `html` (already decoded) and walks its tree.
    /// - Throws: `ConversionError.badHTML` when libxml2 builds no document.
    func convert(_ html: String, fileName: String) throws(ConversionError) -> Result {
        // RECOVER: real pages are rarely valid. NONET: never fetch anything. No entity
        // substitution option: the HTML parser knows the HTML entities and loads no DTD.
        let options =
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NOIMPLIED.rawValue
        var bytes = Array(html.utf8)
        if bytes.isEmpty { bytes = [0x20] }
        let doc = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                htmlReadMemory($0.baseAddress, Int32($0.count), nil, "UTF-8", Int32(bitPattern: options))
            }
        }
        guard let doc else {
            throw ConversionError(code: .badHTML, message: "\(fileName): libxml2 could not parse the page")
        }
        defer { xmlFreeDoc(doc) }
        var walker = Walker(rules: rules)
        var node = doc.pointee.children
        while let n = node {
            walker.visit(n, insideArticle: false)
            node = n.pointee.next
        }
        var result = Result(text: walker.output.text, title: nil, date: nil, dateSource: nil)
        for name in rules.titleMeta {
            if let t = walker.meta[name].map(Self.collapsed), !t.isEmpty {
                result.title = t
                break
            }
        }
        if result.title == nil, let t = walker.title.map(Self.collapsed), !t.isEmpty { result.title = t }
        for name in rules.dateMeta {
            if let raw = walker.meta[name], let d = Self.day(raw) {
                (result.date, result.dateSource) = (d, "meta \(name)")
                break
            }
        }
        if result.date == nil, let raw = walker.timeDatetime, let d = Self.day(raw) {
            (result.date, result.dateSource) = (d, "time datetime")
        }
        if result.date == nil {
            for json in walker.jsonLD {
                if let raw = Self.datePublished(in: json), let d = Self.day(raw) {
                    (result.date, result.dateSource) = (d, "JSON-LD datePublished")
                    break
                }
            }
        }
        return result
    }

    /// The day at the start of an ISO 8601 value: `2024-05-26`, `2024-05-26T10:00:00+08:00`, `2024/05/26`.
    static func day(_ raw: String) -> CivilDate? {
        let s = raw.trimmingCharacters(in: .whitespaces)
        guard s.utf8.count >= 10 else { return nil }
        return CivilDate(String(s.prefix(10)).replacingOccurrences(of: "/", with: "-"))
    }

    /// The first `datePublished` in a JSON-LD block (objects, arrays and `@graph` alike).
    static func datePublished(in json: String) -> String? {
        guard let data = json.data(using: .utf8),
            let value = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        else { return nil }
        func search(_ v: Any) -> String? {
            if let object = v as? [String: Any] {
                if let d = object["datePublished"] as? String { return d }
                for key in object.keys.sorted() {
                    if let found = object[key].flatMap(search) { return found }
                }
            } else if let array = v as? [Any] {
                for item in array {
                    if let found = search(item) { return found }
                }
            }
            return nil
        }
        return search(value)
    }

    static func collapsed(_ s: String) -> String {
        s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Walks the tree once, writing kept text and collecting metadata.
    struct Walker {
        let rules: ConversionRules
        var output = TextBuilder()
        var meta: [String: String] = [:]
        var title: String?
        var timeDatetime: String?
        var jsonLD: [String] = []
        var preformatted = 0

        init(rules: ConversionRules) { self.rules = rules }

        mutating func visit(_ node: xmlNodePtr, insideArticle: Bool) {
            switch node.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = node.pointee.content {
                    output.append(String(cString: content), preformatted: preformatted > 0)
                }
            case XML_ELEMENT_NODE:
                element(node, insideArticle: insideArticle)
            default:
                // Comments, processing instructions, DTD nodes: no text of the article.
                break
            }
        }

        mutating func element(_ node: xmlNodePtr, insideArticle: Bool) {
            let name = Self.name(node)
            switch name {
            case "meta":
                if let content = Self.attribute(node, "content") {
                    for key in ["property", "name", "itemprop"] {
                        if let k = Self.attribute(node, key)?.lowercased(), meta[k] == nil { meta[k] = content }
                    }
                }
                return
            case "title" where title == nil:
                title = Self.textContent(node)
                return
            case "script":
                if Self.attribute(node, "type")?.lowercased() == "application/ld+json" {
                    jsonLD.append(Self.textContent(node))
                }
                return
            default: break
            }
            if name == "head" {
                // Only metadata from the head; its text is no part of the article.
                var child = node.pointee.children
                while let c = child {
                    if c.pointee.type == XML_ELEMENT_NODE { element(c, insideArticle: insideArticle) }
                    child = c.pointee.next
                }
                return
            }
            if isDropped(node, name: name, insideArticle: insideArticle) { return }
            if name == "time", timeDatetime == nil, let dt = Self.attribute(node, "datetime") {
                timeDatetime = dt
            }
            let inside = insideArticle || rules.articleElements.contains(name)
            let breakAfter = rules.blockElements.contains(name) ? 2 : rules.lineElements.contains(name) ? 1 : 0
            if breakAfter > 0 { output.breakLine(breakAfter) }
            if name == "pre" { preformatted += 1 }
            var child = node.pointee.children
            while let c = child {
                visit(c, insideArticle: inside)
                child = c.pointee.next
            }
            if name == "pre" { preformatted -= 1 }
            if breakAfter > 0 { output.breakLine(breakAfter) }
        }

        func isDropped(_ node: xmlNodePtr, name: String, insideArticle: Bool) -> Bool {
            if rules.dropElements.contains(name) { return true }
            if rules.pageElements.contains(name) && !insideArticle { return true }
            if Self.attribute(node, "hidden") != nil || Self.attribute(node, "aria-hidden") == "true" { return true }
            var marked = false
            if let role = Self.attribute(node, "role")?.lowercased(), rules.dropRoles.contains(role) { marked = true }
            if !marked {
                for key in ["class", "id"] {
                    guard let value = Self.attribute(node, key)?.lowercased() else { continue }
                    let parts = value.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "_" || $0 == "\t" })
                    if parts.contains(where: { rules.dropTokens.contains(String($0)) }) {
                        marked = true
                        break
                    }
                }
            }
            // A marker on a wrapper that holds the article (`<div class="has-comments">`) must not drop it.
            return marked && !holdsArticle(node)
        }

        func holdsArticle(_ node: xmlNodePtr) -> Bool {
            var child = node.pointee.children
            while let c = child {
                if c.pointee.type == XML_ELEMENT_NODE {
                    if rules.articleElements.contains(Self.name(c)) || holdsArticle(c) { return true }
                }
                child = c.pointee.next
            }
            return false
        }

        static func name(_ node: xmlNodePtr) -> String {
            node.pointee.name.map { String(cString: $0).lowercased() } ?? ""
        }

        /// An attribute's value, read from the tree (nothing to free).
        static func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
            var attr = node.pointee.properties
            while let a = attr {
                if let n = a.pointee.name, String(cString: n).lowercased() == name {
                    var value = ""
                    var child = a.pointee.children
                    while let c = child {
                        if let content = c.pointee.content { value += String(cString: content) }
                        child = c.pointee.next
                    }
                    return value
                }
                attr = a.pointee.next
            }
            return nil
        }

        static func textContent(_ node: xmlNodePtr) -> String {
            var s = ""
            var child = node.pointee.children
            while let c = child {
                if let content = c.pointee.content,
                    c.pointee.type == XML_TEXT_NODE || c.pointee.type == XML_CDATA_SECTION_NODE
                {
                    s += String(cString: content)
                } else if c.pointee.type == XML_ELEMENT_NODE {
                    s += textContent(c)
                }
                child = c.pointee.next
            }
            return s
        }
    }
}

/// Writes text with HTML's white-space rules: runs of white space are one space, and line breaks
/// come only from the structure (at most one blank line in a row).
struct TextBuilder {
    private(set) var text = ""
    private var pendingSpace = false
    private var pendingBreaks = 0

    mutating func breakLine(_ count: Int) {
        pendingBreaks = max(pendingBreaks, count)
        pendingSpace = false
    }

    mutating func append(_ s: String, preformatted: Bool) {
        for c in s.unicodeScalars {
            if preformatted && c == "\n" {
                breakLine(1)
                flushBreaks()
                continue
            }
            if preformatted && (c == " " || c == "\t") {
                flushBreaks()
                text.unicodeScalars.append(" ")
                continue
            }
            if c.properties.isWhitespace || c == "\u{00A0}" {
                if !text.isEmpty && pendingBreaks == 0 { pendingSpace = true }
                continue
            }
            flushBreaks()
            if pendingSpace {
                text.unicodeScalars.append(" ")
                pendingSpace = false
            }
            text.unicodeScalars.append(c)
        }
    }

    private mutating func flushBreaks() {
        if pendingBreaks > 0 && !text.isEmpty {
            text += String(repeating: "\n", count: pendingBreaks)
        }
        pendingBreaks = 0
    }
}
