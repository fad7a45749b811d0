import XCTest
@testable import KindlingNotebook

final class LessonTestsSmoke: XCTestCase {
    func testModuleLoads() { XCTAssertTrue(true) }
}
