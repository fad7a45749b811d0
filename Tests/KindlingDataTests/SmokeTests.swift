import XCTest
@testable import KindlingData

final class KindlingDataTestsSmoke: XCTestCase {
    func testModuleLoads() { XCTAssertTrue(true) }
}
