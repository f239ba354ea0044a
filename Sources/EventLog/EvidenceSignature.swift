/// Which pairs of adjacent bytes an evidence sentence holds, as 256 bits,
/// ASCII letters folded to lower case.
///
/// A word occurs in a sentence only if every pair of adjacent bytes in the
/// word occurs in it, so a query rejects most sentences by comparing four
/// words of memory instead of searching the text. It is a filter only: the
/// sentence is still searched when its signature passes.
struct EvidenceSignature: Sendable, Hashable {
    private var a: UInt64 = 0
    private var b: UInt64 = 0
    private var c: UInt64 = 0
    private var d: UInt64 = 0

    /// Passes everything.
    static let empty = EvidenceSignature()

    private init() {}

    /// The pairs in `text`.
    ///
    /// - Complexity: O(n) in its UTF-8 length.
    init(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            guard var previous = bytes.first.map(Self.fold) else { return }
            for byte in bytes.dropFirst() {
                let next = Self.fold(byte)
                insert(previous, next)
                previous = next
            }
        }
    }

    /// The pairs every sentence holding all of `words` must hold (lower-case ASCII words).
    init(words: [[UInt8]]) {
        for w in words where w.count >= 2 {
            for k in 1..<w.count { insert(w[k - 1], w[k]) }
        }
    }

    /// True when every pair of `required` is here.
    @inline(__always) func contains(_ required: EvidenceSignature) -> Bool {
        (a & required.a) == required.a && (b & required.b) == required.b && (c & required.c) == required.c
            && (d & required.d) == required.d
    }

    private mutating func insert(_ x: UInt8, _ y: UInt8) {
        let h = (UInt32(x) &* 0x9E37_79B1 ^ UInt32(y) &* 0x85EB_CA77) >> 24
        let bit = UInt64(1) << (h & 63)
        switch h >> 6 {
        case 0: a |= bit
        case 1: b |= bit
        case 2: c |= bit
        default: d |= bit
        }
    }

    @inline(__always) static func fold(_ c: UInt8) -> UInt8 { c &- 65 < 26 ? c | 0x20 : c }
}
