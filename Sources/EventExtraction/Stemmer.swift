/// A small suffix stripper for matching trigger words: `approved`, `approves`,
/// `approving` and `approve` all become `approv`. It is not a linguistic stemmer;
/// irregular forms (`met`) are listed in the trigger file instead.
enum Stemmer {
    static func stem(_ lower: String) -> String {
        var w = Array(lower.unicodeScalars)
        func ends(_ s: String) -> Bool {
            let x = Array(s.unicodeScalars)
            return w.count >= x.count && Array(w[(w.count - x.count)...]) == x
        }
        func undouble() {
            if w.count >= 3, w[w.count - 1] == w[w.count - 2], !"lsfz".unicodeScalars.contains(w[w.count - 1]),
                !"aeiou".unicodeScalars.contains(w[w.count - 1])
            {
                w.removeLast()
            }
        }
        if w.count > 4, ends("ies") || ends("ied") {
            w.removeLast(3)
            w.append("y")
        } else if w.count > 5, ends("ing") {
            w.removeLast(3)
            undouble()
        } else if w.count > 4, ends("ed") {
            w.removeLast(2)
            undouble()
        } else if w.count > 4, ends("sses") || ends("shes") || ends("ches") || ends("xes") {
            w.removeLast(2)
        } else if w.count > 3, ends("s"), !ends("ss"), !ends("us"), !ends("is") {
            w.removeLast()
        }
        if w.count > 3, w.last == "e" { w.removeLast() }
        var out = ""
        out.unicodeScalars.append(contentsOf: w)
        return out
    }
}
