import AuthCore

/// Case-insensitive matching of the vendor's names: U-Tec's documents and devices disagree on
/// casing (`st.Lock` / `st.lock`, `Online` / `online`, `LIGHT` / `Light`).
enum UtecCaseInsensitive {
    /// The member of `table` whose raw name equals `text` ignoring case.
    static func match<Value>(_ text: String, in table: [(String, Value)]) -> Value? {
        let key = text.lowercased()
        return table.first { $0.0.lowercased() == key }?.1
    }

    /// Whether two names are equal ignoring case.
    static func equal(_ lhs: String, _ rhs: String) -> Bool {
        lhs.caseInsensitiveCompare(rhs) == .orderedSame
    }
}
