/// What the user typed at the step prompt: a stepping command or their own code.
///
/// A line is a command only when it is exactly one of the command words (with a
/// number for `g`/`goto`); everything else is code. To see a variable that is named
/// like a command (`n`, `l`), wrap it: `(n)` or `print(n)`.
public enum StepCommand: Equatable, Sendable {
    /// Enter, `n`, `next`: run the cell shown and show the one after.
    case next
    /// `r`, `rerun`: run the last lesson cell again.
    case rerun
    /// `g N`, `goto N`: run the cells before cell N (1-based), then show cell N.
    case goto(Int)
    /// `l`, `list`: list the cells with their titles or first lines.
    case list
    /// `q`, `quit` (or Ctrl-D): leave step mode.
    case quit
    /// `h`, `help`, `?`: explain the commands.
    case help
    /// Anything else: the user's own code, run in the lesson's namespace.
    case code(String)

    public init(parsing input: String) {
        let trimmed = input.trimmingCharacters(in: .whitespacesAndNewlines)
        let words = trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        switch words.count {
        case 0:
            self = .next
        case 1:
            switch words[0] {
            case "n", "next": self = .next
            case "r", "rerun": self = .rerun
            case "l", "list": self = .list
            case "q", "quit": self = .quit
            case "h", "help", "?": self = .help
            default: self = .code(input)
            }
        case 2 where ["g", "goto"].contains(words[0]):
            if let number = Int(words[1]) { self = .goto(number) } else { self = .code(input) }
        default:
            self = .code(input)
        }
    }

    /// The help text shown by `h`.
    public static let helpText = """
    Stepping through the lesson:
      Enter, n, next   run the cell shown, then show the next one
      r, rerun         run the last lesson cell again
      g N, goto N      run the cells before cell N, then show cell N (N earlier: just go back)
      l, list          list the cells (> marks the next one)
      q, quit          leave (Ctrl-D too)
      h, help          this help
    Anything else is Python, run in the lesson's namespace: look at variables, change
    them, call functions. A line that is only a command word is the command; to see a
    variable named n or l, type (n) or print(n).
    """
}
