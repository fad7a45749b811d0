/// A pandas DataFrame subset: named typed columns (contiguous, copy-on-write, so selecting
/// columns shares storage) and a row index.
public struct DataFrame {
    /// Column names, in order.
    public private(set) var columns: [String]
    /// One buffer per column, all `rowCount` long.
    public private(set) var data: [NumericBuffer]
    /// Row labels.
    public private(set) var index: Labels

    /// Builds a frame, checking that every column has as many values as the index.
    public init(columns: [String], data: [NumericBuffer], index: Labels? = nil) throws {
        guard columns.count == data.count else {
            throw DataError.value("\(columns.count) columns passed, passed data had \(data.count) columns")
        }
        let n = index?.count ?? data.first?.count ?? 0
        for d in data where d.count != n {
            throw DataError.value("Length of values (\(d.count)) does not match length of index (\(n))")
        }
        self.init(uncheckedColumns: columns, data: data, index: index ?? .range(count: n))
    }

    init(uncheckedColumns columns: [String], data: [NumericBuffer], index: Labels) {
        self.columns = columns
        self.data = data
        self.index = index
    }

    /// `df.columns` as a pandas Index of strings (its repr is `Index(['label', ...], dtype='str')`).
    public var columnIndex: Labels { Labels(.strings(columns)) }

    /// `len(df)`.
    public var rowCount: Int { index.count }
    /// `df.shape`.
    public var shape: (rows: Int, columns: Int) { (rowCount, columns.count) }
    /// `df.dtypes`, one per column.
    public var dtypes: [FrameDType] { data.map { $0.dtype } }
    /// `df.empty`.
    public var isEmpty: Bool { rowCount == 0 || columns.isEmpty }

    /// `df['name']`: a column as a Series sharing the frame's index. KeyError when absent.
    public func column(_ name: String) throws -> Series {
        guard let c = columns.firstIndex(of: name) else { throw DataError.key(pythonQuoted(name)) }
        return Series(values: data[c], index: index, name: .string(name))
    }

    /// `df[['a', 'b']]`: a frame of those columns.
    public func columns(_ names: [String]) throws -> DataFrame {
        let missing = names.filter { !columns.contains($0) }
        if !missing.isEmpty {
            throw DataError.key(pythonQuoted("None of [Index([\(missing.map(pythonQuoted).joined(separator: ", "))], dtype='object')] are in the [columns]"))
        }
        let idx = names.compactMap { columns.firstIndex(of: $0) }
        return DataFrame(uncheckedColumns: names, data: idx.map { data[$0] }, index: index)
    }

    /// `df[mask]`: the rows where a boolean Series is True (its index must match the frame's).
    public func filter(_ mask: Series) throws -> DataFrame {
        guard case .bool(let m) = mask.values else {
            throw DataError.key("a non-boolean Series cannot select rows")
        }
        guard mask.index == index || (mask.index.count == index.count && mask.index.labels == index.labels) else {
            throw DataError(.indexingError, "Unalignable boolean Series provided as indexer (index of the boolean Series and of the indexed object do not match).")
        }
        return takeRows(m.indices.filter { m[$0] })
    }

    /// Rows at `positions` (valid positions), keeping their labels.
    public func takeRows(_ positions: [Int]) -> DataFrame {
        DataFrame(uncheckedColumns: columns, data: data.map { $0.take(positions) }, index: index.take(positions))
    }

    /// `df.head(n)`; negative `n` drops that many from the end, as pandas does.
    public func head(_ n: Int = 5) -> DataFrame {
        let stop = n >= 0 ? min(n, rowCount) : max(rowCount + n, 0)
        return sliceRows(SteppedRange(0..<stop))
    }

    /// `df.tail(n)`.
    public func tail(_ n: Int = 5) -> DataFrame {
        let start = n >= 0 ? max(rowCount - n, 0) : (n < -rowCount ? rowCount : -n)
        return sliceRows(SteppedRange(start..<rowCount))
    }

    func sliceRows(_ positions: SteppedRange) -> DataFrame {
        let newData = data.map { d -> NumericBuffer in
            positions.isContiguous ? d.slice(positions.start..<(positions.start + positions.count)) : d.take(positions.array)
        }
        return DataFrame(uncheckedColumns: columns, data: newData, index: index.slice(positions))
    }

    /// `df.reset_index(drop=True)`: a fresh RangeIndex.
    public func resetIndex() -> DataFrame {
        DataFrame(uncheckedColumns: columns, data: data, index: .range(count: rowCount))
    }

    /// `df.drop(labels)` (axis 0): removes the rows with these index labels.
    /// A label not in the index is a KeyError, as in pandas.
    public func drop(labels: [Label]) throws -> DataFrame {
        var present = Set<Label>()
        for i in 0..<rowCount { present.insert(index[i]) }
        let missing = labels.filter { !present.contains($0) }
        if !missing.isEmpty {
            throw DataError.key(pythonQuoted("[\(missing.map { $0.pythonRepr }.joined(separator: ", "))] not found in axis"))
        }
        let gone = Set(labels)
        return takeRows((0..<rowCount).filter { !gone.contains(index[$0]) })
    }

    /// `df.drop(columns=[...])`.
    public func drop(columns names: [String]) throws -> DataFrame {
        let missing = names.filter { !columns.contains($0) }
        if !missing.isEmpty {
            throw DataError.key(pythonQuoted("[\(missing.map(pythonQuoted).joined(separator: ", "))] not found in axis"))
        }
        let keep = columns.indices.filter { !names.contains(columns[$0]) }
        return DataFrame(uncheckedColumns: keep.map { columns[$0] }, data: keep.map { data[$0] }, index: index)
    }
}
