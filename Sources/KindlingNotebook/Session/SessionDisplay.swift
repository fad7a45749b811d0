import Foundation
import KindlingBindings
import KindlingGraphics
import KindlingLanguage

extension NotebookSession {
    /// A value as a MIME bundle: `text/plain` is its repr; `text/html` what its
    /// `_repr_html_()` returns (DataFrames: pandas' table layout), when it has one.
    public func bundle(for value: Value) -> MimeBundle {
        MimeBundle(plain: interpreter.repr(value), html: NotebookSession.htmlRepresentation(of: value))
    }

    /// A figure as a MIME bundle: `image/png`, matplotlib's `<Figure size 640x480 with 1 Axes>`
    /// as `text/plain`, and a drawing for `terminal` when the session has one.
    public func bundle(for figure: Figure) -> MimeBundle {
        let size = figure.pixelSize
        let plain = "<Figure size \(size.width)x\(size.height) with \(figure.axes.count) Axes>"
        let png = (try? figure.pngData()).map { Data($0) }
        return MimeBundle(plain: plain, png: png, terminalText: terminal.map { TerminalFigureRenderer.render(figure, for: $0) })
    }

    /// `_repr_html_()` of an instance (not of a class or module), when defined and a str.
    static func htmlRepresentation(of value: Value) -> String? {
        if value.as(PyClass.self) != nil || value.as(PyModule.self) != nil { return nil }
        guard value.pyClass.lookup("_repr_html_") != nil,
              let method = try? Runtime.lookupAttribute(value, "_repr_html_"),
              case let .str(html)? = try? Runtime.call(method, []) else { return nil }
        return html
    }

    /// Evaluates an expression without counting or showing it (Jupyter's
    /// `user_expressions`): its bundle, or the error it raised.
    public func evaluate(expression: String) -> Result<MimeBundle, CellError> {
        let previousOutput = interpreter.output
        interpreter.output = { _ in }
        defer { interpreter.output = previousOutput }
        do {
            let value = try interpreter.run(source: expression, filename: "<expression>", mode: .interactive) ?? .none
            return .success(bundle(for: value))
        } catch {
            return .failure(CellError.from(error, interpreter: interpreter))
        }
    }

    /// IPython's `display(*objs)` builtin: each object as a `display_data` output.
    func installDisplay() {
        let display = NativeFunction(name: "display") { [weak self] args in
            guard let self else { return .none }
            for object in args.positional {
                if let figure = object.as(FigureObject.self)?.figure {
                    self.emit(.displayData(self.bundle(for: figure)))
                } else {
                    self.emit(.displayData(self.bundle(for: object)))
                }
            }
            return .none
        }
        display.doc = "Display objects in the notebook: figures as pictures, DataFrames as tables."
        display.signature = Signature(parsing: ["*objs"])
        interpreter.builtinsModule.namespace.set("display", .object(display))
    }
}
