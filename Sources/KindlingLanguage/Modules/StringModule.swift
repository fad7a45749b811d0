/// CPython's `string` module: the character-class constants and `capwords`.
/// (`Formatter` and `Template` are not provided.)
enum StringModule {
    static let asciiLowercase = "abcdefghijklmnopqrstuvwxyz"
    static let asciiUppercase = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    static let digits = "0123456789"
    static let punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
    static let whitespace = " \t\n\r\u{0B}\u{0C}"

    static func make() -> PyModule {
        let m = PyModule(name: "string")
        m["ascii_lowercase"] = .str(asciiLowercase)
        m["ascii_uppercase"] = .str(asciiUppercase)
        m["ascii_letters"] = .str(asciiLowercase + asciiUppercase)
        m["digits"] = .str(digits)
        m["hexdigits"] = .str(digits + "abcdefABCDEF")
        m["octdigits"] = .str("01234567")
        m["punctuation"] = .str(punctuation)
        m["whitespace"] = .str(whitespace)
        m["printable"] = .str(digits + asciiLowercase + asciiUppercase + punctuation + whitespace)
        m.define("capwords") { a in
            // CPython: (sep or ' ').join(map(str.capitalize, s.split(sep)))
            let b = try a.bind(["s", "sep=None"])
            let s = b["s"]
            guard case .str = s else {
                throw PyException.make(.attributeError, "'\(s.typeName)' object has no attribute 'split'")
            }
            let sep = b["sep"]
            let words = try Runtime.iterateToArray(try Runtime.callMethod(s, "split", [sep]))
            let capitalised = try words.map { try Runtime.callMethod($0, "capitalize", []) }
            let joiner: Value = try sep.isTruthy() ? sep : .str(" ")
            return try Runtime.callMethod(joiner, "join", [.object(PyList(capitalised))])
        }
        return m
    }
}
