import TimelineProtocol

/// Arbitrary bytes as a request line: every outcome must be a request or an
/// error to send back, never a trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    let line = UnsafeRawBufferPointer(start: start, count: count)
    switch RPCRequest.parse(line) {
    case .failure(let failure):
        _ = RPCResponseEncoder.failure(failure)
    case .success(let request):
        do {
            let params = try request.decodeParams(QueryParams.self)
            _ = try params.query()
        } catch {
            _ = RPCResponseEncoder.failure(RPCFailure(id: request.id ?? .null, error: error))
        }
        _ = try? request.decodeParams(EventParams.self)
        _ = try? request.decodeParams(NoParams.self)
    }
    return 0
}
