import AuthCore

/// The one place BticinoKit reads Netatmo's error bodies.
///
/// AuthCore runs it on the body of a refused answer after removing the secrets the request sent;
/// what it returns reaches callers as `APIError`'s `vendorCode` (the numeric code as text, or the
/// OAuth code), `vendorMessage` and `vendorError` (a ``BticinoServiceError`` with the real status).
/// Success statuses are never read as errors.
enum BticinoErrorEnvelope {
    static let netatmo: ErrorEnvelopeDecoder = { response in
        guard !(200..<300).contains(response.status) else { return nil }
        let service =
            BticinoServiceError.parse(response.body, status: response.status)
            ?? BticinoServiceError(status: response.status)
        return VendorErrorDetails(
            code: service.code.map(String.init) ?? service.error, message: service.message, vendorError: service)
    }
}
