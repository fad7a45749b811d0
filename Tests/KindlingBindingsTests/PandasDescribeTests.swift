import Foundation
import XCTest
import KindlingLanguage

/// `DataFrame.describe()` on numeric frames; expected text recorded from
/// pandas running the same script on the same CSV.
final class PandasDescribeTests: XCTestCase {
    static let csv = "label,x,y\n3,0.5,7\n1,-1.25,0\n4,2.0,0\n1,3.5,255\n5,0.0,12\n9,10.0,0\n2,7.0,1\n"

    func testDescribeMatchesPandas() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("kindling-describe-\(UUID().uuidString).csv")
        try Self.csv.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let r = ScriptRunner()
        try r.run("path = '\(file.path)'")
        let out = try r.run(#"""
            import pandas as pd
            df = pd.read_csv(path)
            print(df.describe())
            print(df[['label']].describe())
            print(df.describe().shape, df.describe().columns, df.describe().index)
            print(df.iloc[:1].describe())
            print(df.describe()['x'])
            print(df.iloc[2:6, 1:].describe().iloc[3:6])

            """#)
        let expected = #"""
                      label          x           y
            count  7.000000   7.000000    7.000000
            mean   3.571429   3.107143   39.285714
            std    2.819997   4.071898   95.232547
            min    1.000000  -1.250000    0.000000
            25%    1.500000   0.250000    0.000000
            50%    3.000000   2.000000    1.000000
            75%    4.500000   5.250000    9.500000
            max    9.000000  10.000000  255.000000
                      label
            count  7.000000
            mean   3.571429
            std    2.819997
            min    1.000000
            25%    1.500000
            50%    3.000000
            75%    4.500000
            max    9.000000
            (8, 3) Index(['label', 'x', 'y'], dtype='str') Index(['count', 'mean', 'std', 'min', '25%', '50%', '75%', 'max'], dtype='str')
                   label    x    y
            count    1.0  1.0  1.0
            mean     3.0  0.5  7.0
            std      NaN  NaN  NaN
            min      3.0  0.5  7.0
            25%      3.0  0.5  7.0
            50%      3.0  0.5  7.0
            75%      3.0  0.5  7.0
            max      3.0  0.5  7.0
            count     7.000000
            mean      3.107143
            std       4.071898
            min      -1.250000
            25%       0.250000
            50%       2.000000
            75%       5.250000
            max      10.000000
            Name: x, dtype: float64
                    x    y
            min  0.00  0.0
            25%  1.50  0.0
            50%  2.75  6.0

            """#
        let got = out.split(separator: "\n", omittingEmptySubsequences: false)
        let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
        for (i, (g, w)) in zip(got, want).enumerated() { XCTAssertEqual(g, w, "line \(i + 1)") }
        XCTAssertEqual(got.count, want.count)
        XCTAssertEqual(r.error("df.describe(percentiles=[0.1])"),
                       "NotImplementedError: DataFrame.describe(percentiles=...) is not supported by Kindling")
        XCTAssertEqual(r.error("df.dtypes"),
                       "NotImplementedError: DataFrame.dtypes (a Series of dtype objects) is not supported by Kindling")
        XCTAssertEqual(r.error("df.describe(include='all')"),
                       "NotImplementedError: DataFrame.describe(include=...) is not supported by Kindling")
    }

    /// Float frames too wide for 80 columns drop middle columns as pandas
    /// does, leaving room for the ` ...` column.
    func testWideFramesElideColumnsLikePandas() throws {
        var lines = ["label," + (0..<30).map { "pixel\($0)" }.joined(separator: ",")]
        for r in 0..<50 { lines.append((0..<31).map { c in String((r * 7 + c * 13 + r * c) % 256) }.joined(separator: ",")) }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("kindling-wide-\(UUID().uuidString).csv")
        try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let r = ScriptRunner()
        try r.run("import pandas as pd\npath = '\(file.path)'")
        let out = try r.run(#"""
            w = pd.read_csv(path)
            print(w.describe())
            print(w.describe().iloc[:, :12])
            print(w.describe().iloc[:, :7])
            print(w.head())

            """#)
        let expected = #"""
                        label      pixel0  ...     pixel28     pixel29
            count   50.000000   50.000000  ...   50.000000   50.000000
            mean   104.940000  111.720000  ...  127.480000  129.140000
            std     75.419483   68.830178  ...   74.675417   74.008827
            min      0.000000    5.000000  ...    1.000000    1.000000
            25%     42.750000   55.000000  ...   66.000000   69.750000
            50%     85.500000  105.000000  ...  127.000000  135.500000
            75%    166.250000  155.000000  ...  188.000000  185.250000
            max    252.000000  253.000000  ...  253.000000  254.000000

            [8 rows x 31 columns]
                        label      pixel0  ...      pixel9     pixel10
            count   50.000000   50.000000  ...   50.000000   50.000000
            mean   104.940000  111.720000  ...  131.780000  133.440000
            std     75.419483   68.830178  ...   71.897118   75.429968
            min      0.000000    5.000000  ...    8.000000    1.000000
            25%     42.750000   55.000000  ...   76.250000   69.500000
            50%     85.500000  105.000000  ...  137.000000  141.000000
            75%    166.250000  155.000000  ...  191.500000  196.000000
            max    252.000000  253.000000  ...  249.000000  251.000000

            [8 rows x 12 columns]
                        label      pixel0  ...      pixel4      pixel5
            count   50.000000   50.000000  ...   50.000000   50.000000
            mean   104.940000  111.720000  ...  123.480000  130.260000
            std     75.419483   68.830178  ...   70.194552   68.928478
            min      0.000000    5.000000  ...    1.000000    4.000000
            25%     42.750000   55.000000  ...   70.000000   79.000000
            50%     85.500000  105.000000  ...  119.000000  132.000000
            75%    166.250000  155.000000  ...  179.000000  185.000000
            max    252.000000  253.000000  ...  253.000000  251.000000

            [8 rows x 7 columns]
               label  pixel0  pixel1  pixel2  ...  pixel26  pixel27  pixel28  pixel29
            0      0      13      26      39  ...       95      108      121      134
            1      7      21      35      49  ...      129      143      157      171
            2     14      29      44      59  ...      163      178      193      208
            3     21      37      53      69  ...      197      213      229      245
            4     28      45      62      79  ...      231      248        9       26

            [5 rows x 31 columns]

            """#
        let got = out.split(separator: "\n", omittingEmptySubsequences: false)
        let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
        for (i, (g, w)) in zip(got, want).enumerated() { XCTAssertEqual(g, w, "line \(i + 1)") }
        XCTAssertEqual(got.count, want.count)
    }

    /// `Series.describe()` of int and float Series (a row too), named like the Series.
    func testSeriesDescribeMatchesPandas() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("kindling-describe-\(UUID().uuidString).csv")
        try Self.csv.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let r = ScriptRunner()
        try r.run("import pandas as pd\ndf = pd.read_csv('\(file.path)')")
        let out = try r.run(#"""
            print(df['label'].describe())
            print(df['x'].describe())
            print(df.iloc[0].describe())
            print(df['y'].iloc[:1].describe())

            """#)
        let expected = #"""
            count    7.000000
            mean     3.571429
            std      2.819997
            min      1.000000
            25%      1.500000
            50%      3.000000
            75%      4.500000
            max      9.000000
            Name: label, dtype: float64
            count     7.000000
            mean      3.107143
            std       4.071898
            min      -1.250000
            25%       0.250000
            50%       2.000000
            75%       5.250000
            max      10.000000
            Name: x, dtype: float64
            count    3.000000
            mean     3.500000
            std      3.278719
            min      0.500000
            25%      1.750000
            50%      3.000000
            75%      5.000000
            max      7.000000
            Name: 0, dtype: float64
            count    1.0
            mean     7.0
            std      NaN
            min      7.0
            25%      7.0
            50%      7.0
            75%      7.0
            max      7.0
            Name: y, dtype: float64

            """#
        let got = out.split(separator: "\n", omittingEmptySubsequences: false)
        let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
        for (i, (g, w)) in zip(got, want).enumerated() { XCTAssertEqual(g, w, "line \(i + 1)") }
        XCTAssertEqual(got.count, want.count)
        XCTAssertEqual(r.error("(df['label'] > 2).describe()"),
                       "NotImplementedError: Series.describe() of a bool Series is not supported by Kindling")
    }
}
