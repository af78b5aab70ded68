import Foundation

extension JSONNumber: Codable {
    /// Decodes a number: as a `Decimal` (exact), or as a `Double` when it is out of `Decimal`'s
    /// range.
    public init(from decoder: any Decoder) throws {
        try self.init(from: try decoder.singleValueContainer())
    }

    /// Reads the number in `container`; a non-number throws `DecodingError.typeMismatch`.
    init(from container: any SingleValueDecodingContainer) throws {
        let decimal: Decimal
        do {
            decimal = try container.decode(Decimal.self)
        } catch {
            if case .typeMismatch? = error as? DecodingError { throw error }
            // A number `Decimal` cannot hold: JSONDecoder refuses 1e128 as a `Decimal`.
            guard let number = JSONNumber(try container.decode(Double.self)) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "number is not finite")
            }
            self = number
            return
        }
        guard let number = JSONNumber(decimal) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "number is NaN")
        }
        self = number
    }

    /// Encodes the number as a `Decimal` when in its range (exact up to 38 digits), otherwise as
    /// a `Double`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let decimal = decimalValue {
            try container.encode(decimal)
        } else {
            try container.encode(doubleValue)
        }
    }
}
