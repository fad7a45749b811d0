extension DataFrame {
    /// `df.sample(n=, frac=, replace=, random_state=)` along rows. With a seed it picks the
    /// same rows, in the same order, as pandas: `RandomState(seed).choice(len, size, replace)`.
    /// Without a seed the rows come from the system generator.
    public func sample(n: Int? = nil, frac: Double? = nil, replace: Bool = false, randomState: Int64? = nil) throws -> DataFrame {
        let size = try sampleSize(population: rowCount, n: n, frac: frac, replace: replace)
        var rng = try LegacyRandomState(pythonSeed: randomState ?? Int64(UInt32.random(in: 0...UInt32.max)))
        let picked = replace ? rng.choiceWithReplacement(rowCount, size: size)
                             : rng.choiceWithoutReplacement(rowCount, size: size)
        return takeRows(picked)
    }
}

/// pandas' `process_sampling_size` and `choice`'s checks.
func sampleSize(population: Int, n: Int?, frac: Double?, replace: Bool) throws -> Int {
    if n != nil && frac != nil { throw DataError.value("Please enter a value for `frac` OR `n`, not both") }
    var size = 1
    if let n = n {
        if n < 0 { throw DataError.value("A negative number of rows requested. Please provide `n` >= 0.") }
        size = n
    } else if let f = frac {
        if f < 0 { throw DataError.value("A negative number of rows requested. Please provide `frac` >= 0.") }
        if f > 1 && !replace {
            throw DataError.value("Replace has to be set to `True` when upsampling the population `frac` > 1.")
        }
        let x = (f * Double(population)).rounded(.toNearestOrEven)
        guard x < 9e18 else { throw DataError.value("frac is too large") }
        size = Int(x)
    }
    if !replace && size > population {
        throw DataError.value("Cannot take a larger sample than population when 'replace=False'")
    }
    if replace && population == 0 && size > 0 {
        throw DataError.value("a cannot be empty unless no samples are taken")
    }
    return size
}
