import Foundation
import Testing
import TimelineCore

@testable import TimelineExport

@Suite struct HTMLTimelinePageTests {
    let page = HTMLTimelinePage(title: "T <&>", generated: Date(timeIntervalSince1970: 1_700_000_000))

    @Test func escapesEveryText() {
        let e = Fixtures.event(
            evidence: "<script>alert('x')</script> & \"quotes\"",
            path: "/drop/<b>.txt",
            title: "</title><img src=x onerror=alert(1)>",
            places: ["Dan\"dong"],
            organizations: ["<Org>"]
        )
        let html = page.render([e])
        #expect(!html.contains("<script>alert"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<b>.txt"))
        #expect(!html.contains("<Org>"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;"))
        #expect(html.contains("data-places=\"|Dan&quot;dong|\""))
        #expect(html.contains("<title>T &lt;&amp;&gt;</title>"))
        // One script element only: the page's own.
        #expect(html.components(separatedBy: "<script>").count == 2)
    }

    @Test func groupsByYearAndMonthInOrder() {
        let events = [
            Fixtures.event(id: "c", type: .meeting, date: "2024-05-02"),
            Fixtures.event(id: "a", type: .visit, date: "2023-11"),
            Fixtures.event(id: "b", type: .deadline, date: "2024-05-01"),
            Fixtures.event(id: "d", type: .launch, date: "2024-Q3"),
            Fixtures.event(id: "e", type: .approval, date: "2024-08-09"),
        ]
        let html = page.render(events)
        let years = html.components(separatedBy: "<section class=\"year\"").count - 1
        let months = html.components(separatedBy: "<section class=\"month").count - 1
        #expect(years == 2)
        #expect(months == 4)  // 2023-11; 2024 over several months (Q3), 2024-05, 2024-08
        let order = ["November 2023", "2024, over several months", "May 2024", "August 2024"].map {
            html.range(of: $0)!.lowerBound
        }
        #expect(order == order.sorted())
        #expect(
            html.range(of: "data-type=\"deadline\"")!.lowerBound < html.range(of: "data-type=\"meeting\"")!.lowerBound
        )
        #expect(html.contains("<time datetime=\"2024-05-01\">1 May</time>"))
        #expect(html.contains("<time datetime=\"2024-07-01\">2024-Q3</time>"))
        // A filter chip for each type present, none for the others.
        #expect(html.contains("value=\"launch\""))
        #expect(!html.contains("value=\"agreement\""))
    }

    @Test func selfContained() {
        let html = page.render([Fixtures.event()])
        #expect(!html.contains("http://"))
        #expect(!html.contains("https://"))
        #expect(!html.contains("src="))
        #expect(html.contains("Content-Security-Policy"))
    }

    @Test func emptyTimeline() {
        #expect(page.render([]).contains("No events."))
    }
}
