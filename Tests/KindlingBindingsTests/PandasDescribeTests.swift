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
        XCTAssertEqual(r.error("df.describe(include='all')"),
                       "NotImplementedError: DataFrame.describe(include=...) is not supported by Kindling")
    }
}
