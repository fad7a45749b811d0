import Foundation
import KindlingNotebook

/// A session on a fresh interpreter, with helpers the notebook tests' lessons use:
/// `figure()` shows a small line plot, `Five()` is a value whose repr is `5` and whose
/// `_repr_html_` is a table.
func makeSession() -> NotebookSession {
    let session = NotebookSession()
    let prelude = """
    import matplotlib.pyplot as plt
    def figure():
        plt.figure(figsize=(2, 1))
        plt.plot([1, 2, 3])
        plt.show()
    class Five:
        def __repr__(self):
            return '5'
        def _repr_html_(self):
            return '<table><tr><td>5</td></tr></table>'
    """
    let result = session.submit(prelude, silent: true)
    precondition(!result.failed, "test prelude failed: \(result.error?.traceback ?? "")")
    session.hideCurrentNames()
    return session
}

extension CellResult {
    /// The output types in order (`stream`, `display_data`, `execute_result`, `error`).
    var kinds: [String] {
        outputs.map { output in
            switch output {
            case .stream: return "stream"
            case .displayData: return "display_data"
            case .executeResult: return "execute_result"
            case .error: return "error"
            }
        }
    }
}
