import XCTest
@testable import KindlingREPL

final class KindlingREPLTestsSmoke: XCTestCase {
    func testModuleLoads() { XCTAssertTrue(true) }
}
