import XCTest
@testable import KindlingEngine

/// The element-wise functions of UnaryMath/SignAndPredicates/Activations
/// against values recorded from PyTorch 2.15 (float64, a few ulp).
final class UnaryMathTests: XCTestCase {
    let inputs: [Double] = [-0.9, -0.3, 0.2, 0.7, 0.95]

    func doubles(_ v: [Double]) throws -> Tensor { try Tensor(shape: [v.count], doubles: v) }

    func assertMatches(_ t: Tensor, _ expected: [Double], ulps: Double = 4, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(t.dtype, .float64, file: file, line: line)
        let got = t.scalars().map { $0.doubleValue }
        XCTAssertEqual(got.count, expected.count, file: file, line: line)
        for (g, e) in zip(got, expected) {
            if e.isNaN { XCTAssertTrue(g.isNaN, "\(g) should be nan", file: file, line: line); continue }
            XCTAssertEqual(g, e, accuracy: ulps * e.ulp, "\(got) vs \(expected)", file: file, line: line)
        }
    }

    func testFloat64ValuesMatchTorch() throws {
        let x = try doubles(inputs)
        let nan = Double.nan
        let cases: [(String, (Tensor) throws -> Tensor, [Double])] = [
            ("log1p", { try $0.log1p() }, [-2.302585092994046, -0.35667494393873234, 0.18232155679395465, 0.5306282510621704, 0.6678293725756554]),
            ("expm1", { try $0.expm1() }, [-0.5934303402594009, -0.2591817793182821, 0.22140275816016985, 1.0137527074704764, 1.5857096593158462]),
            ("log2", { try $0.log2() }, [nan, nan, -2.321928094887362, -0.5145731728297583, -0.07400058144377693]),
            ("log10", { try $0.log10() }, [nan, nan, -0.6989700043360187, -0.1549019599857432, -0.022276394711152253]),
            ("exp2", { try $0.exp2() }, [0.5358867312681466, 0.8122523963562356, 1.148698354997035, 1.624504792712471, 1.931872657849691]),
            ("rsqrt", { try $0.rsqrt() }, [nan, nan, 2.23606797749979, 1.1952286093343936, 1.0259783520851542]),
            ("erf", { try $0.erf() }, [-0.7969082124228322, -0.3286267594591274, 0.22270258921047847, 0.6778011938374184, 0.8208908072732779]),
            ("erfinv", { try $0.erfinv() }, [-1.1630871536766743, -0.2724627147267543, 0.1791434546212917, 0.7328690779592167, 1.3859038243496777]),
            ("tan", { try $0.tan() }, [-1.2601582175503392, -0.3093362496096232, 0.2027100355086725, 0.8422883804630794, 1.398382589287699]),
            ("atan", { try $0.atan() }, [-0.7328151017865066, -0.2914567944778671, 0.19739555984988078, 0.6107259643892086, 0.7597627548757708]),
            ("asin", { try $0.asin() }, [-1.1197695149986342, -0.30469265401539747, 0.2013579207903308, 0.775397496610753, 1.253235897503375]),
            ("acos", { try $0.acos() }, [2.6905658417935308, 1.8754889808102941, 1.369438406004566, 0.7953988301841436, 0.3175604292915215]),
            ("sinh", { try $0.sinh() }, [-1.0265167257081753, -0.3045202934471426, 0.20133600254109402, 0.7585837018395334, 1.0994843179306724]),
            ("cosh", { try $0.cosh() }, [1.4330863854487745, 1.0453385141288605, 1.020066755619076, 1.255169005630943, 1.4862253413851736]),
            ("asinh", { try $0.asinh() }, [-0.8088669356527824, -0.29567304756342244, 0.19869011034924142, 0.6526665660823557, 0.8455726970397273]),
            ("atanh", { try $0.atanh() }, [-1.4722194895832204, -0.30951960420311175, 0.2027325540540822, 0.8673005276940531, 1.8317808230648227]),
            ("acosh(x+2)", { try Tensor.binary(.add, .tensor($0), .scalar(.float(2))).acosh() },
             [0.4435682543851154, 1.123230982587296, 1.4254169430706127, 1.650193454979475, 1.7449015550838176]),
        ]
        for (name, f, expected) in cases {
            let got = try f(x)
            XCTAssertEqual(got.shape, [5], name)
            assertMatches(got, expected)
        }
    }

    func testActivationsMatchTorch() throws {
        let x = try doubles(inputs.map { $0 * 3 })
        assertMatches(try x.gelu(), [-0.00936082926820982, -0.16565411281208356, 0.4354481293499559, 2.062484716818085, 2.843770009853497])
        assertMatches(try x.gelu(approximateTanh: true), [-0.008887594639467884, -0.16577151129027942, 0.4354151992308149, 2.0626690049611116, 2.8442263594744044])
        assertMatches(try x.silu(), [-0.1700280613538905, -0.2601454476374964, 0.38739378373547734, 1.8708966754892127, 2.6941582459345685])
        assertMatches(try x.logSigmoid(), [-2.765043561776591, -1.2411538747320878, -0.4374879504858856, -0.115519523179755, -0.05623317787848317])
        assertMatches(try x.elu(), [-0.9327944872602503, -0.5934303402594009, 0.6000000000000001, 2.0999999999999996, 2.8499999999999996])
        assertMatches(try x.softplus(), [0.06504356177659054, 0.34115387473208786, 1.0374879504858856, 2.2155195231797546, 2.906233177878483])
        assertMatches(try x.hardtanh(min: -1, max: 2.5), [-1, -0.8999999999999999, 0.6000000000000001, 2.0999999999999996, 2.5])
    }

