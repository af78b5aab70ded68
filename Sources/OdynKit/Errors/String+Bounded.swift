import AuthCore

extension String {
    /// The text cut to `limit` UTF-8 bytes' worth of characters, marked with `…` when cut. Error texts
    /// come from servers; an error that is logged, shown or stored must not grow with them.
    func bounded(to limit: Int = APIError.maximumTextLength) -> String {
        guard utf8.count > limit else { return self }
        return String(prefix(limit)) + "…"
    }
}
