import XCTest
@testable import KindlingTraining

final class KindlingTrainingTestsSmoke: XCTestCase {
    func testModuleLoads() { XCTAssertTrue(true) }
}
