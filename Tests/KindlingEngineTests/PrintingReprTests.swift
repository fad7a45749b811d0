import XCTest
@testable import KindlingEngine

/// Layout rules of torch/_tensor_str.py beyond the golden cases: notation
/// choice, nan/inf, negative zero, empty tensors, wrapping, summarization,
/// suffix placement and print options.
final class PrintingReprTests: XCTestCase {
    private func F(_ values: [Float], _ shape: [Int]? = nil) -> PrintingArrayTensor {
        PrintingArrayTensor(floats: values, shape: shape ?? [values.count])
    }
    private func I(_ values: [Int64], _ shape: [Int]? = nil) -> PrintingArrayTensor {
        PrintingArrayTensor(ints: values, shape: shape ?? [values.count])
    }
    private func B(_ values: [Bool], _ shape: [Int]? = nil) -> PrintingArrayTensor {
        PrintingArrayTensor(bools: values, shape: shape ?? [values.count])
    }
    private func repr(_ t: PrintingArrayTensor, requiresGrad: Bool = false, gradFn: String? = nil,
                      _ options: PrintOptions = .default) -> String {
        TensorFormatter.repr(t, requiresGrad: requiresGrad, gradFnName: gradFn, options: options)
    }

    func testZeroDimensional() {
        XCTAssertEqual(repr(I([3], [])), "tensor(3)")
        XCTAssertEqual(repr(F([3], [])), "tensor(3.)")
        XCTAssertEqual(repr(F([-0.5], [])), "tensor(-0.5000)")
        XCTAssertEqual(repr(F([-0.0], [])), "tensor(-0.)")
        XCTAssertEqual(repr(F([.nan], [])), "tensor(nan)")
        XCTAssertEqual(repr(F([-.infinity], [])), "tensor(-inf)")
        XCTAssertEqual(repr(F([1e-5], [])), "tensor(1.0000e-05)")
        XCTAssertEqual(repr(B([true], [])), "tensor(True)")
        XCTAssertEqual(repr(I([.min], [])), "tensor(-9223372036854775808)")
    }

    func testNotationChoice() {
        // Integral values: `1.` unless the range is wide, then scientific.
        XCTAssertEqual(repr(F([1, 1000])), "tensor([   1., 1000.])")
        XCTAssertEqual(repr(F([1, 2000])), "tensor([1.0000e+00, 2.0000e+03])")
        XCTAssertEqual(repr(F([1e8])), "tensor([100000000.])")
        XCTAssertEqual(repr(F([1, 1e9])), "tensor([1.0000e+00, 1.0000e+09])")
        // Fractions: small values also force scientific.
        XCTAssertEqual(repr(F([0.0001, 0.5])), "tensor([1.0000e-04, 5.0000e-01])")
        XCTAssertEqual(repr(F([0.00011, 0.5])), "tensor([1.1000e-04, 5.0000e-01])")
        XCTAssertEqual(repr(F([0.5, 0.25, 100])), "tensor([  0.5000,   0.2500, 100.0000])")
        XCTAssertEqual(repr(F([-123.5, 0.5])), "tensor([-123.5000,    0.5000])")
        XCTAssertEqual(repr(I([-100, 5])), "tensor([-100,    5])")
    }

    func testNanInfinityAndNegativeZero() {
        XCTAssertEqual(repr(F([.nan, .nan])), "tensor([nan, nan])")
        XCTAssertEqual(repr(F([0, .infinity])), "tensor([0., inf])")
        XCTAssertEqual(repr(F([.nan, 1.5])), "tensor([   nan, 1.5000])")
        XCTAssertEqual(repr(F([.nan, 1e-5, 1])), "tensor([       nan, 1.0000e-05, 1.0000e+00])")
        XCTAssertEqual(repr(F([-.infinity, 1, 2])), "tensor([-inf, 1., 2.])")
        XCTAssertEqual(repr(F([-0.0, 1])), "tensor([-0., 1.])")
        XCTAssertEqual(repr(F([-0.0, 1.5])), "tensor([-0.0000, 1.5000])")
        XCTAssertEqual(repr(F([-0.0, 0])), "tensor([-0., 0.])")
    }

    func testEmptyTensors() {
        XCTAssertEqual(repr(F([], [0])), "tensor([])")
        XCTAssertEqual(repr(F([], [0, 3])), "tensor([], size=(0, 3))")
        XCTAssertEqual(repr(F([], [1, 0, 2])), "tensor([], size=(1, 0, 2))")
        XCTAssertEqual(repr(I([], [0])), "tensor([], dtype=torch.int64)")
        XCTAssertEqual(repr(B([], [2, 0])), "tensor([], size=(2, 0), dtype=torch.bool)")
        XCTAssertEqual(repr(F([], [0]), requiresGrad: true), "tensor([], requires_grad=True)")
    }

