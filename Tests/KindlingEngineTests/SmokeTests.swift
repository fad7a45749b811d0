import XCTest
@testable import KindlingEngine

final class KindlingEngineTestsSmoke: XCTestCase {
    func testModuleLoads() { XCTAssertTrue(true) }
}
