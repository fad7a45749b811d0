import Foundation
import XCTest
@testable import KindlingKernel

final class ZMQSocketTests: XCTestCase {
    func testRouterDealerMultipartRoundTripKeepsEmptyAndBinaryFrames() throws {
        let context = try ZMQContext()
        defer { context.terminate() }
        let router = try ZMQSocket(context: context, kind: .router)
        let dealer = try ZMQSocket(context: context, kind: .dealer)
        defer { router.close(); dealer.close() }
        dealer.setOption(ZMQSocket.identityOption, Data("client".utf8))
        try router.bind("inproc://kernel-test")
        try dealer.connect("inproc://kernel-test")

        let frames = [WireFormat.delimiter, Data(), Data([0, 255, 7]), Data("{}".utf8)]
        try dealer.send(frames)
        XCTAssertTrue(router.waitReadable(timeout: 2000))
        let received = try router.receive()
        XCTAssertEqual(received, [Data("client".utf8)] + frames, "the ROUTER prepends the sender's identity")

        try router.send(received)
        XCTAssertTrue(dealer.waitReadable(timeout: 2000))
        XCTAssertEqual(try dealer.receive(), frames)
        XCTAssertNil(try dealer.receiveNow())
    }

    func testSignedMessageThroughSockets() throws {
        let context = try ZMQContext()
        defer { context.terminate() }
        let router = try ZMQSocket(context: context, kind: .router)
        let dealer = try ZMQSocket(context: context, kind: .dealer)
        defer { router.close(); dealer.close() }
        try router.bind("inproc://kernel-signed")
        try dealer.connect("inproc://kernel-signed")
        let wire = WireFormat(signer: MessageSigner(key: "k"))
        try dealer.send(wire.encode(MessageFactory().make("kernel_info_request", content: [:], parent: nil)))
        XCTAssertTrue(router.waitReadable(timeout: 2000))
        let request = try wire.decode(try router.receive())
        XCTAssertEqual(request.type, "kernel_info_request")
        XCTAssertEqual(request.identities.count, 1)
    }

    func testBindingABadEndpointThrows() throws {
        let context = try ZMQContext()
        defer { context.terminate() }
        let socket = try ZMQSocket(context: context, kind: .router)
        defer { socket.close() }
        XCTAssertThrowsError(try socket.bind("tcp://not-an-address:x"))
    }
}
