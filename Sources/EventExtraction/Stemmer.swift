/// A small suffix stripper for matching trigger words: `approved`, `approves`,
/// `approving` and `approve` all become `approv`. It is not a linguistic stemmer;
/// irregular forms (`met`) are listed in the trigger file instead.
enum Stemmer {
    static func stem(_ lower: String) -> String {
        // Every rule below removes a suffix ending in `s`, `d`, `g` or `e`: any other word is its own
        // stem, returned without copying its bytes (most words of a sentence).
        switch lower.utf8.last {
        case UInt8(ascii: "s"), UInt8(ascii: "d"), UInt8(ascii: "g"), UInt8(ascii: "e"): break
        default: return lower
        }
        var word = lower
        return word.withUTF8 { stem(bytes: $0) } ?? lower
    }

    /// The stem of the UTF-8 `w`, or `nil` when it is `w` itself. Works on the bytes, with no copy:
    /// the suffixes are ASCII, and a multi-byte letter is never part of one; lengths are counted
    /// in code points.
    private static func stem(bytes w: UnsafeBufferPointer<UInt8>) -> String? {
        // The stem is w[0..<n] (for "ies" and "ied", w[0..<(n - 3)] and "y").
        var n = w.count
        var length = 0
        for b in w where b & 0xC0 != 0x80 { length += 1 }
        /// The byte `i` places from the end (1: the last), or 0 before the start.
        @inline(__always) func at(_ i: Int) -> UInt8 { n >= i ? w[n - i] : 0 }
        @inline(__always) func ends(_ x: StaticString) -> Bool {
            let k = x.utf8CodeUnitCount
            let p = x.utf8Start
            for i in 0..<k where at(k - i) != p[i] { return false }
            return true
        }
        func removeLast(_ k: Int) {
            n -= k
            length -= k
        }
        func undouble() {
            if length >= 3, w[n - 1] < 0x80, w[n - 1] == w[n - 2], !"lsfzaeiou".utf8.contains(w[n - 1]) {
                removeLast(1)
            }
        }
        if length > 4, ends("ies") || ends("ied") {
            // The stem ends in "y", so no final "e" comes off.
            return String(decoding: UnsafeBufferPointer(rebasing: w[0..<(n - 3)]), as: UTF8.self) + "y"
        } else if length > 5, ends("ing") {
            removeLast(3)
            undouble()
        } else if length > 4, ends("eed") {
            removeLast(1)  // "agreed" is "agree" + "d", as "agree" and "agrees" are one stem
        } else if length > 4, ends("ed") {
            removeLast(2)
            undouble()
        } else if length > 4, ends("sses") || ends("shes") || ends("ches") || ends("xes") {
            removeLast(2)
        } else if length > 3, ends("s"), !ends("ss"), !ends("us"), !ends("is") {
            removeLast(1)
        }
        if length > 3, n > 0, w[n - 1] == UInt8(ascii: "e") { removeLast(1) }
        return n == w.count ? nil : String(decoding: UnsafeBufferPointer(rebasing: w[0..<n]), as: UTF8.self)
    }
}
