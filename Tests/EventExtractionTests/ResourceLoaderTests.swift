import Foundation
import Testing

@testable import EventExtraction

@Suite struct ResourceLoaderTests {
    @Test func bundledResourcesLoad() throws {
        _ = try ExtractionResources.bundled()
    }
}
