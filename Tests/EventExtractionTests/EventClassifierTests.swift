import Testing
import TimelineCore

@testable import EventExtraction

@Suite struct EventClassifierTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let sentence: String
        let expected: [String]  // "type date"
        var testDescription: String { sentence }
    }

    /// Sentences written for these tests in the style of the articles; document date 2024-05-26.
    @Test(arguments: [
        Case(
            sentence: "The Harbin Municipal Party Committee held a meeting on 3 June 2023 to review border trade.",
            expected: ["meeting 2023-06-03"]
        ),
        Case(sentence: "A trade delegation from Primorye visited Hunchun in late March.", expected: ["visit 2024-03"]),
        Case(
            sentence: "On 12 October 2022, the State Council approved the Jilin corridor plan.",
            expected: ["approval 2022-10-12"]
        ),
        Case(
            sentence: "The two sides signed a memorandum on port logistics in Vladivostok on 5 September 2023.",
            expected: ["agreement 2023-09-05"]
        ),
        Case(
            sentence: "The Tumen River freight terminal was put into operation in November 2021.",
            expected: ["launch 2021-11"]
        ),
        Case(
            sentence: "In 2016, the governor proposed a new free trade zone for Suifenhe.",
            expected: ["announcement 2016"]
        ),
        Case(sentence: "By 2030, all ports in Liaoning are to be linked by rail.", expected: ["deadline 2030"]),
        Case(sentence: "A July 1 deadline looms for the customs reform.", expected: ["deadline 2024-07-01"]),
        Case(
            sentence: "In March 2019, the provincial government issued a notice on cross-border e-commerce.",
            expected: ["approval 2019-03"]
        ),
        Case(sentence: "The 2014 Heilongjiang border plan set out new corridors.", expected: ["approval 2014"]),
        Case(
            sentence: "The governor toured Heihe last week and met local exporters.",
            expected: ["visit 2024-W20", "meeting 2024-W20"]
        ),
        Case(sentence: "Xinhua reported that the forum took place on Thursday.", expected: ["meeting 2024-05-23"]),
        Case(
            sentence: "The Rason office opened on 4 April and a cooperation agreement was signed on 9 May.",
            expected: ["launch 2024-04-04", "agreement 2024-05-09"]
        ),
        // Not events.
        Case(sentence: "Trade with Russia fell 9 percent in 2019.", expected: []),
        Case(sentence: "The 2021–2035 plan for Jilin calls for new bridges.", expected: []),
        Case(sentence: "A total of 4,250 firms were established in 2023.", expected: []),
        Case(sentence: "The zone has been open since 2015.", expected: []),
        Case(sentence: "By early 2022, exporters had opened offices in 40 cities.", expected: []),
        Case(sentence: "In 2020 the council decided to establish a new zone.", expected: ["approval 2020"]),
        Case(sentence: "New parks should be established in 2026 under the scheme.", expected: []),
        Case(sentence: "The delegation arrived in Dandong; talks are expected in 2025.", expected: ["meeting 2025"]),
        Case(sentence: "Since the 1990s, officials have visited the border often.", expected: []),
    ])
    func classify(_ c: Case) {
        let found = TestSupport.events(c.sentence).map { "\($0.type.rawValue) \($0.date)" }
        #expect(found == c.expected)
    }

    /// Boilerplate, credits and reference sections hold no events.
    @Test func nonBodyLinesHaveNoEvents() {
        let text = """
            Rail Ties Deepen

            The Blagoveshchensk bridge opened on 10 June 2022.

            Photo: the bridge opened on 10 June 2022, via Xinhua.

            Some more body text comes here so that the references start later in the text than the first third.
            And one more line of body text to make the references section start well after the opening.

            References

            1. Smith J. The bridge was opened on 10 June 2022. Journal, 2023.
            """
        let events = TestSupport.events(text)
        #expect(events.map { "\($0.type.rawValue) \($0.date)" } == ["launch 2022-06-10"])
    }

    /// Two mentions of one happening: the more precise date is kept.
    @Test func samehappeningKeepsPreciseDate() {
        let text = "The plan was issued by the State Council in 2017. In May 2017, the plan was issued."
        #expect(TestSupport.events(text).map { "\($0.type.rawValue) \($0.date)" } == ["approval 2017-05"])
    }

    @Test func placesAndOrganizationsAreNormalised() {
        let e = TestSupport.events(
            "On 2 March 2021, the Heilongjiang Province government and the DPRK signed an agreement with the NDRC."
        )
        #expect(e.first?.places == ["Heilongjiang", "North Korea"])
        #expect(e.first?.organizations == ["NDRC"])
        #expect(e.first?.evidence.hasPrefix("On 2 March 2021, the Heilongjiang") == true)
        #expect(e.first?.sentenceStart == 0)
    }
}