    func testBoolLayout() {
        XCTAssertEqual(repr(B([true, true])), "tensor([True, True])")
        XCTAssertEqual(repr(B([false, true, true, false], [2, 2])),
                       "tensor([[False,  True],\n        [ True, False]])")
    }

    func testLongRowsWrapAtLineWidth() {
        let expected = """
        tensor([ 0.,  1.,  2.,  3.,  4.,  5.,  6.,  7.,  8.,  9., 10., 11., 12., 13.,
                14., 15., 16., 17., 18., 19., 20., 21., 22., 23., 24., 25., 26., 27.,
                28., 29.])
        """
        XCTAssertEqual(repr(F((0..<30).map { Float($0) })), expected)

        // 1000 elements is not above the threshold: every element, 12 a line.
        let full = repr(F((0..<1000).map { Float($0) }))
        XCTAssertFalse(full.contains("..."))
        XCTAssertEqual(full.split(separator: "\n").count, 84)
        XCTAssertTrue(full.hasPrefix("tensor([  0.,   1.,   2.,   3.,   4.,   5.,   6.,   7.,   8.,   9.,  10.,  11.,\n"))
        XCTAssertTrue(full.hasSuffix("\n        996., 997., 998., 999.])"))
    }

    func testSuffixesFollowOrWrap() {
        XCTAssertEqual(repr(F([1, 1, 1]), requiresGrad: true, gradFn: "MulBackward0"),
                       "tensor([1., 1., 1.], grad_fn=<MulBackward0>)")
        XCTAssertEqual(repr(F((0..<10).map { Float($0) }), requiresGrad: true),
                       "tensor([0., 1., 2., 3., 4., 5., 6., 7., 8., 9.], requires_grad=True)")
        // The last line is 77 characters: the suffix would pass 80.
        XCTAssertEqual(repr(F((0..<14).map { Float($0) }), requiresGrad: true), """
        tensor([ 0.,  1.,  2.,  3.,  4.,  5.,  6.,  7.,  8.,  9., 10., 11., 12., 13.],
               requires_grad=True)
        """)
        XCTAssertEqual(repr(F([1, 2, 3, 4], [2, 2]), gradFn: "AddBackward0"),
                       "tensor([[1., 2.],\n        [3., 4.]], grad_fn=<AddBackward0>)")
    }

    func testSummarizedMatrices() {
        XCTAssertEqual(repr(F(Array(repeating: 1, count: 1500), [500, 3])), """
        tensor([[1., 1., 1.],
                [1., 1., 1.],
                [1., 1., 1.],
                ...,
                [1., 1., 1.],
                [1., 1., 1.],
                [1., 1., 1.]])
        """)
        XCTAssertEqual(repr(F(Array(repeating: 1, count: 1500), [3, 500])), """
        tensor([[1., 1., 1.,  ..., 1., 1., 1.],
                [1., 1., 1.,  ..., 1., 1., 1.],
                [1., 1., 1.,  ..., 1., 1., 1.]])
        """)
        XCTAssertEqual(repr(B(Array(repeating: false, count: 2000))),
                       "tensor([False, False, False,  ..., False, False, False])")
    }

    /// Only the printed values decide the notation and width.
    func testSummarizedScanSkipsHiddenValues() {
        var values = [Float](repeating: 1.5, count: 2000)
        values[999] = 1e12
        values[1000] = 1e-9
        XCTAssertEqual(repr(F(values)), "tensor([1.5000, 1.5000, 1.5000,  ..., 1.5000, 1.5000, 1.5000])")
        values[1] = 1e-9
        XCTAssertEqual(repr(F(values)),
                       "tensor([1.5000e+00, 1.0000e-09, 1.5000e+00,  ..., 1.5000e+00, 1.5000e+00,\n        1.5000e+00])")
        var ints = [Int64](repeating: 7, count: 3000)
        ints[1500] = -1_000_000
        XCTAssertEqual(repr(I(ints, [30, 100])).split(separator: "\n").first,
                       "tensor([[7, 7, 7,  ..., 7, 7, 7],")
    }

    func testSummarizedCubeWithSmallThreshold() {
        var options = PrintOptions()
        options.threshold = 100
        XCTAssertEqual(repr(I((0..<343).map { Int64($0) }, [7, 7, 7]), options), CUBE7)
    }

