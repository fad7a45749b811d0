import Foundation
import XCTest
@testable import KindlingKernel

final class KernelSpecTests: XCTestCase {
    func testInstallWritesKernelJSONUnderPrefix() throws {
        let prefix = FileManager.default.temporaryDirectory.appendingPathComponent("kindling-spec-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: prefix) }
        let spec = KernelSpec(executable: "/opt/bin/kindling")
        let directory = try spec.install(name: "kindling", at: .prefix(prefix.path))
        XCTAssertEqual(directory.path, prefix.path + "/share/jupyter/kernels/kindling")
        let json = KernelJSON.parse(try Data(contentsOf: directory.appendingPathComponent("kernel.json")))
        XCTAssertEqual(json?["argv"], ["/opt/bin/kindling", "kernel", "-f", "{connection_file}"])
        XCTAssertEqual(json?["display_name"], "Kindling")
        XCTAssertEqual(json?["language"], "python")
        XCTAssertEqual(json?["interrupt_mode"], "message")
    }

    func testUserLocationFollowsJupyterDataDirectories() throws {
        XCTAssertEqual(try KernelSpec.Location.user.kernelsDirectory(environment: ["JUPYTER_DATA_DIR": "/d"]).path, "/d/kernels")
        #if os(Linux)
        XCTAssertEqual(try KernelSpec.Location.user.kernelsDirectory(environment: ["HOME": "/h"]).path,
                       "/h/.local/share/jupyter/kernels")
        XCTAssertEqual(try KernelSpec.Location.user.kernelsDirectory(environment: ["HOME": "/h", "XDG_DATA_HOME": "/x"]).path,
                       "/x/jupyter/kernels")
        #endif
        XCTAssertEqual(try KernelSpec.Location.sysPrefix.kernelsDirectory(environment: ["VIRTUAL_ENV": "/venv"]).path,
                       "/venv/share/jupyter/kernels")
    }

    func testRefusesNamesThatAreNotDirectoryNames() {
        let spec = KernelSpec(executable: "/k")
        XCTAssertThrowsError(try spec.install(name: "../evil", at: .prefix("/tmp")))
        XCTAssertThrowsError(try spec.install(name: "", at: .prefix("/tmp")))
    }

    func testCurrentExecutableIsAbsolute() {
        XCTAssertTrue(KernelSpec.currentExecutable().hasPrefix("/"))
    }
}
