import XCTest
@testable import KindlingNotebook

final class KindlingNotebookTestsSmoke: XCTestCase {
    func testModuleLoads() { XCTAssertTrue(true) }
}
