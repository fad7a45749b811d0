import Foundation
import XCTest
@testable import KindlingKernel

final class WireFormatTests: XCTestCase {
    private let wire = WireFormat(signer: MessageSigner(key: "a0436f6c-1916-498b-8eb9-e81ab9368e84"))

    private func frames(_ texts: [String]) -> [Data] { texts.map { Data($0.utf8) } }

    func testSignatureMatchesPythonHMAC() {
        // hmac.new(b"key", b'{"a":1}' + b'{}' + b'{}' + b'{"code":"1"}', hashlib.sha256).hexdigest()
        let signer = MessageSigner(key: "key")
        let signature = signer.signature(of: frames(["{\"a\":1}", "{}", "{}", "{\"code\":\"1\"}"]))
        XCTAssertEqual(signature, "525d0c20431832a53c4a71c4f383df2b62c48584edd4491c14d751fb45b8f847")
        XCTAssertTrue(signer.verify(signature: Data(signature.utf8), frames: frames(["{\"a\":1}", "{}", "{}", "{\"code\":\"1\"}"])))
    }

    func testRoundTripKeepsIdentitiesAndContent() throws {
        let factory = MessageFactory(session: "s1")
        var message = factory.make("execute_request", content: ["code": "x = 1\nx", "silent": false], parent: nil)
        message.identities = [Data("client-1".utf8)]
        message.buffers = [Data([0, 1, 2])]
        let encoded = wire.encode(message)
        XCTAssertEqual(encoded[0], Data("client-1".utf8))
        XCTAssertEqual(encoded[1], WireFormat.delimiter)
        let decoded = try wire.decode(encoded)
        XCTAssertEqual(decoded, message)
        XCTAssertEqual(decoded.type, "execute_request")
        XCTAssertEqual(decoded.content["code"]?.stringValue, "x = 1\nx")
        XCTAssertEqual(decoded.header["version"]?.stringValue, "5.3")
    }

    func testBadSignatureIsRefused() throws {
        let message = MessageFactory().make("kernel_info_request", content: [:], parent: nil)
        var encoded = wire.encode(message)
        encoded[1] = Data(String(repeating: "0", count: 64).utf8)
        XCTAssertThrowsError(try wire.decode(encoded)) { XCTAssertEqual($0 as? WireFormat.DecodeError, .badSignature) }
    }

    func testTamperedContentIsRefused() throws {
        let message = MessageFactory().make("execute_request", content: ["code": "1"], parent: nil)
        var encoded = wire.encode(message)
        encoded[5] = Data("{\"code\":\"import os\"}".utf8)
        XCTAssertThrowsError(try wire.decode(encoded)) { XCTAssertEqual($0 as? WireFormat.DecodeError, .badSignature) }
    }

    func testMessageSignedWithAnotherKeyIsRefused() {
        let forger = WireFormat(signer: MessageSigner(key: "not-the-key"))
        let encoded = forger.encode(MessageFactory().make("execute_request", content: ["code": "1"], parent: nil))
        XCTAssertThrowsError(try wire.decode(encoded)) { XCTAssertEqual($0 as? WireFormat.DecodeError, .badSignature) }
    }

    func testUnsignedWhenKeyIsEmpty() throws {
        let plain = WireFormat(signer: MessageSigner(key: ""))
        let encoded = plain.encode(MessageFactory().make("kernel_info_request", content: [:], parent: nil))
        XCTAssertEqual(encoded[1], Data())
        XCTAssertEqual(try plain.decode(encoded).type, "kernel_info_request")
    }

    func testMissingDelimiterAndShortMessages() {
        XCTAssertThrowsError(try wire.decode(frames(["a", "b"]))) { XCTAssertEqual($0 as? WireFormat.DecodeError, .noDelimiter) }
        XCTAssertThrowsError(try wire.decode([WireFormat.delimiter, Data(), Data()])) {
            XCTAssertEqual($0 as? WireFormat.DecodeError, .tooFewFrames)
        }
    }

    func testNonObjectJSONIsRefused() {
        let signer = MessageSigner(key: "k")
        let parts = frames(["[1]", "{}", "{}", "{}"])
        let raw = [WireFormat.delimiter, Data(signer.signature(of: parts).utf8)] + parts
        XCTAssertThrowsError(try WireFormat(signer: signer).decode(raw)) {
            XCTAssertEqual($0 as? WireFormat.DecodeError, .badJSON("header"))
        }
    }

    func testReplyCarriesParentHeaderAndIdentities() {
        let factory = MessageFactory(session: "kernel-session")
        var request = MessageFactory(session: "client").make("complete_request", content: [:], parent: nil)
        request.identities = [Data("id".utf8)]
        let reply = factory.make("complete_reply", content: ["status": "ok"], parent: request)
        XCTAssertEqual(reply.parentHeader, request.header)
        XCTAssertEqual(reply.identities, request.identities)
        XCTAssertEqual(reply.session, "kernel-session")
        XCTAssertNotEqual(reply.id, request.id)
    }

    func testTimestampIsISO8601WithMicroseconds() {
        let text = MessageFactory.timestamp(Date(timeIntervalSince1970: 1_700_000_000.25))
        XCTAssertEqual(text, "2023-11-14T22:13:20.250000Z")
    }
}
