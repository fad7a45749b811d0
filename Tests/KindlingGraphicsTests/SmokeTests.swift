import XCTest
@testable import KindlingGraphics

final class KindlingGraphicsTestsSmoke: XCTestCase {
    func testModuleLoads() { XCTAssertTrue(true) }
}
