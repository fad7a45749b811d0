import XCTest
@testable import KindlingEngine

/// Shorthands for engine tests.
func T(_ values: [Float], _ shape: [Int]? = nil) throws -> Tensor {
    try Tensor(shape: shape ?? [values.count], floats: values)
}

func I(_ values: [Int64], _ shape: [Int]? = nil) throws -> Tensor {
    try Tensor(shape: shape ?? [values.count], ints: values)
}

func B(_ values: [Bool], _ shape: [Int]? = nil) throws -> Tensor {
    try Tensor(shape: shape ?? [values.count], bools: values)
}

func assertClose(_ t: Tensor, _ expected: [Float], tol: Float = 1e-4, file: StaticString = #filePath, line: UInt = #line) {
    let v = t.floatValues()
    XCTAssertEqual(v.count, expected.count, "count", file: file, line: line)
    for (a, b) in zip(v, expected) {
        if a.isNaN && b.isNaN { continue }
        XCTAssertEqual(a, b, accuracy: tol * Swift.max(1, Swift.abs(b)), "\(v) vs \(expected)", file: file, line: line)
    }
}

func assertInts(_ t: Tensor, _ expected: [Int64], file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(t.dtype, .int64, file: file, line: line)
    XCTAssertEqual(t.scalars(), expected.map { Scalar.int($0) }, file: file, line: line)
}

/// Asserts that `body` throws a TensorError of `kind` whose message equals (or starts with) `message`.
func assertThrows(_ kind: TensorError.Kind, _ message: String, prefix: Bool = false,
                  file: StaticString = #filePath, line: UInt = #line, _ body: () throws -> Any) {
    do {
        _ = try body()
        XCTFail("expected \(kind): \(message)", file: file, line: line)
    } catch let e as TensorError {
        XCTAssertEqual(e.kind, kind, e.message, file: file, line: line)
        if prefix {
            XCTAssertTrue(e.message.hasPrefix(message), e.message, file: file, line: line)
        } else {
            XCTAssertEqual(e.message, message, file: file, line: line)
        }
    } catch {
        XCTFail("unexpected error \(error)", file: file, line: line)
    }
}

func add(_ a: Tensor, _ b: Tensor) throws -> Tensor { try Tensor.binary(.add, .tensor(a), .tensor(b)) }
func mul(_ a: Tensor, _ b: Tensor) throws -> Tensor { try Tensor.binary(.mul, .tensor(a), .tensor(b)) }
func op(_ o: BinaryOp, _ a: Tensor, _ b: Tensor) throws -> Tensor { try Tensor.binary(o, .tensor(a), .tensor(b)) }
func op(_ o: BinaryOp, _ a: Tensor, _ s: Scalar) throws -> Tensor { try Tensor.binary(o, .tensor(a), .scalar(s)) }
func op(_ o: BinaryOp, _ s: Scalar, _ b: Tensor) throws -> Tensor { try Tensor.binary(o, .scalar(s), .tensor(b)) }
