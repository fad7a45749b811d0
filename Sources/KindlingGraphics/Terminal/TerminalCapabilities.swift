#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How figures reach the terminal.
public enum TerminalImageProtocol: String, CaseIterable, Sendable {
    /// kitty graphics protocol (kitty, Ghostty, WezTerm): PNG sent in base64 chunks.
    case kitty
    /// iTerm2 inline images (OSC 1337 File=...), also WezTerm, Konsole-compatible terminals.
    case iterm
    /// DEC sixel graphics (xterm -ti vt340, mlterm, foot, Windows Terminal, ...).
    case sixel
    /// Unicode half blocks `▀` with foreground/background colours; lines in braille.
    case blocks
    /// Plain characters only: a shade ramp for images and braille for lines (`KINDLING_IMAGES=ascii`).
    case ascii
    /// A one-line text summary such as `[figure: 1 image 28x28, title '3']` (not a terminal).
    case none
}

/// Colours a character-cell rendering may use.
public enum TerminalColorDepth: Sendable {
    case trueColor
    case palette256
}

/// What the output terminal can show, decided from the environment.
public struct TerminalCapabilities: Equatable, Sendable {
    public var imageProtocol: TerminalImageProtocol
    public var colorDepth: TerminalColorDepth
    /// Width of the terminal in character cells.
    public var columns: Int

    public init(imageProtocol: TerminalImageProtocol, colorDepth: TerminalColorDepth = .trueColor, columns: Int = 80) {
        self.imageProtocol = imageProtocol
        self.colorDepth = colorDepth
        self.columns = max(10, columns)
    }

    /// Chooses a protocol from environment variables (`KINDLING_IMAGES` overrides everything, then
    /// not-a-TTY and `NO_COLOR`, then `KITTY_WINDOW_ID`, `TERM`, `TERM_PROGRAM`, `LC_TERMINAL`, `COLORTERM`).
    public static func detect(environment: [String: String], isTTY: Bool, columns: Int? = nil) -> TerminalCapabilities {
        let env = environment
        let term = (env["TERM"] ?? "").lowercased()
        let program = (env["TERM_PROGRAM"] ?? "").lowercased()
        let colorTerm = (env["COLORTERM"] ?? "").lowercased()
        let depth: TerminalColorDepth = (colorTerm == "truecolor" || colorTerm == "24bit"
            || ["iterm.app", "wezterm", "ghostty", "vscode"].contains(program)
            || term == "xterm-kitty" || term.hasSuffix("-direct")) ? .trueColor : .palette256
        let width = columns ?? env["COLUMNS"].flatMap { Int($0) } ?? 80
        func make(_ p: TerminalImageProtocol) -> TerminalCapabilities {
            TerminalCapabilities(imageProtocol: p, colorDepth: depth, columns: width)
        }

        if let forced = env["KINDLING_IMAGES"].flatMap({ TerminalImageProtocol(rawValue: $0.lowercased()) }) {
            return make(forced)
        }
        guard isTTY, term != "dumb" else { return make(.none) }
        // NO_COLOR: the one-line text summary, as the README documents (no escapes, no pictures).
        if let noColor = env["NO_COLOR"], !noColor.isEmpty { return make(.none) }
        if env["KITTY_WINDOW_ID"] != nil || term == "xterm-kitty" || term == "xterm-ghostty" || program == "ghostty" {
            return make(.kitty)
        }
        if program == "iterm.app" || env["LC_TERMINAL"] == "iTerm2" || program == "wezterm" {
            return make(.iterm)
        }
        if term.contains("sixel") || term.hasPrefix("mlterm") || term.hasPrefix("foot") || term == "yaft-256color" {
            return make(.sixel)
        }
        return make(.blocks)
    }

    /// The capabilities of standard output in this process.
    public static func current(fileDescriptor: Int32 = 1) -> TerminalCapabilities {
        var environment: [String: String] = [:]
        for name in ["KINDLING_IMAGES", "NO_COLOR", "TERM", "TERM_PROGRAM", "KITTY_WINDOW_ID", "LC_TERMINAL",
                     "COLORTERM", "COLUMNS"] {
            if let value = getenv(name) { environment[name] = String(cString: value) }
        }
        let tty = isatty(fileDescriptor) == 1
        return detect(environment: environment, isTTY: tty, columns: tty ? terminalColumns(fileDescriptor) : nil)
    }

    static func terminalColumns(_ fd: Int32) -> Int? {
        var size = winsize()
        #if canImport(Glibc)
        let request = UInt(TIOCGWINSZ)
        #else
        let request = TIOCGWINSZ
        #endif
        guard ioctl(fd, request, &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