    func testFloat32ErfinvAndPromotion() throws {
        let y = try T([-0.999, -0.5, 0.1, 0.9, 0.99999]).erfinv()
        let expected: [Float] = [-2.326756238937378, -0.4769362807273865, 0.08885598927736282, 1.1630871295928955, 3.1232056617736816]
        for (g, e) in zip(y.floatValues(), expected) { XCTAssertEqual(g, e, accuracy: 2 * e.ulp) }
        let ends = try T([1, -1, 1.5, 0]).erfinv().floatValues()
        XCTAssertEqual(ends[0], .infinity)
        XCTAssertEqual(ends[1], -.infinity)
        XCTAssertTrue(ends[2].isNaN)
        XCTAssertEqual(ends[3], 0)
        // Integer inputs become the default float dtype; float64 stays float64.
        XCTAssertEqual(try I([1, 2]).log1p().dtype, .float32)
        XCTAssertEqual(try I([1, 2]).exp2().floatValues(), [2, 4])
        assertThrows(.notImplementedError, "\"frac_cpu\" not implemented for 'Long'") { try I([1]).frac() }
        assertThrows(.notImplementedError, "\"silu_cpu\" not implemented for 'Long'") { try I([1]).silu() }
    }

    func testSignTruncAndPredicates() throws {
        let x = try T([.nan, -0.0, 0, -2.5, 3.5, .infinity, -.infinity])
        XCTAssertEqual(try x.sign().floatValues(), [0, 0, 0, -1, 1, 1, -1])
        assertInts(try I([-3, 0, 2]).sign(), [-1, 0, 1])
        XCTAssertEqual(try B([true, false]).sign().dtype, .bool)
        XCTAssertEqual(try T([-2.5, 2.5, -0.4]).trunc().floatValues(), [-2, 2, -0])
        XCTAssertEqual(try T([-2.5, 2.5]).frac().floatValues(), [-0.5, 0.5])
        XCTAssertEqual(try x.isNaN().scalars(), [true, false, false, false, false, false, false].map { .bool($0) })
        XCTAssertEqual(try x.isInfinite().scalars(), [false, false, false, false, false, true, true].map { .bool($0) })
        XCTAssertEqual(try x.isFinite().scalars(), [false, true, true, true, true, false, false].map { .bool($0) })
        XCTAssertEqual(try I([1]).isFinite().scalars(), [.bool(true)])
        let cleaned = try x.nanToNum(nan: 7, posinf: nil, neginf: -1).floatValues()
        XCTAssertEqual(cleaned, [7, -0.0, 0, -2.5, 3.5, Float.greatestFiniteMagnitude, -1])
    }

    func testBinaryMath() throws {
        let a = try T([1, -1, 0, 3]), b = try T([1, 1, -1, 4])
        assertClose(try Tensor.binaryMath(.atan2, .tensor(a), .tensor(b)), [0.7853982, -0.7853982, 3.1415927, 0.6435011])
        assertClose(try Tensor.binaryMath(.hypot, .tensor(a), .tensor(b)), [1.4142135, 1.4142135, 1, 5])
        assertClose(try Tensor.binaryMath(.logaddexp, .tensor(a), .tensor(b)), [1.6931472, 1.126928, 0.3132617, 4.3132615])
        // fmod keeps the dividend's sign (C's remainder), unlike remainder.
        assertInts(try Tensor.binaryMath(.fmod(scalarOther: true), .tensor(try I([-7, 7])), .scalar(.int(3))), [-1, 1])
        XCTAssertEqual(try Tensor.binaryMath(.fmod(scalarOther: true), .tensor(try T([-7.5, 7])), .scalar(.int(2))).floatValues(), [-1.5, 1])
        assertThrows(.runtimeError, "ZeroDivisionError") { try Tensor.binaryMath(.fmod(scalarOther: true), .tensor(try I([1])), .scalar(.int(0))) }
        assertThrows(.notImplementedError, "\"hypot_cpu\" not implemented for 'Long'") { try Tensor.binaryMath(.hypot, .tensor(try I([1])), .tensor(try I([1]))) }
        XCTAssertEqual(try Tensor.binaryMath(.atan2, .tensor(try I([1])), .tensor(try I([1]))).dtype, .float32)
        let inf = try T([.infinity, -.infinity])
        XCTAssertEqual(try Tensor.binaryMath(.logaddexp, .tensor(inf), .tensor(inf)).floatValues(), [.infinity, -.infinity])
    }

    func testGradFnNames() throws {
        let x = try T([0.5, 0.25]).requiresGrad_()
        XCTAssertEqual(try x.log1p().gradFn?.name, "Log1PBackward0")
        XCTAssertEqual(try x.erfinv().gradFn?.name, "ErfinvBackward0")
        XCTAssertEqual(try x.sign().gradFn?.name, "SignBackward0")
        XCTAssertEqual(try x.sign(gradName: "SgnBackward0").gradFn?.name, "SgnBackward0")
        XCTAssertEqual(try x.trunc().gradFn?.name, "TruncBackward0")
        XCTAssertEqual(try x.hardtanh(min: 0, max: 6).gradFn?.name, "HardtanhBackward0")
        XCTAssertEqual(try Tensor.binaryMath(.fmod(scalarOther: true), .tensor(x), .scalar(.float(0.3))).gradFn?.name, "FmodBackward0")
        XCTAssertNil(try x.isNaN().gradFn)
    }
}
