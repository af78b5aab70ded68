extension APIError {
    /// The most characters kept of ``message``, ``vendorMessage`` and ``bodyExcerpt``; of
    /// ``vendorCode``, a quarter of it. A server decides how long its error texts are; an error
    /// that is logged, shown or stored must not grow with them.
    public static let maximumTextLength = 1_024

    /// This error with its texts cut to ``maximumTextLength``.
    func bounded() -> APIError {
        var copy = self
        copy.message = APIError.cut(message, to: APIError.maximumTextLength)
        copy.vendorMessage = vendorMessage.map { APIError.cut($0, to: APIError.maximumTextLength) }
        copy.vendorCode = vendorCode.map { APIError.cut($0, to: APIError.maximumTextLength / 4) }
        copy.bodyExcerpt = bodyExcerpt.map { APIError.cut($0, to: APIError.maximumTextLength) }
        return copy
    }

    static func cut(_ text: String, to limit: Int) -> String {
        guard text.utf8.count > limit else { return text }
        return String(text.prefix(limit)) + "…"
    }
}
