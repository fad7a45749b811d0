import Foundation
import KindlingBindings
import KindlingData
import KindlingEngine
import KindlingLanguage
import XCTest

/// The pandas module as scripts use it; expected text recorded from pandas 3.0 (CPython 3.11).
final class PandasBindingsTests: XCTestCase {
    static let smallCSV = """
    label,pixel0,pixel1,pixel2,pixel3
    1,0,11,22,33
    1,37,48,59,70
    2,74,85,96,107
    0,111,122,133,144
    1,148,159,170,181
    2,185,196,207,218
    0,222,233,244,255
    1,3,14,25,36
    1,40,51,62,73
    0,77,88,99,110
    1,114,125,136,147
    2,151,162,173,184

    """

    var runner: ScriptRunner!
    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("kindling-pandas-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Self.smallCSV.write(to: directory.appendingPathComponent("small.csv"), atomically: true, encoding: .utf8)
        runner = ScriptRunner()
        try runner.run("import pandas as pd\nimport torch\ndf = pd.read_csv('\(directory.path)/small.csv')")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    func testHeadShapeAndLength() throws {
        XCTAssertEqual(try runner.repr("df.head()"), """
               label  pixel0  pixel1  pixel2  pixel3
            0      1       0      11      22      33
            1      1      37      48      59      70
            2      2      74      85      96     107
            3      0     111     122     133     144
            4      1     148     159     170     181
            """)
        XCTAssertEqual(try runner.repr("df.shape"), "(12, 5)")
        XCTAssertEqual(try runner.repr("len(df)"), "12")
        XCTAssertEqual(try runner.repr("len(df.head(3)), len(df.tail(2))"), "(3, 2)")
    }

    func testValueCountsAndComparisons() throws {
        XCTAssertEqual(try runner.repr("df['label'].value_counts()"), """
            label
            1    6
            2    3
            0    3
            Name: count, dtype: int64
            """)
        XCTAssertEqual(try runner.repr("(df['label'] == 1).head(3)"), """
            0     True
            1     True
            2    False
            Name: label, dtype: bool
            """)
        XCTAssertEqual(try runner.repr("df['label'].tolist()"), "[1, 1, 2, 0, 1, 2, 0, 1, 1, 0, 1, 2]")
        XCTAssertEqual(try runner.repr("((df['label'] == 1) | (df['label'] == 2)).sum()"), "9")
        XCTAssertEqual(try runner.repr("(~(df['label'] > 0)).sum(), df['label'].sum(), df['label'].max()"), "(3, 12, 2)")
        XCTAssertEqual(try runner.repr("list(df['label'])[:4], len(df['label'])"), "([1, 1, 2, 0], 12)")
        XCTAssertEqual(try runner.repr("df['label'][2], df['label'].dtype, str(df['label'].dtype)"), "(2, dtype('int64'), 'int64')")
    }

    func testSampleDropResetIndexPickPandasRows() throws {
        try runner.run("""
            v = df.sample(frac=0.25, random_state=42)
            t = df.drop(v.index).reset_index(drop=True)
            """)
        XCTAssertEqual(try runner.repr("list(v.index)"), "[10, 9, 0]")
        XCTAssertEqual(try runner.repr("v.index"), "Index([10, 9, 0], dtype='int64')")
        XCTAssertEqual(try runner.repr("v.index[:2], v.index[-1], df.index[2:4]"),
                       "(Index([10, 9], dtype='int64'), 0, RangeIndex(start=2, stop=4, step=1))")
        XCTAssertEqual(try runner.repr("list(df.sample(n=3, random_state=1337).index)"), "[5, 3, 1]")
        XCTAssertEqual(try runner.repr("t"), """
               label  pixel0  pixel1  pixel2  pixel3
            0      1      37      48      59      70
            1      2      74      85      96     107
            2      0     111     122     133     144
            3      1     148     159     170     181
            4      2     185     196     207     218
            5      0     222     233     244     255
            6      1       3      14      25      36
            7      1      40      51      62      73
            8      2     151     162     173     184
            """)
    }

    func testILocForms() throws {
        XCTAssertEqual(try runner.repr("df.iloc[2]"), """
            label       2
            pixel0     74
            pixel1     85
            pixel2     96
            pixel3    107
            Name: 2, dtype: int64
            """)
        XCTAssertEqual(try runner.repr("df.iloc[2, 1:]"), """
            pixel0     74
            pixel1     85
            pixel2     96
            pixel3    107
            Name: 2, dtype: int64
            """)
        XCTAssertEqual(try runner.repr("df.iloc[:, 0].tolist()"), "[1, 1, 2, 0, 1, 2, 0, 1, 1, 0, 1, 2]")
        XCTAssertEqual(try runner.repr("df.iloc[:3, 1:].values"), """
            array([[  0,  11,  22,  33],
                   [ 37,  48,  59,  70],
                   [ 74,  85,  96, 107]])
            """)
        XCTAssertEqual(try runner.repr("df.iloc[:, 1:].shape, df.iloc[-1, -1], df.iloc[[0, 2], 0].tolist()"), "((12, 4), 184, [1, 2])")
        XCTAssertEqual(try runner.repr("df[df['label'] == 2].index.tolist()"), "[2, 5, 11]")
    }

    func testNDArrayObject() throws {
        try runner.run("a = df.iloc[:, 1:].values")
        XCTAssertEqual(try runner.repr("a.shape, a.dtype, len(a), a.ndim"), "((12, 4), dtype('int64'), 12, 2)")
        XCTAssertEqual(try runner.repr("a[1]"), "array([37, 48, 59, 70])")
        XCTAssertEqual(try runner.repr("a[1, 2], a[-1][0]"), "(np.int64(59), np.int64(151))")   // NumPy 2 scalars
        XCTAssertEqual(try runner.repr("a.reshape(-1, 2).shape, a.reshape(48).shape"), "((24, 2), (48,))")
        XCTAssertEqual(try runner.repr("a[:2].tolist()"), "[[0, 11, 22, 33], [37, 48, 59, 70]]")
    }

    func testValuesConvertToTensorsInBulk() throws {
        try runner.run("""
            x = torch.tensor(df.iloc[:, 1:].values)
            y = torch.tensor(df['label'].values)
            """)
        XCTAssertEqual(try runner.repr("x.dtype, x.shape, y.dtype, y.shape"),
                       "(torch.int64, torch.Size([12, 4]), torch.int64, torch.Size([12]))")
        XCTAssertEqual(try runner.repr("x[2].tolist(), y[:3].tolist()"), "([74, 85, 96, 107], [1, 1, 2])")
        // A large block is filled in pieces; check the values and a float64 array's float64 tensor.
        let n = NDArrayTensorConversionProbe.largeRows
        var values = [UInt8](repeating: 0, count: n * 784)
        for i in values.indices { values[i] = UInt8(truncatingIfNeeded: i &* 7) }
        let big = NDArrayObject(try NDArray(.uint8(values), shape: [n, 784]))
        let t = try big.makeTensor()
        XCTAssertEqual(t.shape, [n, 784])
        XCTAssertEqual(t.dtype, .int64)
        XCTAssertEqual(t.scalar(atLogical: n * 784 - 1), .int(Int64(UInt8(truncatingIfNeeded: (n * 784 - 1) &* 7))))
        XCTAssertEqual(t.scalar(atLogical: 300_001), .int(Int64(UInt8(truncatingIfNeeded: 300_001 &* 7))))
        let f = try NDArrayObject(try NDArray(.float64([0.5, 1.5, -2]), shape: [3])).makeTensor()
        XCTAssertEqual(f.dtype, .float64)
        XCTAssertEqual(f.scalars(), [.float(0.5), .float(1.5), .float(-2)])
    }

    func testFrameValuesFillATensorBlockByBlock() throws {
        // 1,500 rows x 785 columns is more than one block: the tensor is filled from the columns.
        let rows = 1500
        let columns = (0..<785).map { c in NumericBuffer.uint8((0..<rows).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ c) }) }
        var names = ["label"]
        names += (0..<784).map { "pixel\($0)" }
        let frame = try DataFrame(columns: names, data: columns)
        let t = try NDArrayObject(valuesOf: frame).makeTensor()
        XCTAssertEqual(t.shape, [rows, 785])
        XCTAssertEqual(t.dtype, .int64)
        for (r, c) in [(0, 0), (1499, 784), (700, 3), (1337, 400)] {
            XCTAssertEqual(t.scalar(atLogical: r * 785 + c), .int(Int64(UInt8(truncatingIfNeeded: r &* 31 &+ c))))
        }
        let viaFrame = try DataFrameObject(frame).makeTensor()
        XCTAssertEqual(viaFrame.shape, [rows, 785])
        let floats = try DataFrame(columns: ["a", "b"], data: [.float64([0.5, 2]), .uint8([1, 2])])
        let f = try NDArrayObject(valuesOf: floats).makeTensor()
        XCTAssertEqual(f.dtype, .float64)
        XCTAssertEqual(f.scalars(), [.float(0.5), .float(1), .float(2), .float(2)])
        XCTAssertEqual(try runner.repr("torch.tensor(df['label']).dtype, torch.tensor(df).shape"), "(torch.int64, torch.Size([12, 5]))")
    }

    func testPixelTensorsShareTheFramesBytesCopyOnWrite() throws {
        try runner.run("""
            x = torch.tensor(df.iloc[:, 1:].values)
            y = torch.tensor(df['label'].values)
            f = x.float() / 255
            """)
        let frame = try CSVReader.read(path: directory.appendingPathComponent("small.csv").path)
        XCTAssertTrue(try NDArrayObject(valuesOf: frame).makeTensor().isCompactStorage)
        XCTAssertTrue(try DataFrameObject(frame).makeTensor().isCompactStorage)
        XCTAssertEqual(try runner.repr("x.dtype, y.dtype, f.dtype, x[1], (y == 1).sum()"),
                       "(torch.int64, torch.int64, torch.float32, tensor([37, 48, 59, 70]), tensor(6))")
        XCTAssertEqual(try runner.repr("f[6].tolist()"), "[0.8705882430076599, 0.9137254953384399, 0.95686274766922, 1.0]")
        // Writing to the tensor never changes the frame (torch.tensor copies).
        try runner.run("x[0, 0] = 99\nx += 1\ny[0] = 7")
        XCTAssertEqual(try runner.repr("x[0].tolist(), df.iloc[0, 1], df['label'].iloc[0], y[:3].tolist()"),
                       "([100, 12, 23, 34], 0, 1, [7, 1, 2])")
        XCTAssertEqual(try runner.repr("torch.tensor(df.iloc[:, 1:].values)[0].tolist()"), "[0, 11, 22, 33]")
        XCTAssertEqual(try runner.repr("torch.tensor(df.iloc[:, 1:]).float().mean().item() == torch.tensor(df.iloc[:, 1:].values.tolist()).float().mean().item()"), "True")
    }

    func testPixelColumnsAreStoredInOneBytePerCell() throws {
        let frame = try CSVReader.read(path: directory.appendingPathComponent("small.csv").path)
        for column in frame.data {
            guard case .uint8 = column else { return XCTFail("pixel column not stored compactly: \(column.dtype)") }
        }
        XCTAssertEqual(frame.dtypes, Array(repeating: .int64, count: 5))
    }

    func testErrors() throws {
        XCTAssertEqual(runner.error("pd.read_csv('/nonexistent/train.csv')"),
                       "FileNotFoundError: [Errno 2] No such file or directory: '/nonexistent/train.csv'")
        XCTAssertEqual(runner.error("df['nope']"), "KeyError: 'nope'")
        XCTAssertEqual(runner.error("df.iloc[12]"), "IndexError: single positional indexer is out-of-bounds")
        XCTAssertEqual(runner.error("df.iloc[0, 0, 0]"), "IndexingError: Too many indexers")
        XCTAssertEqual(runner.error("df.sample(frac=2)"),
                       "ValueError: Replace has to be set to `True` when upsampling the population `frac` > 1.")
        XCTAssertEqual(runner.error("df.drop([99])"), "KeyError: '[99] not found in axis'")
        XCTAssertEqual(runner.error("df.values.reshape(7, 7)"), "ValueError: cannot reshape array of size 60 into shape (7,7)")
        XCTAssertEqual(runner.error("pd.read_csv('x.csv', sep=';')"), "NotImplementedError: read_csv(sep=';') is not supported by Kindling")
        XCTAssertEqual(runner.error("df.values[12]"), "IndexError: index 12 is out of bounds for axis 0 with size 12")
    }

    func testPathObjectsAndHTML() throws {
        try runner.run("from pathlib import Path\nd2 = pd.read_csv(Path('\(directory.path)') / 'small.csv')")
        XCTAssertEqual(try runner.repr("d2.shape"), "(12, 5)")
        let html = try runner.repr("df.head(2)._repr_html_()")
        XCTAssertTrue(html.contains("<th>pixel3</th>"), html)
        XCTAssertTrue(html.contains("<td>33</td>"), html)
    }
}

enum NDArrayTensorConversionProbe {
    /// Rows enough to need several blocks (a block is 2^18 values).
    static let largeRows = 1000
}
