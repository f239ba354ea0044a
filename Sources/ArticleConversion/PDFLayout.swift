import CLibXML2

/// Reads `pdftotext -bbox-layout` output (XHTML with a box for every page, block and line) and
/// puts each page's blocks in reading order.
///
/// pdftotext's own order interleaves the columns of a two-column page when paragraphs of the two
/// columns start at different heights, so the order is made here from the boxes: blocks that
/// span the middle of the page cut it into bands, and within a band the left column is read top to
/// bottom before the right one.
enum PDFLayout {
    struct Box {
        var xMin = 0.0
        var yMin = 0.0
        var xMax = 0.0
        var yMax = 0.0
    }

    struct Block {
        var box: Box
        var lines: [String]
    }

    struct Page {
        var width: Double
        var blocks: [Block]
    }

    /// A block this close to the middle (in points) still counts as one column's.
    static let middleTolerance = 6.0

    /// Pages of lines in reading order, with an empty line between blocks.
    static func pages(fromBBoxXHTML xhtml: [UInt8]) -> [[String]] {
        parse(xhtml).map { page in
            var lines: [String] = []
            for block in ordered(page) {
                if !lines.isEmpty { lines.append("") }
                lines += block.lines
            }
            return lines
        }
    }

    static func ordered(_ page: Page) -> [Block] {
        let middle = page.width / 2
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
            if block.box.xMax <= middle + middleTolerance {
                left.append(block)
            } else if block.box.xMin >= middle - middleTolerance {
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
        let options = HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
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
                                block.lines.append(words(l))
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
