import Testing
import TimelineCore

@testable import TimelineExport

@Suite struct CSVWriterTests {
    @Test(arguments: [
        ("plain", "plain"),
        ("a,b", "\"a,b\""),
        ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("two\nlines", "\"two\nlines\""),
        ("cr\rhere", "\"cr\rhere\""),
        ("", ""),
        ("中文，逗号", "中文，逗号"),
    ])
    func quoting(field: String, expected: String) {
        #expect(CSVWriter.field(field) == expected)
    }

    @Test func rowHasEveryColumnAndCRLF() {
        let e = Fixtures.event(
            evidence: "Signed, sealed \"and\" delivered",
            places: ["Dandong", "Liaoning"],
            organizations: ["Party Committee"]
        )
        let row = CSVWriter.row(e)
        #expect(row.hasSuffix("\r\n"))
        #expect(
            row
                == "abc123-1,deadline,2024-04-17,2024-04-17,2024-04-17,Dandong; Liaoning,Party Committee,\"Signed, sealed \"\"and\"\" delivered\",/drop/a.txt,A title,\(e.source.document)\r\n"
        )
        #expect(CSVWriter.header.hasPrefix("id,type,date,start,end,"))
        #expect(CSVWriter.header.split(separator: ",").count == CSVWriter.columns.count)
    }
}
