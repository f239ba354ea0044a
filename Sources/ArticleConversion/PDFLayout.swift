import CLibXML2

/// Reads `pdftotext -bbox-layout` output (XHTML with a box for every page, block and line) and
/// puts each page's blocks in reading order.
///
/// pdftotext's own order interleaves the columns of a two-column page when paragraphs of the two
/// columns start at different heights, so the order is made here from the boxes: blocks that
/// span the middle of the page cut it into bands, and within a band the left column is read top to
/// bottom before the right one. A block that crosses the middle (a title, a centred page
/// number) spans the page.
enum PDFLayout {
    struct Box {
        var xMin = 0.0
        var yMin = 0.0
        var xMax = 0.0
        var yMax = 0.0
    }

    struct Line {
        var text: String
        var top: Double
    }

    struct Block {
        var box: Box
        var lines: [Line]
    }

    /// A gap between two lines of a block this much larger than the block's usual line pitch
    /// separates paragraphs (pdftotext puts spaced paragraphs in one block).
    static let paragraphGap = 1.25

    struct Page {
        var width: Double
        var blocks: [Block]
    }

    /// Pages of lines in reading order, with an empty line between blocks and where a wider gap
    /// between lines shows a paragraph break.
    static func pages(fromBBoxXHTML xhtml: [UInt8]) -> [[String]] {
        parse(xhtml).map { page in
            var lines: [String] = []
            for block in ordered(page) {
                if !lines.isEmpty { lines.append("") }
                let pitches = zip(block.lines.dropFirst(), block.lines).map { $0.top - $1.top }.sorted()
                let usual = pitches.isEmpty ? 0 : pitches[pitches.count / 2]
                for (k, line) in block.lines.enumerated() {
                    if k > 0, usual > 0, line.top - block.lines[k - 1].top > usual * paragraphGap { lines.append("") }
                    lines.append(line.text)
                }
            }
            return lines
        }
    }

    /// A page is read as two columns only when blocks wholly left and wholly right of the
    /// middle each hold at least this share of its lines, and `columnLines`; otherwise
    /// pdftotext's order stands (a bold word or a number in a block of its own must not be moved).
    static let columnShare = 0.1
    static let columnLines = 5

    static func ordered(_ page: Page) -> [Block] {
        let middle = page.width / 2
        let total = page.blocks.reduce(0) { $0 + $1.lines.count }
        let leftLines = page.blocks.filter { $0.box.xMax < middle }.reduce(0) { $0 + $1.lines.count }
        let rightLines = page.blocks.filter { $0.box.xMin > middle }.reduce(0) { $0 + $1.lines.count }
        let smaller = min(leftLines, rightLines)
        guard smaller >= columnLines, Double(smaller) >= Double(total) * columnShare else { return page.blocks }
        let sorted = page.blocks.enumerated().sorted {
            ($0.element.box.yMin, $0.offset) < ($1.element.box.yMin, $1.offset)
        }.map(\.element)
        var result: [Block] = []
        var left: [Block] = []
        var right: [Block] = []
        func flush() {
            result += left + right
            left = []
            right = []
        }
        for block in sorted {
            if block.box.xMax < middle {
                left.append(block)
            } else if block.box.xMin > middle {
                right.append(block)
            } else {
                flush()
                result.append(block)
            }
        }
        flush()
        return result
    }

    static func parse(_ xhtml: [UInt8]) -> [Page] {
        let options =
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue
        guard !xhtml.isEmpty else { return [] }
        let doc = xhtml.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                htmlReadMemory($0.baseAddress, Int32($0.count), nil, "UTF-8", Int32(bitPattern: options))
            }
        }
        guard let doc else { return [] }
        defer { xmlFreeDoc(doc) }
        var pages: [Page] = []
        func walk(_ node: xmlNodePtr?) {
            var n = node
            while let current = n {
                if current.pointee.type == XML_ELEMENT_NODE {
                    switch HTMLConverter.Walker.name(current) {
                    case "page":
                        pages.append(Page(width: number(current, "width"), blocks: []))
                        walk(current.pointee.children)
                    case "block":
                        var block = Block(box: box(current), lines: [])
                        var line = current.pointee.children
                        while let l = line {
                            if l.pointee.type == XML_ELEMENT_NODE, HTMLConverter.Walker.name(l) == "line" {
                                block.lines.append(Line(text: words(l), top: number(l, "ymin")))
                            }
                            line = l.pointee.next
                        }
                        if !pages.isEmpty { pages[pages.count - 1].blocks.append(block) }
                    default:
                        walk(current.pointee.children)
                    }
                }
                n = current.pointee.next
            }
        }
        walk(doc.pointee.children)
        return pages
    }

    static func words(_ line: xmlNodePtr) -> String {
        var words: [String] = []
        var w = line.pointee.children
        while let word = w {
            if word.pointee.type == XML_ELEMENT_NODE {
                words.append(HTMLConverter.Walker.textContent(word))
            }
            w = word.pointee.next
        }
        return words.joined(separator: " ")
    }

    static func box(_ node: xmlNodePtr) -> Box {
        Box(
            xMin: number(node, "xmin"),
            yMin: number(node, "ymin"),
            xMax: number(node, "xmax"),
            yMax: number(node, "ymax")
        )
    }

    static func number(_ node: xmlNodePtr, _ name: String) -> Double {
        HTMLConverter.Walker.attribute(node, name).flatMap(Double.init) ?? 0
    }
}
