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
    public var numberValue: JSONNumber? {
        if case .number(let value) = self { return value }
        return nil
    }

    /// The number as a `Decimal`, or `nil` if this is not a number or it is outside `Decimal`'s
    /// range (see ``JSONNumber/decimalValue``).
    public var decimalValue: Decimal? {
        numberValue?.decimalValue
    }

    /// The number as a `Double`, or `nil` if this is not a number.
    public var doubleValue: Double? {
        numberValue?.doubleValue
    }

    /// The number as an `Int` if it is integral and in range, otherwise `nil`.
    public var intValue: Int? {
        numberValue?.intValue
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
    /// Reads a JSON document (UTF-8, optionally after a byte order mark) into a `JSONValue`.
    ///
    /// The reader is strict RFC 8259 (see ``JSONReadError`` for what it refuses); any value may
    /// stand at the top level, and of repeated member names the last one counts.
    ///
    /// - Throws: ``JSONReadError`` when the data is not valid JSON.
    public init(jsonData: Data) throws {
        self = try JSONReader.read(jsonData)
    }

    /// Encodes the value as compact JSON with sorted keys, so output is stable; numbers are
    /// written exactly as they were read.
    ///
    /// - Throws: `EncodingError` for arrays and objects nested deeper than
    ///   ``maximumNestingDepth``.
    public func jsonData() throws -> Data {
        try JSONWriter.write(self)
    }

    /// Converts the value into any `Decodable` type by way of its JSON encoding.
    public func decode<T: Decodable>(_ type: T.Type, using decoder: JSONDecoder = JSONDecoder()) throws -> T {
        try decoder.decode(T.self, from: jsonData())
    }
}
