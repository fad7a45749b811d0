import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Makes an interactive command the terminal's foreground process group of its own.
///
/// Started by `make run` (or any parent that does no job control), Kindling shares its
/// parent's process group, so Ctrl-C reaches `make` too, and make ends with
/// "Interrupt" and status 2 after the user quits, although Kindling handled the
/// Ctrl-C. In a group of its own only Kindling sees Ctrl-C; the parent's group gets
/// the terminal back at exit.
enum TerminalForeground {
    nonisolated(unsafe) private static var previousGroup: pid_t = -1

    /// Takes the terminal on stdin when this process shares a foreground group it does not lead.
    static func takeIfShared() {
        guard isatty(STDIN_FILENO) == 1 else { return }
        let group = getpgrp()
        guard tcgetpgrp(STDIN_FILENO) == group, group != getpid() else { return }
        guard setpgid(0, 0) == 0 else { return }
        // Setting the foreground from what is now a background group raises SIGTTOU.
        let previousHandler = signal(SIGTTOU, SIG_IGN)
        defer { signal(SIGTTOU, previousHandler) }
        if tcsetpgrp(STDIN_FILENO, getpgrp()) == 0 {
            previousGroup = group
            atexit { TerminalForeground.giveBack() }
        }
    }

    /// Hands the terminal back to the parent's group.
    static func giveBack() {
        guard previousGroup > 0 else { return }
        signal(SIGTTOU, SIG_IGN)
        _ = tcsetpgrp(STDIN_FILENO, previousGroup)
        previousGroup = -1
    }
}
