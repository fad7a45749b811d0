/// What `.iloc[...]` returns: a frame, a Series (one axis collapsed) or a scalar.
public enum ILocResult {
    case frame(DataFrame)
    case series(Series)
    case scalar(FrameScalar)
}

extension DataFrame {
    /// `df.iloc[rows, columns]` with pandas' rules: an integer on an axis collapses it.
    /// `df.iloc[i]` is `iloc(.position(i), .slice(.all))`: the row as a Series named by its label.
    public func iloc(_ rows: Selector, _ cols: Selector = .slice(.all)) throws -> ILocResult {
        let r = try rows.resolve(count: rowCount)
        let c = try cols.resolve(count: columns.count)
        switch (r.single, c.single) {
        case (true, true):
            return .scalar(data[c.positions[0]].scalar(at: r.positions[0]))
        case (true, false):
            return .series(rowSeries(r.positions[0], columns: c.positions))
        case (false, true):
            let col = c.positions[0]
            let values: NumericBuffer
            let labels: Labels
            if let st = r.stride { values = sliceBuffer(data[col], st); labels = index.slice(st) }
            else { values = data[col].take(r.positions); labels = index.take(r.positions) }
            return .series(Series(values: values, index: labels, name: .string(columns[col])))
        case (false, false):
            let picked = DataFrame(uncheckedColumns: c.positions.map { columns[$0] },
                                   data: c.positions.map { data[$0] }, index: index)
            if let st = r.stride {
                if st.isContiguous && st.count == rowCount { return .frame(picked) }
                return .frame(picked.sliceRows(st))
            }
            return .frame(picked.takeRows(r.positions))
        }
    }

    /// Row `i` over the given columns, as pandas' `df.iloc[i]`: a Series indexed by column
    /// names, named by the row's label, float64 if any picked column is float.
    func rowSeries(_ i: Int, columns picked: [Int]) -> Series {
        let names = Labels(.strings(picked.map { columns[$0] }))
        let kinds = Set(picked.map { data[$0].dtype })
        let values: NumericBuffer
        if kinds == [.bool] {
            values = .bool(picked.map { if case .bool(let a) = data[$0] { return a[i] } else { return false } })
        } else if kinds.contains(.float64) {
            values = .float64(picked.map { data[$0].double(at: i) })
        } else if picked.allSatisfy({ if case .uint8 = data[$0] { return true } else { return false } }) {
            values = .uint8(picked.map { if case .uint8(let a) = data[$0] { return a[i] } else { return 0 } })
        } else {
            values = .int64(picked.map { data[$0].scalar(at: i) }.map {
                if case .int(let v) = $0 { return v }
                return Int64($0.doubleValue)
            })
        }
        return Series(values: values, index: names, name: index[i])
    }

    private func sliceBuffer(_ b: NumericBuffer, _ st: SteppedRange) -> NumericBuffer {
        st.isContiguous ? b.slice(st.start..<(st.start + st.count)) : b.take(st.array)
    }
}
