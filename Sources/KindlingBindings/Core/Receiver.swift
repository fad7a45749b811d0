import KindlingLanguage

extension Arguments {
    /// `self` of a native method: the first positional argument as `T`, or the
    /// TypeError a method called on the wrong object raises. `described` names
    /// the expected type with its article, e.g. "a 'Module'" or "an 'L'".
    func receiver<T: PyObject>(_: T.Type, described: String) throws -> T {
        guard let me = positional.first?.as(T.self) else {
            throw pyError(.typeError,
                "descriptor requires \(described) object but received '\(positional.first?.typeName ?? "nothing")'")
        }
        return me
    }
}
