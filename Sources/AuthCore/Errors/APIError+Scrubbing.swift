extension APIError {
    /// This error with every literal occurrence of `secrets` removed from its printable fields.
    ///
    /// Key-based redaction cannot catch a server that echoes a submitted password or code inside
    /// a free-text message; code that knows which secret values it sent calls this before throwing.
    public func scrubbing(_ secrets: [String]) -> APIError {
        let values = secrets.filter { $0.count >= 4 }
        guard !values.isEmpty else { return self }
        func clean(_ text: String?) -> String? {
            guard var text else { return nil }
            for value in values { text = text.replacingOccurrences(of: value, with: Redactor.placeholder) }
            return text
        }
        var copy = self
        copy.message = clean(message) ?? message
        copy.vendorMessage = clean(vendorMessage)
        copy.vendorCode = clean(vendorCode)
        copy.url = clean(url)
        copy.bodyExcerpt = clean(bodyExcerpt)
        if let inner = underlying as? APIError { copy.underlying = inner.scrubbing(values) }
        return copy
    }
}