    func testSummarizedCubeWithDefaults() {
        XCTAssertEqual(repr(I((0..<1331).map { Int64($0) }, [11, 11, 11])), CUBE11)
    }

    func testPrintOptions() {
        XCTAssertEqual(repr(F([1.12345]), PrintOptions(precision: 2)), "tensor([1.12])")
        XCTAssertEqual(repr(I((0..<10).map { Int64($0) }), PrintOptions(threshold: 5)),
                       "tensor([0, 1, 2,  ..., 7, 8, 9])")
        XCTAssertEqual(repr(I((0..<10).map { Int64($0) }), PrintOptions(edgeItems: 2, lineWidth: 20)),
                       "tensor([0, 1, 2, 3,\n        4, 5, 6, 7,\n        8, 9])")
        XCTAssertEqual(repr(I((0..<10).map { Int64($0) }), PrintOptions(threshold: 5, edgeItems: 1)),
                       "tensor([0,  ..., 9])")
        // Forcing the notation keeps the width the formatter chose.
        XCTAssertEqual(repr(F([1e-5, 1]), PrintOptions(sciMode: false)), "tensor([    0.0000,     1.0000])")
        XCTAssertEqual(repr(F([1.5, 2]), PrintOptions(sciMode: true)), "tensor([1.5000e+00, 2.0000e+00])")
        XCTAssertEqual(repr(F([1, 2]), PrintOptions(sciMode: true)), "tensor([1.0000e+00, 2.0000e+00])")
        XCTAssertEqual(repr(F((0..<2000).map { Float($0) }), .full).split(separator: "\n").count, 334)  // scientific: 6 a line
        // Nonsense options never crash.
        XCTAssertEqual(repr(F([1.5]), PrintOptions(precision: -3, edgeItems: -1, lineWidth: -5)), "tensor([2])")
        XCTAssertEqual(repr(I([1, 2, 3]), PrintOptions(threshold: 1, edgeItems: .max)), "tensor([1, 2, 3])")
    }

    func testGlobalOptionsDriveDefaultRepr() {
        let saved = TensorFormatter.options
        defer { TensorFormatter.options = saved }
        TensorFormatter.options.precision = 1
        XCTAssertEqual(TensorFormatter.repr(F([0.25, 1])), "tensor([0.2, 1.0])")
        TensorFormatter.options = .default
        XCTAssertEqual(TensorFormatter.repr(F([0.25, 1])), "tensor([0.2500, 1.0000])")
    }

    func testSizeRepr() {
        XCTAssertEqual(TensorFormatter.sizeRepr([2, 3]), "torch.Size([2, 3])")
        XCTAssertEqual(TensorFormatter.sizeRepr([]), "torch.Size([])")
        XCTAssertEqual(TensorFormatter.tupleRepr([5]), "(5,)")
    }

    func testParameterAndReturnTypes() {
        XCTAssertEqual(TensorFormatter.parameterRepr(F([0.5, -1])),
                       "Parameter containing:\ntensor([ 0.5000, -1.0000], requires_grad=True)")
        let values = TensorFormatter.repr(F([3, 6]))
        let indices = TensorFormatter.repr(I([2, 2]))
        XCTAssertEqual(TensorFormatter.returnTypesRepr("max", fields: [("values", values), ("indices", indices)]),
                       "torch.return_types.max(\nvalues=tensor([3., 6.]),\nindices=tensor([2, 2]))")
    }

    /// Printing a 60000x784 tensor reads only the elements it shows.
    func testHugeTensorReadsOnlyShownElements() {
        final class Counting: FormattableTensor {
            let shape = [60000, 784]
            let dtype = DType.float32
            var reads = 0
            func scalar(atLogical index: Int) -> Scalar {
                reads += 1
                return .float(Double(Float(index % 784) / 255))
            }
        }
        let t = Counting()
        let text = TensorFormatter.repr(t)
        XCTAssertLessThanOrEqual(t.reads, 3 * 36)
        XCTAssertEqual(text.split(separator: "\n").count, 7)
        XCTAssertTrue(text.hasPrefix("tensor([[0.0000, 0.0039, 0.0078,  ..., 3.0627, 3.0667, 3.0706],\n"))
    }

