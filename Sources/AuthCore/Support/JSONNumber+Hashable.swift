extension JSONNumber: Hashable {
    /// Whether the two numbers have the same value, however they are written (`1.0 == 1e0`).
    public static func == (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
        if lhs.literal == rhs.literal { return true }
        return lhs.withParts { left, leftParts in
            rhs.withParts { right, rightParts in
                if leftParts.isZero || rightParts.isZero { return leftParts.isZero && rightParts.isZero }
                guard leftParts.isNegative == rightParts.isNegative, leftParts.exponent == rightParts.exponent,
                    leftParts.digitCount == rightParts.digitCount
                else { return false }
                var leftIndex = leftParts.first
                var rightIndex = rightParts.first
                for _ in 0..<leftParts.digitCount {
                    if left[leftIndex] == UInt8(ascii: ".") { leftIndex += 1 }
                    if right[rightIndex] == UInt8(ascii: ".") { rightIndex += 1 }
                    guard left[leftIndex] == right[rightIndex] else { return false }
                    leftIndex += 1
                    rightIndex += 1
                }
                return true
            }
        }
    }

    /// Hashes the value (sign, significant digits, exponent), so equal numbers hash alike.
    public func hash(into hasher: inout Hasher) {
        withParts { bytes, parts in
            guard !parts.isZero else {
                hasher.combine(0 as UInt8)
                return
            }
            hasher.combine(parts.isNegative)
            hasher.combine(parts.exponent)
            hasher.combine(parts.digitCount)
            parts.forEachDigit(in: bytes) { digit in
                hasher.combine(digit)
                return true
            }
        }
    }
}
