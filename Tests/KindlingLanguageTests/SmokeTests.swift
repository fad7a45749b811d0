import XCTest
@testable import KindlingLanguage

final class KindlingLanguageTestsSmoke: XCTestCase {
    func testModuleLoads() { XCTAssertTrue(true) }
}
