/// The unstable selection algorithms PyTorch's CPU `topk` runs (a partial
/// sort for small k, otherwise nth_element and a sort of the first k - 1),
/// written out step by step as GCC's C++ library performs them, so that
/// tied values come out in the same order as in PyTorch on Linux.
struct SelectionAlgorithms<E> {
    var a: [E]
    let less: (E, E) -> Bool

    /// `std::partial_sort(0, middle, count)`.
    mutating func partialSort(_ first: Int, _ middle: Int, _ last: Int) {
        heapSelect(first, middle, last)
        sortHeap(first, middle)
    }

    /// `std::nth_element(0, nth, count)`.
    mutating func nthElement(_ first: Int, _ nth: Int, _ last: Int) {
        guard first != last, nth != last else { return }
        var first = first, last = last
        var depth = 2 * Self.floorLog2(last - first)
        while last - first > 3 {
            if depth == 0 {
                heapSelect(first, nth + 1, last)
                a.swapAt(first, nth)
                return
            }
            depth -= 1
            let cut = partitionPivot(first, last)
            if cut <= nth { first = cut } else { last = cut }
        }
        insertionSort(first, last)
    }

    /// `std::sort(first, last)`: introsort, then a final insertion sort.
    mutating func sort(_ first: Int, _ last: Int) {
        guard last - first > 1 else { return }
        introsortLoop(first, last, 2 * Self.floorLog2(last - first))
        if last - first > 16 {
            insertionSort(first, first + 16)
            for i in (first + 16)..<last { unguardedLinearInsert(i) }
        } else {
            insertionSort(first, last)
        }
    }

    private mutating func introsortLoop(_ first: Int, _ last: Int, _ depth: Int) {
        var last = last, depth = depth
        while last - first > 16 {
            if depth == 0 {
                partialSort(first, last, last)
                return
            }
            depth -= 1
            let cut = partitionPivot(first, last)
            introsortLoop(cut, last, depth)
            last = cut
        }
    }

    private mutating func partitionPivot(_ first: Int, _ last: Int) -> Int {
        let mid = first + (last - first) / 2
        moveMedianToFirst(first, first + 1, mid, last - 1)
        return unguardedPartition(first + 1, last, pivot: first)
    }

    private mutating func moveMedianToFirst(_ result: Int, _ x: Int, _ y: Int, _ z: Int) {
        if less(a[x], a[y]) {
            if less(a[y], a[z]) { a.swapAt(result, y) }
            else if less(a[x], a[z]) { a.swapAt(result, z) }
            else { a.swapAt(result, x) }
        } else if less(a[x], a[z]) { a.swapAt(result, x) }
        else if less(a[y], a[z]) { a.swapAt(result, z) }
        else { a.swapAt(result, y) }
    }

    private mutating func unguardedPartition(_ first: Int, _ last: Int, pivot: Int) -> Int {
        var first = first, last = last
        while true {
            while less(a[first], a[pivot]) { first += 1 }
            last -= 1
            while less(a[pivot], a[last]) { last -= 1 }
            if !(first < last) { return first }
            a.swapAt(first, last)
            first += 1
        }
    }

    private mutating func insertionSort(_ first: Int, _ last: Int) {
        guard first != last else { return }
        var i = first + 1
        while i < last {
            if less(a[i], a[first]) {
                let value = a[i]
                var j = i
                while j > first { a[j] = a[j - 1]; j -= 1 }
                a[first] = value
            } else {
                unguardedLinearInsert(i)
            }
            i += 1
        }
    }

    private mutating func unguardedLinearInsert(_ position: Int) {
        let value = a[position]
        var last = position, next = position - 1
        while less(value, a[next]) { a[last] = a[next]; last = next; next -= 1 }
        a[last] = value
    }

    // MARK: - Heaps (make_heap / pop_heap / sort_heap on [first, last))

    private mutating func heapSelect(_ first: Int, _ middle: Int, _ last: Int) {
        makeHeap(first, middle)
        var i = middle
        while i < last {
            if less(a[i], a[first]) { popHeap(first, middle, result: i) }
            i += 1
        }
    }

    private mutating func makeHeap(_ first: Int, _ last: Int) {
        let len = last - first
        guard len >= 2 else { return }
        var parent = (len - 2) / 2
        while true {
            adjustHeap(first, parent, len, a[first + parent])
            if parent == 0 { return }
            parent -= 1
        }
    }

    private mutating func popHeap(_ first: Int, _ last: Int, result: Int) {
        let value = a[result]
        a[result] = a[first]
        adjustHeap(first, 0, last - first, value)
    }

    private mutating func sortHeap(_ first: Int, _ last: Int) {
        var last = last
        while last - first > 1 {
            last -= 1
            popHeap(first, last, result: last)
        }
    }

    private mutating func adjustHeap(_ first: Int, _ hole: Int, _ len: Int, _ value: E) {
        let top = hole
        var hole = hole, child = hole
        while child < (len - 1) / 2 {
            child = 2 * (child + 1)
            if less(a[first + child], a[first + child - 1]) { child -= 1 }
            a[first + hole] = a[first + child]
            hole = child
        }
        if len & 1 == 0 && child == (len - 2) / 2 {
            child = 2 * (child + 1)
            a[first + hole] = a[first + child - 1]
            hole = child - 1
        }
        // push_heap
        var parent = (hole - 1) / 2
        while hole > top && less(a[first + parent], value) {
            a[first + hole] = a[first + parent]
            hole = parent
            parent = (hole - 1) / 2
        }
        a[first + hole] = value
    }

    static func floorLog2(_ n: Int) -> Int { n <= 1 ? 0 : (Int.bitWidth - 1 - n.leadingZeroBitCount) }
}
