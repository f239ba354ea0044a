import Foundation
import Testing
import TimelineCore

@testable import TimelineProtocol

@Suite struct RPCRequestTests {
    @Test func parsesAWellFormedRequest() throws {
        let line = #"{"jsonrpc":"2.0","id":7,"method":"query","params":{"from":"2024-04","limit":5}}"#
        let request = try RPCRequest.parse(Array(line.utf8)).get()
        #expect(request.id == .number(7))
        #expect(request.method == "query")
        let params = try request.decodeParams(QueryParams.self)
        #expect(params.from == "2024-04")
        #expect(params.limit == 5)
    }

    @Test func notificationHasNoID() throws {
        let request = try RPCRequest.parse(Array(#"{"jsonrpc":"2.0","method":"health"}"#.utf8)).get()
        #expect(request.id == nil)
    }

    @Test(arguments: [
        ("not json", -32700, RPCID.null),
        ("[1,2]", -32600, .null),
        ("42", -32600, .null),
        (#"{"jsonrpc":"2.0","id":true,"method":"x"}"#, -32600, .null),
        (#"{"id":3,"method":"health"}"#, -32600, .number(3)),
        (#"{"jsonrpc":"1.0","id":"a","method":"health"}"#, -32600, .string("a")),
        (#"{"jsonrpc":"2.0","id":4}"#, -32600, .number(4)),
        (#"{"jsonrpc":"2.0","id":5,"method":"query","params":[1]}"#, -32602, .number(5)),
    ])
    func rejects(line: String, code: Int, id: RPCID) {
        guard case .failure(let failure) = RPCRequest.parse(Array(line.utf8)) else {
            Issue.record("accepted \(line)")
            return
        }
        #expect(failure.error.code == code)
        #expect(failure.id == id)
    }

    @Test(arguments: [
        (#"{"from":"2024-13-45"}"#, "from: '2024-13-45' is not a date"),
        (#"{"from":2024}"#, "parameter 'from' must be a string"),
        (#"{"types":["meeting","party"]}"#, "unknown event type 'party'"),
        (#"{"limit":0}"#, "limit must be between 1 and"),
        (#"{"form":"2024"}"#, "unknown parameter 'form'"),
        (#"{"cursor":"zzz"}"#, "is not a cursor"),
        (#"{"from":"2024-05","to":"2024-04"}"#, "is after to"),
    ])
    func invalidQueryParams(params: String, message: String) throws {
        let line = #"{"jsonrpc":"2.0","id":1,"method":"query","params":\#(params)}"#
        let request = try RPCRequest.parse(Array(line.utf8)).get()
        do {
            _ = try request.decodeParams(QueryParams.self).query()
            Issue.record("accepted \(params)")
        } catch {
            #expect(error.code == -32602)
            #expect(error.message.contains(message), "\(error.message)")
        }
    }

    @Test func queryParamsBecomeAQuery() throws {
        let q = try QueryParams(from: "2024-04", to: "2024-Q2", types: ["Meeting"], place: "Dandong").query()
        #expect(q.from == CivilDate(year: 2024, month: 4, day: 1))
        #expect(q.to == CivilDate(year: 2024, month: 6, day: 30))
        #expect(q.types == [.meeting])
        #expect(q.place == "Dandong")
    }

    @Test func responsesAreSingleLines() throws {
        let ok = try RPCResponseEncoder.success(id: .number(1), result: QueryResult(events: [], nextCursor: nil))
        #expect(
            String(decoding: ok, as: UTF8.self)
                == #"{"jsonrpc":"2.0","id":1,"result":{"events":[],"next_cursor":null}}"# + "\n"
        )
        let failed = RPCResponseEncoder.failure(RPCFailure(id: .string("x"), error: .methodNotFound("nope")))
        let text = String(decoding: failed, as: UTF8.self)
        #expect(text.hasSuffix("\n"))
        #expect(text.dropLast().contains("\n") == false)
        let object = try JSONSerialization.jsonObject(with: Data(failed)) as? [String: Any]
        #expect((object?["error"] as? [String: Any])?["code"] as? Int == -32601)
    }
}
