import XCTest
@testable import KindlingBindings

final class KindlingBindingsTestsSmoke: XCTestCase {
    func testModuleLoads() { XCTAssertTrue(true) }
}
