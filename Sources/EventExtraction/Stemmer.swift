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
        // Works on UTF-8 bytes: the suffixes are ASCII, and a multi-byte letter is never part of
        // one; lengths are counted in code points as before.
        var w = Array(lower.utf8)
        var length = 0
        for b in w where b & 0xC0 != 0x80 { length += 1 }
        func ends(_ x: StaticString) -> Bool {
            let n = x.utf8CodeUnitCount
            guard w.count >= n else { return false }
            let p = x.utf8Start
            for k in 0..<n where w[w.count - n + k] != p[k] { return false }
            return true
        }
        func removeLast(_ n: Int) {
            w.removeLast(n)
            length -= n
        }
        func undouble() {
            if length >= 3, let a = w.last, a < 0x80, a == w[w.count - 2], !"lsfzaeiou".utf8.contains(a) {
                removeLast(1)
            }
        }
        if length > 4, ends("ies") || ends("ied") {
            removeLast(3)
            w.append(UInt8(ascii: "y"))
            length += 1
        } else if length > 5, ends("ing") {
            removeLast(3)
            undouble()
        } else if length > 4, ends("ed") {
            removeLast(2)
            undouble()
        } else if length > 4, ends("sses") || ends("shes") || ends("ches") || ends("xes") {
            removeLast(2)
        } else if length > 3, ends("s"), !ends("ss"), !ends("us"), !ends("is") {
            removeLast(1)
        }
        if length > 3, w.last == UInt8(ascii: "e") { removeLast(1) }
        return String(decoding: w, as: UTF8.self)
    }
}
