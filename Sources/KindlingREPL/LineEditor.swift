import CReadline
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What one `LineEditor.readLine` call produced.
public enum LineReadResult: Equatable, Sendable {
    /// A line (or several, when pasted with bracketed paste), without the final newline.
    case line(String)
    /// Ctrl-C: the line being typed was thrown away.
    case interrupted
    /// Ctrl-D on an empty line, or the end of piped input.
    case endOfInput
}

/// What the completion provider is asked: the line so far and the word being completed.
public struct CompletionRequest: Equatable, Sendable {
    /// The whole input line.
    public var line: String
    /// The text before the cursor.
    public var textBeforeCursor: String
    /// The word being completed (the text since the last word-break character; `.` does
    /// not break words, so it is `x.sh` for `print(x.sh`).
    public var word: String
}

/// Settings for a `LineEditor`.
public struct LineEditorConfiguration {
    /// Where history is kept between sessions; nil keeps it in memory only.
    public var historyPath: String?
    /// Most entries kept in the history file.
    public var historyLimit: Int = 2000
    /// Completions for a word: full replacements for `CompletionRequest.word`. Must be
    /// quick and must not evaluate anything expensive.
    public var completionProvider: ((CompletionRequest) -> [String])?
    /// Characters that separate words for completion (Python's rlcompleter defaults).
    public var wordBreakCharacters = " \t\n`~!@#$%^&*()-=+[{]}\\|;:'\",<>/?"
    /// Input and output streams; readline is used only when `input` is a terminal.
    public var inputDescriptor: Int32 = STDIN_FILENO

    public init(historyPath: String? = LineEditorConfiguration.defaultHistoryPath(),
                completionProvider: ((CompletionRequest) -> [String])? = nil) {
        self.historyPath = historyPath
        self.completionProvider = completionProvider
    }

    /// `$XDG_STATE_HOME/kindling/history` when `XDG_STATE_HOME` is set, else
    /// `~/.kindling_history`; nil when neither can be found.
    public static func defaultHistoryPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let state = environment["XDG_STATE_HOME"], !state.isEmpty {
            return state + "/kindling/history"
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.kindling_history"
    }
}

/// Line input for the REPL: GNU readline when stdin is a terminal (editing, history
/// with search, tab completion through a Swift closure, bracketed paste, Ctrl-C that
/// clears the line, Ctrl-D for end of input), plain line reading otherwise.
///
/// Readline is process-wide state, so only one editor reads at a time.
public final class LineEditor {
    public private(set) var configuration: LineEditorConfiguration
    /// True when readline is in use (input is a terminal).
    public let isInteractive: Bool
    let history: LineEditorHistory
    private let signals = InterruptPipe()
    private var plainInput: UnsafeMutablePointer<FILE>?

    /// The editor whose callbacks readline is calling (set while `readLine` runs).
    static var active: LineEditor?
    private var pendingResult: LineReadResult?
    /// Set by the Ctrl-C key binding.
    fileprivate var interruptKeyPressed = false

    public init(configuration: LineEditorConfiguration = LineEditorConfiguration()) {
        self.configuration = configuration
        self.isInteractive = isatty(configuration.inputDescriptor) == 1
        self.history = LineEditorHistory(path: configuration.historyPath, limit: configuration.historyLimit)
        if isInteractive { LineEditor.configureReadline(configuration) }
        history.load()
    }

    /// Reads one line, showing `prompt` (use `continuationPrompt` for the lines of an
    /// open block). Does not add the line to the history: call `addHistory`.
    public func readLine(prompt: String) -> LineReadResult {
        isInteractive ? readInteractively(prompt: prompt) : readPlainly()
    }

    /// Adds an entry (a whole multi-line block is one entry) and appends it to the
    /// history file. Blank entries and repeats of the previous entry are skipped.
    public func addHistory(_ entry: String) {
        history.add(entry)
    }

    /// The history, oldest first.
    public var historyEntries: [String] { history.entries }

    /// Wraps escape sequences in a prompt so readline does not count them as width.
    public static func invisible(_ escapeSequence: String) -> String {
        "\u{01}" + escapeSequence + "\u{02}"
    }

    // MARK: - Readline

    private static var configured = false

