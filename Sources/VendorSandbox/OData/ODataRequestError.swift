/// A request Business Central refuses, with the status and error code it answers with.
struct ODataRequestError: Error, Equatable {
    let status: Int
    let code: String
    let message: String

    /// `400 BadRequest` for a query option or expression that cannot be read.
    static func badRequest(_ message: String) -> ODataRequestError {
        ODataRequestError(status: 400, code: "BadRequest", message: message)
    }

    /// `400` for a property the entity does not have.
    static func unknownProperty(_ name: String, entity: String) -> ODataRequestError {
        ODataRequestError(
            status: 400, code: "BadRequest",
            message: "Could not find a property named '\(name)' on type 'Microsoft.NAV.\(entity)'.")
    }

    /// `404 BadRequest_NotFound` for a path segment or key that does not exist.
    static func notFound(_ message: String) -> ODataRequestError {
        ODataRequestError(status: 404, code: "BadRequest_NotFound", message: message)
    }
}
