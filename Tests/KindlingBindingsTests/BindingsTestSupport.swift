import Foundation
import KindlingBindings
import KindlingLanguage
import KindlingSharedData

/// A fresh interpreter with Kindling's modules, capturing what `print` writes.
final class ScriptRunner {
    let interp = Interpreter()
    private(set) var output = ""

    init() {
        KindlingModules.install(into: interp)
        interp.output = { [unowned self] s in self.output += s }
    }

    /// Runs statements; returns what they printed.
    @discardableResult
    func run(_ source: String) throws -> String {
        let before = output.count
        try interp.run(source: source, filename: "<test>")
        return String(output.dropFirst(before))
    }

    /// `repr(eval(expr))` after the statements run.
    func repr(_ expr: String) throws -> String {
        guard let v = try interp.run(source: expr, filename: "<test>", mode: .interactive) else { return "None" }
        return interp.repr(v)
    }

    /// The Python exception a snippet raises, as `Type: message`, or nil.
    func error(_ source: String) -> String? {
        do { try interp.run(source: source, filename: "<test>") } catch let e as PyException {
            return "\(e.typeName): \(e.message)"
        } catch { return "\(error)" }
        return nil
    }
}

/// `../shared` beside the repository (CI lays it there), or `$KINDLING_SHARED`.
func sharedDirectory(file: String = #filePath) -> URL? {
    SharedData.folder(holding: "golden", besideAncestors: 0..<4, of: file)
}
