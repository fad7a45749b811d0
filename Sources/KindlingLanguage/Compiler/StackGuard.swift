import Foundation

/// The native-stack guard behind `sys.setrecursionlimit`: the recursion limit may be set as high
/// as CPython allows, so deep Python recursion is also measured against the interpreter thread's
/// real stack, and raises RecursionError while a safety margin is left (never a crash).
extension Interrupts {
    /// Bytes of native stack kept free below the deepest Python call.
    static let stackMargin: UInt = 1 << 22

    /// The lowest usable stack address of the big-stack interpreter thread, and that thread.
    nonisolated(unsafe) static var stackFloor: UInt = 0
    nonisolated(unsafe) static var stackThread: pthread_t?

    /// Records the running thread's stack (its current position and size) as the one to guard.
    static func guardStack(size: Int) -> (UInt, pthread_t?) {
        let previous = (stackFloor, stackThread)
        var marker = 0
        let here = withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
        stackFloor = here &- UInt(size) &+ stackMargin
        stackThread = pthread_self()
        return previous
    }

    static func restoreStackGuard(_ previous: (UInt, pthread_t?)) {
        (stackFloor, stackThread) = previous
    }

    /// Checked every 32 calls once the depth passes 1000.
    @inline(__always) static func checkStackIfDeep(_ depth: Int) throws {
        if depth > 1000 && depth & 31 == 0 { try checkStack() }
    }

    @inline(never) static func checkStack() throws {
        guard let owner = stackThread, pthread_equal(owner, pthread_self()) != 0 else { return }
        var marker = 0
        let here = withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
        if here < stackFloor {
            throw PyException.make(.recursionError, "maximum recursion depth exceeded (Kindling's interpreter stack is full)")
        }
    }
}
