import Testing

@testable import EventExtraction

@Suite struct SentenceSplitterTests {
    static func sentences(_ s: String) -> [String] {
        let scalars = Array(s.unicodeScalars)
        let splitter = Extractor(resources: TestSupport.resources).splitter
        return splitter.split(scalars, 0..<scalars.count).map { r in
            var out = ""
            out.unicodeScalars.append(contentsOf: scalars[r])
            return out
        }
    }

    @Test(arguments: [
        (
            "Dr. Kim met the U.S. envoy on Sept. 10. Talks followed.",
            ["Dr. Kim met the U.S. envoy on Sept. 10.", "Talks followed."]
        ),
        (
            "The office is at 12 Lenin Str. in Khabarovsk. It opened.",
            ["The office is at 12 Lenin Str. in Khabarovsk.", "It opened."]
        ),
        ("A study by V. L. Petrov appeared. It was cited.", ["A study by V. L. Petrov appeared.", "It was cited."]),
        ("He said: “We agree.” Then he left.", ["He said: “We agree.”", "Then he left."]),
        (
            "Polls shut at 8 p.m. Sunday in Heihe. Counting began.",
            ["Polls shut at 8 p.m. Sunday in Heihe.", "Counting began."]
        ),
        ("The ferry left at 6 a.m. The crew slept.", ["The ferry left at 6 a.m.", "The crew slept."]),
        ("会议召开了。双方签署了协议！", ["会议召开了。", "双方签署了协议！"]),
        ("Border Trade Booms\n\nThe port reopened in May.", ["Border Trade Booms", "The port reopened in May."]),
        ("Key points\n- a new bridge\n- a rail link", ["Key points", "- a new bridge", "- a rail link"]),
        (
            "The plan was approved by the provincial\ngovernment in 2022.",
            ["The plan was approved by the provincial\ngovernment in 2022."]
        ),
        ("Imports from Mongolia in-\n\ncreased again.", ["Imports from Mongolia in-\n\ncreased again."]),
        ("Resolution No. 12 passed. Was it enough? Yes.", ["Resolution No. 12 passed.", "Was it enough?", "Yes."]),
        ("1. Ivanov I.I. A study. Moscow, 2020.", ["1. Ivanov I.I. A study.", "Moscow, 2020."]),
    ])
    func split(_ input: String, _ expected: [String]) {
        #expect(Self.sentences(input) == expected)
    }
}
