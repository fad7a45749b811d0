import KindlingBindings
import KindlingLanguage

/// What `x?` / `x??` and a Jupyter `inspect_request` show: IPython's fields
/// (`Signature:`, `Docstring:`, `Type:`, ...), or `%inspect`'s view for tensors.
struct ObjectInspector {
    let session: NotebookSession
    var interpreter: Interpreter { session.interpreter }

    /// `expression?`: the text to print, or nil after emitting the lookup's error.
    func help(_ expression: String, detail: Int) -> String? {
        do {
            let value = try interpreter.run(source: expression, filename: "<help>", mode: .interactive) ?? .none
            return describe(value, expression: expression, detail: detail)
        } catch let error as PyException where error.matches(.nameError) || error.matches(.attributeError) {
            return "Object `\(expression)` not found.\n"
        } catch {
            session.emit(.error(CellError.from(error, interpreter: interpreter)))
            return nil
        }
    }

    /// IPython's fields for `value`.
    func describe(_ value: Value, expression: String, detail: Int) -> String {
        if value.as(TensorObject.self) != nil {
            return TensorInspector.inspect(value, expression: expression, interpreter: interpreter,
                                           capabilities: session.terminal ?? .init(imageProtocol: .none))
        }
        var fields: [(String, String)] = []
        let help = NativeHelp.lookup(qualifiedNames(of: value, expression: expression))
        if let function = value.as(PyFunction.self) {
            fields.append(("Signature", function.name + function.signature.text(defaults: function.defaultValues)))
            fields.append(("Docstring", function.doc ?? "<no docstring>"))
            fields.append(("Type", "function"))
        } else if let function = value.as(NativeFunction.self) {
            if let signature = function.signature?.text() ?? help?.signature {
                fields.append(("Signature", function.name + signature))
            }
            fields.append(("Docstring", function.doc ?? help?.doc ?? "<no docstring>"))
            fields.append(("Type", function.qualifier == nil ? "builtin_function_or_method" : "method"))
        } else if let cls = value.as(PyClass.self) {
            if let signature = help?.signature ?? initSignature(of: cls) {
                fields.append(("Init signature", cls.name + signature))
            }
            fields.append(("Docstring", classDoc(cls) ?? help?.doc ?? "<no docstring>"))
            if !cls.isNative {
                let methods = cls.dict.keys.filter { !$0.hasPrefix("_") }.sorted()
                if !methods.isEmpty { fields.append(("Methods", methods.joined(separator: ", "))) }
            }
            fields.append(("Type", "type"))
        } else if let bound = value.as(BoundMethod.self) {
            return describe(bound.function, expression: expression, detail: detail)
        } else {
            fields.append(("Type", value.typeName))
            let form = interpreter.str(value)
            fields.append(("String form", form.count > 200 ? String(form.prefix(200)) + "..." : form))
            if value.as(PyModule.self) == nil, let doc = classDoc(value.pyClass) ?? help?.doc {
                fields.append(("Docstring", doc))
            }
        }
        let width = (fields.map(\.0.count).max() ?? 0) + 2
        return fields.map { label, text in
            let head = label + ":" + String(repeating: " ", count: max(1, width - label.count - 1))
            let indent = String(repeating: " ", count: head.count)
            return head + text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n" + indent)
        }.joined(separator: "\n") + "\n"
    }

    /// A user class's `__init__` parameters (without `self`).
    func initSignature(of cls: PyClass) -> String? {
        guard let initializer = cls.lookup("__init__")?.as(PyFunction.self) else { return nil }
        let text = initializer.signature.text(defaults: initializer.defaultValues)
        return text.replacingOccurrences(of: "(self, ", with: "(").replacingOccurrences(of: "(self)", with: "()")
    }

    func classDoc(_ cls: PyClass) -> String? {
        if case let .str(doc)? = cls.dict["__doc__"] { return doc }
        return nil
    }

    /// Names the object may have in `NativeHelp`: found by identity in the loaded
    /// modules, then from how it was written (`pd.read_csv` -> `pandas.read_csv`).
    func qualifiedNames(of value: Value, expression: String) -> [String] {
        var names: [String] = []
        if case let .object(object) = value {
            for key in NativeHelp.entries.keys {
                guard let dot = key.lastIndex(of: ".") else { continue }
                let module = String(key[..<dot]), attribute = String(key[key.index(after: dot)...])
                if case let .object(candidate)? = interpreter.modules[module]?.namespace.get(attribute), candidate === object {
                    names.append(key)
                }
            }
        }
        let parts = expression.split(separator: ".").map(String.init)
        if parts.count > 1, let module = interpreter.getGlobal(parts[0])?.as(PyModule.self) {
            names.append(([module.name] + parts.dropFirst()).joined(separator: "."))
        }
        if let cls = value.as(PyClass.self) { names.append(cls.moduleName + "." + cls.name) }
        return names
    }
}
