import KindlingData

/// pandas' `DataFrame._repr_html_()` layout (the table a notebook shows), eliding the middle
/// rows and columns the way pandas does: 60 rows max (first and last 5 otherwise), 20 columns max.
enum DataFrameHTML {
    static func html(_ frame: DataFrame, maxRows: Int = 60, maxColumns: Int = 20) -> String {
        let rows = visible(frame.rowCount, limit: maxRows, edge: 5)
        let cols = visible(frame.columns.count, limit: maxColumns, edge: maxColumns / 2)
        var out = """
        <div>
        <style scoped>
            .dataframe tbody tr th:only-of-type {
                vertical-align: middle;
            }

            .dataframe tbody tr th {
                vertical-align: top;
            }

            .dataframe thead th {
                text-align: right;
            }
        </style>
        <table border="1" class="dataframe">
          <thead>
            <tr style="text-align: right;">
              <th></th>

        """
        for c in cols { out += "      <th>\(c.map { escape(frame.columns[$0]) } ?? "...")</th>\n" }
        out += "    </tr>\n  </thead>\n  <tbody>\n"
        for r in rows {
            out += "    <tr>\n"
            out += "      <th>\(r.map { escape(frame.index[$0].description) } ?? "...")</th>\n"
            for c in cols {
                let cell: String
                if let r = r, let c = c { cell = frame.data[c].scalar(at: r).description } else { cell = "..." }
                out += "      <td>\(cell)</td>\n"
            }
            out += "    </tr>\n"
        }
        out += "  </tbody>\n</table>\n"
        if rows.count < frame.rowCount || cols.count < frame.columns.count {
            out += "<p>\(frame.rowCount) rows × \(frame.columns.count) columns</p>\n"
        }
        return out + "</div>"
    }

    /// Positions shown along an axis; nil marks the `...` gap.
    private static func visible(_ count: Int, limit: Int, edge: Int) -> [Int?] {
        if count <= limit { return Array(0..<count) }
        return Array(0..<edge) + [nil] + Array((count - edge)..<count)
    }

    private static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