    private let CUBE7 = """
    tensor([[[  0,   1,   2,  ...,   4,   5,   6],
             [  7,   8,   9,  ...,  11,  12,  13],
             [ 14,  15,  16,  ...,  18,  19,  20],
             ...,
             [ 28,  29,  30,  ...,  32,  33,  34],
             [ 35,  36,  37,  ...,  39,  40,  41],
             [ 42,  43,  44,  ...,  46,  47,  48]],

            [[ 49,  50,  51,  ...,  53,  54,  55],
             [ 56,  57,  58,  ...,  60,  61,  62],
             [ 63,  64,  65,  ...,  67,  68,  69],
             ...,
             [ 77,  78,  79,  ...,  81,  82,  83],
             [ 84,  85,  86,  ...,  88,  89,  90],
             [ 91,  92,  93,  ...,  95,  96,  97]],

            [[ 98,  99, 100,  ..., 102, 103, 104],
             [105, 106, 107,  ..., 109, 110, 111],
             [112, 113, 114,  ..., 116, 117, 118],
             ...,
             [126, 127, 128,  ..., 130, 131, 132],
             [133, 134, 135,  ..., 137, 138, 139],
             [140, 141, 142,  ..., 144, 145, 146]],

            ...,

            [[196, 197, 198,  ..., 200, 201, 202],
             [203, 204, 205,  ..., 207, 208, 209],
             [210, 211, 212,  ..., 214, 215, 216],
             ...,
             [224, 225, 226,  ..., 228, 229, 230],
             [231, 232, 233,  ..., 235, 236, 237],
             [238, 239, 240,  ..., 242, 243, 244]],

            [[245, 246, 247,  ..., 249, 250, 251],
             [252, 253, 254,  ..., 256, 257, 258],
             [259, 260, 261,  ..., 263, 264, 265],
             ...,
             [273, 274, 275,  ..., 277, 278, 279],
             [280, 281, 282,  ..., 284, 285, 286],
             [287, 288, 289,  ..., 291, 292, 293]],

            [[294, 295, 296,  ..., 298, 299, 300],
             [301, 302, 303,  ..., 305, 306, 307],
             [308, 309, 310,  ..., 312, 313, 314],
             ...,
             [322, 323, 324,  ..., 326, 327, 328],
             [329, 330, 331,  ..., 333, 334, 335],
             [336, 337, 338,  ..., 340, 341, 342]]])
    """

    private let CUBE11 = """
    tensor([[[   0,    1,    2,  ...,    8,    9,   10],
             [  11,   12,   13,  ...,   19,   20,   21],
             [  22,   23,   24,  ...,   30,   31,   32],
             ...,
             [  88,   89,   90,  ...,   96,   97,   98],
             [  99,  100,  101,  ...,  107,  108,  109],
             [ 110,  111,  112,  ...,  118,  119,  120]],

            [[ 121,  122,  123,  ...,  129,  130,  131],
             [ 132,  133,  134,  ...,  140,  141,  142],
             [ 143,  144,  145,  ...,  151,  152,  153],
             ...,
             [ 209,  210,  211,  ...,  217,  218,  219],
             [ 220,  221,  222,  ...,  228,  229,  230],
             [ 231,  232,  233,  ...,  239,  240,  241]],

            [[ 242,  243,  244,  ...,  250,  251,  252],
             [ 253,  254,  255,  ...,  261,  262,  263],
             [ 264,  265,  266,  ...,  272,  273,  274],
             ...,
             [ 330,  331,  332,  ...,  338,  339,  340],
             [ 341,  342,  343,  ...,  349,  350,  351],
             [ 352,  353,  354,  ...,  360,  361,  362]],

            ...,

            [[ 968,  969,  970,  ...,  976,  977,  978],
             [ 979,  980,  981,  ...,  987,  988,  989],
             [ 990,  991,  992,  ...,  998,  999, 1000],
             ...,
             [1056, 1057, 1058,  ..., 1064, 1065, 1066],
             [1067, 1068, 1069,  ..., 1075, 1076, 1077],
             [1078, 1079, 1080,  ..., 1086, 1087, 1088]],

            [[1089, 1090, 1091,  ..., 1097, 1098, 1099],
             [1100, 1101, 1102,  ..., 1108, 1109, 1110],
             [1111, 1112, 1113,  ..., 1119, 1120, 1121],
             ...,
             [1177, 1178, 1179,  ..., 1185, 1186, 1187],
             [1188, 1189, 1190,  ..., 1196, 1197, 1198],
             [1199, 1200, 1201,  ..., 1207, 1208, 1209]],

            [[1210, 1211, 1212,  ..., 1218, 1219, 1220],
             [1221, 1222, 1223,  ..., 1229, 1230, 1231],
             [1232, 1233, 1234,  ..., 1240, 1241, 1242],
             ...,
             [1298, 1299, 1300,  ..., 1306, 1307, 1308],
             [1309, 1310, 1311,  ..., 1317, 1318, 1319],
             [1320, 1321, 1322,  ..., 1328, 1329, 1330]]])
    """
}
