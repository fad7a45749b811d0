import Foundation
import XCTest
@testable import KindlingKernel

final class KernelJSONTests: XCTestCase {
    func testParsesIntegersDoublesAndNesting() {
        let value = KernelJSON.parse(Data(#"{"n": 3, "x": 1.5, "ok": true, "none": null, "list": ["a", 2]}"#.utf8))
        XCTAssertEqual(value?["n"], .int(3))
        XCTAssertEqual(value?["x"], .double(1.5))
        XCTAssertEqual(value?["ok"], .bool(true))
        XCTAssertEqual(value?["none"], .null)
        XCTAssertEqual(value?["list"], ["a", 2])
    }

    func testInvalidTextGivesNil() {
        XCTAssertNil(KernelJSON.parse(Data("{".utf8)))
        XCTAssertNil(KernelJSON.parse(Data()))
    }

    func testEncodingRoundTripsUnicodeAndControlCharacters() {
        let value: KernelJSON = ["text": "é\n\u{1}\"/", "count": 2]
        XCTAssertEqual(KernelJSON.parse(value.encoded()), value)
        XCTAssertEqual(String(decoding: (["a/b": 1] as KernelJSON).encoded(), as: UTF8.self), #"{"a/b":1}"#)
    }

    func testSetting() {
        let value: KernelJSON = ["status": "ok"]
        XCTAssertEqual(value.setting("count", 1), ["status": "ok", "count": 1])
        XCTAssertEqual(KernelJSON.string("x").setting("a", 1), "x")
    }
}

final class ConnectionInfoTests: XCTestCase {
    private let sample = #"""
    {"shell_port": 5001, "iopub_port": 5002, "stdin_port": 5003, "control_port": 5004, "hb_port": 5005,
     "ip": "127.0.0.1", "key": "secret", "transport": "tcp", "signature_scheme": "hmac-sha256", "kernel_name": "kindling"}
    """#

    func testReadsPortsAndEndpoints() throws {
        let info = try ConnectionInfo(json: Data(sample.utf8))
        XCTAssertEqual(info.shellPort, 5001)
        XCTAssertEqual(info.heartbeatPort, 5005)
        XCTAssertEqual(info.key, "secret")
        XCTAssertEqual(info.endpoint(port: info.controlPort), "tcp://127.0.0.1:5004")
    }

    func testIPCEndpointsFollowJupyterClientNaming() throws {
        var text = sample.replacingOccurrences(of: #""transport": "tcp""#, with: #""transport": "ipc""#)
        text = text.replacingOccurrences(of: #""ip": "127.0.0.1""#, with: #""ip": "/tmp/kernel-x""#)
        let info = try ConnectionInfo(json: Data(text.utf8))
        XCTAssertEqual(info.endpoint(port: 5001), "ipc:///tmp/kernel-x-5001")
    }

    func testRefusesMissingPortsAndOtherSchemes() {
        XCTAssertThrowsError(try ConnectionInfo(json: Data(#"{"shell_port": 1}"#.utf8)))
        let md5 = sample.replacingOccurrences(of: "hmac-sha256", with: "hmac-md5")
        XCTAssertThrowsError(try ConnectionInfo(json: Data(md5.utf8)))
        XCTAssertThrowsError(try ConnectionInfo(json: Data("not json".utf8)))
        XCTAssertThrowsError(try ConnectionInfo(contentsOf: "/nonexistent/kernel.json"))
    }
}
