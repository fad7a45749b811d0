/// The Python frames being run, innermost last, so native code can ask where it was called from
/// (`warnings.warn` reports its caller's file and line, as CPython's does).
///
/// Each running function, module body and class body stores its frame, unretained, at the index of
/// the call depth it runs at and puts back what was there when it ends; frames always end in the
/// reverse order of their start (a generator's suspended body is not a stack frame here), so every
/// non-nil slot at or below the current depth is a frame that is still running. Depths past the
/// capacity are not recorded (lookups then simply see fewer frames).
enum FrameStack {
    static let capacity = 1 << 15
    nonisolated(unsafe) static let slots: UnsafeMutablePointer<Unmanaged<Frame>?> = {
        let p = UnsafeMutablePointer<Unmanaged<Frame>?>.allocate(capacity: capacity)
        p.initialize(repeating: nil, count: capacity)
        return p
    }()

    /// The slot of a depth, nil past the capacity.
    @inline(__always) static func slot(_ depth: Int) -> UnsafeMutablePointer<Unmanaged<Frame>?>? {
        depth >= 0 && depth < capacity ? slots + depth : nil
    }

    /// The running frames, innermost first (at most `limit` of them).
    static func frames(limit: Int) -> [Frame] {
        var out: [Frame] = []
        var d = min(Interrupts.depth, capacity - 1)
        while d >= 0 && out.count < limit {
            if let f = slots[d] { out.append(f.takeUnretainedValue()) }
            d -= 1
        }
        return out
    }
}

/// Where a running Python frame is: its file, current line and module globals.
public struct CallerLocation {
    public let filename: String
    public let line: Int
    public let globals: Namespace
}

extension Interpreter {
    /// The location of the running Python frame `level` frames out from the innermost one
    /// (0: the innermost), or nil when the stack is not that deep.
    public static func callerLocation(level: Int) -> CallerLocation? {
        guard level >= 0 else { return nil }
        let frames = FrameStack.frames(limit: level + 1)
        guard frames.count > level else { return nil }
        let f = frames[level]
        return CallerLocation(filename: f.code.filename, line: f.line, globals: f.globals)
    }
}
