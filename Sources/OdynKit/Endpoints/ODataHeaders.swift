import HTTPTypes

/// Header names OData and Business Central use.
enum ODataHeaders {
    /// `Prefer` (for example `odata.maxpagesize=100`).
    static let prefer = HTTPField.Name("Prefer")!
    /// `If-Match`.
    static let ifMatch = HTTPField.Name("If-Match")!
    /// `Isolation` (`snapshot` makes a `$batch` one transaction).
    static let isolation = HTTPField.Name("Isolation")!
}