    private static func configureReadline(_ configuration: LineEditorConfiguration) {
        rl_readline_name = UnsafePointer(strdup("kindling"))
        rl_catch_signals = 0
        rl_catch_sigwinch = 0
        rl_change_environment = 0
        rl_attempted_completion_function = completionTrampoline
        // Ctrl-C while typing arrives as a key, not a signal: the terminal's interrupt
        // character is switched off while readline owns the terminal, so the key is
        // read in order with the others and nothing can be lost in a race.
        rl_prep_term_function = prepareTerminal
        rl_bind_key(3, interruptKeyCommand)
        // Readline keeps the pointer: a small, deliberate, one-time allocation.
        rl_completer_word_break_characters = UnsafePointer(strdup(configuration.wordBreakCharacters))
        if !configured {
            rl_variable_bind("enable-bracketed-paste", "on")
            configured = true
        }
    }

    private func readInteractively(prompt: String) -> LineReadResult {
        LineEditor.active = self
        defer { LineEditor.active = nil }
        pendingResult = nil
        signals.install()
        defer { signals.restore() }
        interruptKeyPressed = false
        rl_callback_handler_install(prompt, lineHandler)
        while pendingResult == nil {
            switch signals.wait(for: configuration.inputDescriptor) {
            case .input:
                rl_callback_read_char()
                if interruptKeyPressed && pendingResult == nil {
                    abandonLine()
                    return .interrupted
                }
            case .interrupt:
                abandonLine()
                return .interrupted
            case .resize:
                rl_resize_terminal()
            case .failed:
                abandonLine()
                return .endOfInput
            }
        }
        return pendingResult ?? .endOfInput
    }

    /// Called by readline with a finished line (NULL at end of input).
    fileprivate func finish(_ line: UnsafeMutablePointer<CChar>?) {
        rl_callback_handler_remove()
        if let line {
            pendingResult = .line(String(cString: line))
            free(line)
        } else {
            // Readline leaves the cursor after the prompt; end the line like Python does.
            fputs("\n", rl_outstream ?? stdout)
            pendingResult = .endOfInput
        }
    }

    /// Ctrl-C: throw the typed text away and leave the terminal as it was.
    private func abandonLine() {
        rl_replace_line("", 0)
        rl_free_line_state()
        rl_callback_sigcleanup()
        rl_echo_signal_char(SIGINT)
        rl_callback_handler_remove()
        fputs("\n", rl_outstream ?? stdout)
        fflush(rl_outstream ?? stdout)
    }

    // MARK: - Plain input

    private func readPlainly() -> LineReadResult {
        if plainInput == nil { plainInput = fdopen(dup(configuration.inputDescriptor), "r") }
        guard let file = plainInput else { return .endOfInput }
        var buffer: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(buffer) }
        let count = getline(&buffer, &capacity, file)
        guard count >= 0, let buffer else { return .endOfInput }
        // Work on bytes: "\r\n" is a single Character in Swift.
        var bytes = Array(UnsafeBufferPointer(start: UnsafeRawPointer(buffer).assumingMemoryBound(to: UInt8.self),
                                              count: count))
        if bytes.last == 0x0A { bytes.removeLast() }
        if bytes.last == 0x0D { bytes.removeLast() }
        return .line(String(decoding: bytes, as: UTF8.self))
    }

    deinit {
        if let plainInput { fclose(plainInput) }
    }
}

/// Readline's terminal set-up plus one change: no interrupt character, so Ctrl-C
/// reaches readline as a key (bound to `interruptKeyCommand`). Readline restores the
/// terminal it saved before this change when it lets go of it.
private func prepareTerminal(_ meta: Int32) {
    rl_prep_terminal(meta)
    let descriptor = rl_instream.map { fileno($0) } ?? STDIN_FILENO
    var settings = termios()
    guard tcgetattr(descriptor, &settings) == 0 else { return }
    disableInterruptCharacter(&settings)
    _ = tcsetattr(descriptor, TCSANOW, &settings)
}

private func disableInterruptCharacter(_ settings: inout termios) {
    withUnsafeMutableBytes(of: &settings.c_cc) { bytes in
        if Int(VINTR) < bytes.count { bytes[Int(VINTR)] = 0 }  // _POSIX_VDISABLE is 0 on Linux
    }
}

/// The Ctrl-C key binding: ask the reading loop to throw the line away.
private func interruptKeyCommand(_ count: Int32, _ key: Int32) -> Int32 {
    LineEditor.active?.interruptKeyPressed = true
    return 0
}

/// Readline's line callback: a C function that forwards to the active editor.
private func lineHandler(_ line: UnsafeMutablePointer<CChar>?) {
    if let editor = LineEditor.active {
        editor.finish(line)
    } else {
        rl_callback_handler_remove()
        free(line)
    }
}
