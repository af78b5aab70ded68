import Foundation

extension JSONValue {
    /// The object's members, or `nil` if this is not an object.
    public var objectValue: [String: JSONValue]? {
        if case .object(let value) = self { return value }
        return nil
    }

    /// The array's elements, or `nil` if this is not an array.
    public var arrayValue: [JSONValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    /// The string, or `nil` if this is not a string.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The boolean, or `nil` if this is not a boolean.
    public var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// The number, or `nil` if this is not a number.
    public var decimalValue: Decimal? {
        if case .number(let value) = self { return value }
        return nil
    }

    /// The number as a `Double`, or `nil` if this is not a number.
    public var doubleValue: Double? {
        decimalValue.map { NSDecimalNumber(decimal: $0).doubleValue }
    }

    /// The number as an `Int` if it is integral and in range, otherwise `nil`.
    public var intValue: Int? {
        guard let decimal = decimalValue, decimal.isFinite else { return nil }
        var value = decimal
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, 0, .plain)
        guard rounded == decimal else { return nil }
        return Int(exactly: NSDecimalNumber(decimal: rounded).int64Value)
    }

    /// `true` for JSON `null`.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The member named `key` when this is an object; `nil` otherwise or when absent.
    public subscript(key: String) -> JSONValue? {
        objectValue?[key]
    }

    /// The element at `index` when this is an array and the index is in range.
    public subscript(index: Int) -> JSONValue? {
        guard let array = arrayValue, array.indices.contains(index) else { return nil }
        return array[index]
    }
}

extension JSONValue {
    /// Decodes a JSON document into a `JSONValue`.
    ///
    /// - Throws: `DecodingError` when the data is not valid JSON.
    public init(jsonData: Data) throws {
        self = try JSONDecoder().decode(JSONValue.self, from: jsonData)
    }

    /// Encodes the value as compact JSON with sorted keys, so output is stable.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// Converts the value into any `Decodable` type by way of its JSON encoding.
    public func decode<T: Decodable>(_ type: T.Type, using decoder: JSONDecoder = JSONDecoder()) throws -> T {
        try decoder.decode(T.self, from: jsonData())
    }
}
