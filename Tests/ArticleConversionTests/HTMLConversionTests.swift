import Foundation
import Testing
import TimelineCore

@testable import ArticleConversion

@Suite struct HTMLConversionTests {
    func convert(_ html: String, name: String = "page.html") throws -> ConvertedArticle {
        try Fixtures.converter().convert(Array(html.utf8), fileName: name)
    }

    @Test func pageFurnitureGoesAndTheArticleStays() throws {
        let converted = try Fixtures.converter().convert(
            try Fixtures.bytes("nav-cookie.html"),
            fileName: "nav-cookie.html"
        )
        let text = converted.article.text
        #expect(converted.format == .html && converted.encoding == "UTF-8")
        #expect(text.hasPrefix("Dandong hosts trade fair\n\nBy Staff Reporter · 19 April 2024\n\n"), "\(text)")
        #expect(
            text.contains(
                "The Dandong City Party Committee held a meeting on April 17 to prepare the China–DPRK trade fair."
            )
        )
        // <br> is a line break; list items and table cells are lines of their own.
        #expect(text.contains("open on 28 October 2024.\nExhibitors must register by September 30."))
        #expect(text.contains("First item without a full stop\nSecond item"))
        #expect(text.contains("Cell one\nCell two"))
        // Cookie banner, navigation, search form, breadcrumb, sidebar, comments, footer, noscript, HTML comment.
        for gone in [
            "cookies", "Got it", "Section 1", "Search", "Home ›", "Most read", "Commenter", "Newsletter",
            "Enable JavaScript", "commented-out", "Border Daily\n",
        ] {
            #expect(!text.contains(gone), "'\(gone)' should be dropped: \(text)")
        }
        #expect(converted.article.title == "Dandong hosts trade fair – Border Daily")
        // No date meta tag: the article's <time datetime> (before JSON-LD).
        #expect(converted.article.documentDate == CivilDate("2024-04-19"))
        #expect(converted.dateSource == "time datetime")
    }

    @Test func documentDateFromMetaThenTimeThenJSONLD() throws {
        let meta = try convert(
            """
            <html><head><meta name="date" content="2021-02-03"><meta property="article:published_time"
            content="2024-05-26T08:30:00+00:00"></head><body><p><time datetime="2020-01-01">x</time> text</p></body></html>
            """
        )
        #expect(meta.article.documentDate == CivilDate("2024-05-26"))
        #expect(meta.dateSource == "meta article:published_time")
        let jsonLD = try convert(
            """
            <html><head><script type="application/ld+json">[{"@type":"NewsArticle","author":{"name":"A"},
            "datePublished":"2019/11/25 10:00"}]</script></head><body><p>Text.</p></body></html>
            """
        )
        #expect(jsonLD.article.documentDate == CivilDate("2019-11-25"))
        #expect(jsonLD.dateSource == "JSON-LD datePublished")
        let none = try convert("<p>Only text, dated 4 May 2024.</p>")
        #expect(none.article.documentDate == nil && none.dateSource == nil)
    }

    @Test func titleFromOpenGraphBeforeTitleElement() throws {
        let page = try convert(
            "<html><head><title>Site | Headline</title><meta property=\"og:title\" content=\"Headline\"></head><body><p>Body.</p></body></html>"
        )
        #expect(page.article.title == "Headline")
        #expect(page.article.text == "Body.")
    }

    @Test func entitiesBlocksAndWhitespace() throws {
        let page = try convert(
            """
            <div>Caf&eacute; &amp; &#8220;bar&#8221;&nbsp;on <b>5&nbsp;May</b>
              2024</div><h2>Heading</h2><p>One
            two</p><pre>keep
              this</pre>
            """
        )
        #expect(
            page.article.text == "Café & “bar” on 5 May 2024\n\nHeading\n\nOne two\n\nkeep\n  this",
            "\(page.article.text)"
        )
    }

    @Test func markersNeverDropTheArticleItself() throws {
        let page = try convert(
            """
            <body><div class="page has-comments"><header><nav>Menu</nav>Site</header>
            <article><header><h1>Title here</h1><p class="byline">By A. Writer</p></header><p>Body text.</p>
            <footer>Filed under: trade</footer></article>
            <div class="comment-list">A comment.</div><div hidden>Hidden.</div><div aria-hidden="true">Aria.</div>
            <footer>Site footer</footer></div></body>
            """
        )
        #expect(
            page.article.text == "Title here\n\nBy A. Writer\n\nBody text.\n\nFiled under: trade",
            "\(page.article.text)"
        )
    }

    @Test func brokenMarkupIsRecoveredAndNothingIsFetched() throws {
        let page = try convert(
            """
            <!DOCTYPE html SYSTEM "http://127.0.0.1:9/never.dtd"><p>Unclosed <b>bold <i>both</p><p>Next &unknown; para
            <img src="http://127.0.0.1:9/x.png"><script>alert(1)</script>
            """
        )
        #expect(page.article.text == "Unclosed bold both\n\nNext &unknown; para", "\(page.article.text)")
        let empty = #expect(throws: ConversionError.self) {
            try convert("<html><head><title>T</title></head><body><nav>Menu</nav> </body></html>")
        }
        #expect(empty?.description == "page.html: no article text in the page (all of it was markup or page furniture)")
    }

    /// The dev articles as saved pages: the text is the article's lines, one paragraph each, and nothing else.
    @Test(.enabled(if: Fixtures.devDocsPresent, "needs ../shared/eval/dev/docs"), arguments: Fixtures.devStems)
    func devPageReadsAsTheArticle(_ stem: String) throws {
        let converted = try Fixtures.converter().convert(
            try Fixtures.bytes("dev/\(stem).html"),
            fileName: "\(stem).html"
        )
        let plain = try String(contentsOf: Fixtures.devDocs.appendingPathComponent("\(stem).txt"), encoding: .utf8)
        // HTML folds runs of white space into one space.
        let lines = plain.split(separator: "\n").map { HTMLConverter.collapsed(String($0)) }.filter { !$0.isEmpty }
        let paragraphs = converted.article.text.components(separatedBy: "\n\n")
        #expect(paragraphs == lines)
        #expect(converted.article.title == lines[0])
        #expect(converted.dateSource == "meta article:published_time")
    }
}
