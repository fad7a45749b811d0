import Foundation

/// A JSON value as the Jupyter messaging protocol carries it: headers, content,
/// metadata and connection files. Integers stay integers (`execution_count`),
/// other numbers are doubles.
public enum KernelJSON: Equatable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([KernelJSON])
    case object([String: KernelJSON])

    /// Parses UTF-8 JSON text; nil when it is not valid JSON.
    public static func parse(_ data: Data) -> KernelJSON? {
        guard !data.isEmpty else { return nil }
        return try? JSONDecoder().decode(KernelJSON.self, from: data)
    }

    /// Compact UTF-8 JSON text.
    public func encoded() -> Data {
        (try? KernelJSON.encoder.encode(self)) ?? Data("null".utf8)
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// The member `key` of an object; nil for other values or a missing key.
    public subscript(key: String) -> KernelJSON? {
        if case let .object(members) = self { return members[key] }
        return nil
    }

    public var stringValue: String? {
        if case let .string(value) = self { return value }
        return nil
    }

    public var intValue: Int? {
        switch self {
        case let .int(value): return value
        case let .double(value) where value.rounded() == value && abs(value) < 1e15: return Int(value)
        default: return nil
        }
    }

    /// Booleans as Python reads them in a request (`bool(x)` for the usual JSON values).
    public var boolValue: Bool? {
        switch self {
        case let .bool(value): return value
        case let .int(value): return value != 0
        case .null: return false
        default: return nil
        }
    }

    public var objectValue: [String: KernelJSON]? {
        if case let .object(members) = self { return members }
        return nil
    }

    public var arrayValue: [KernelJSON]? {
        if case let .array(items) = self { return items }
        return nil
    }
}

extension KernelJSON: Codable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .int(value)
        } else if let value = try? container.decode(Double.self) {
            self = .double(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([KernelJSON].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: KernelJSON].self))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case let .bool(value): try container.encode(value)
        case let .int(value): try container.encode(value)
        case let .double(value):
            // JSON has no NaN or infinity; Python's json writes them bare, which clients reject anyway.
            if value.isFinite { try container.encode(value) } else { try container.encodeNil() }
        case let .string(value): try container.encode(value)
        case let .array(value): try container.encode(value)
        case let .object(value): try container.encode(value)
        }
    }
}

extension KernelJSON: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: KernelJSON...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, KernelJSON)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
    public init(nilLiteral: ()) { self = .null }
}

extension KernelJSON {
    /// This object with `key` set to `value` (other values are returned unchanged).
    public func setting(_ key: String, _ value: KernelJSON) -> KernelJSON {
        guard case var .object(members) = self else { return self }
        members[key] = value
        return .object(members)
    }
}
