import Foundation
import Testing

@testable import TimelineProtocol

/// The quick request reader against `JSONDecoder`: same value, or it steps aside.
@Suite struct CommonJSONParserTests {
    @Test(arguments: [
        #"{"jsonrpc":"2.0","id":7,"method":"query","params":{"from":"2024-04","limit":5,"types":["meeting"]}}"#,
        #" { "a" : [ 1 , -2 , 0 , true , false , null , "x" , [] , {} ] } "#,
        #"{"id":999999999999999999,"n":-999999999999999999}"#,
        #"{"s":"丹东 Даньдун 🇨🇳"}"#, "[]", "{}", "0", "\"plain\"", "true", "null",
        // Left to JSONDecoder: escapes, fractions, exponents, large or negative-zero numbers, repeated keys.
        #"{"s":"a\"b\\c\/d\u00e9\n"}"#, #"{"n":1.0}"#, #"{"n":1e3}"#, #"{"n":12345678901234567890}"#, #"{"n":-0}"#,
        #"{"a":1,"a":2}"#,
        // Not JSON at all: both refuse.
        "", "{", #"{"a":}"#, #"{"a":1,}"#, "[1 2]", "01", "tru", #"{"a":1} x"#, "\"raw\ttab\"", "{'a':1}",
    ])
    func agreesWithJSONDecoder(line: String) {
        let bytes = Array(line.utf8)
        let reference = try? JSONDecoder().decode(JSONValue.self, from: Data(bytes))
        if let common = JSONValue.parseCommon(bytes) {
            #expect(common == reference, "\(line)")
        }
    }

    @Test func commonParamsMatchTheDecoder() throws {
        let lines = [
            #"{"from":"2024-04","to":"2024-06","types":["meeting","visit"],"text":"Dandong port","limit":100}"#,
            #"{"place":"Harbin","organization":"State Council","source":"abc","cursor":"c1.1.2.x"}"#,
            #"{"from":null,"types":null,"limit":null}"#, "{}",
        ]
        for line in lines {
            guard case .object(let object)? = JSONValue.parseCommon(Array(line.utf8)) else {
                Issue.record("not parsed: \(line)")
                continue
            }
            let direct = QueryParams(commonParams: object)
            let decoded = try JSONDecoder().decode(QueryParams.self, from: Data(line.utf8))
            #expect(direct == decoded)
        }
        // A value of another type is left to the decoder, which names the parameter.
        #expect(QueryParams(commonParams: ["from": .int(2024)]) == nil)
        #expect(QueryParams(commonParams: ["types": .array([.int(1)])]) == nil)
        #expect(QueryParams(commonParams: ["limit": .string("5")]) == nil)
    }
}
