import AuthCore

/// The one place OdynKit reads error bodies: the `ErrorEnvelopeDecoder`s of Business Central and
/// of the Entra ID token endpoint.
///
/// AuthCore runs them on the body of a refused response after removing the secrets the request
/// sent; what they return reaches callers as ``APIError``'s `vendorCode`, `vendorMessage` and
/// `vendorError`. Success statuses are never read as errors (Business Central does not wrap
/// errors in a 200).
enum OdynErrorEnvelope {
    /// Business Central: every refused answer carries a ``BCServiceError`` with its status, and
    /// the code and message when the body has them.
    static let businessCentral: ErrorEnvelopeDecoder = { response in
        guard !(200..<300).contains(response.status) else { return nil }
        let service =
            BCServiceError.parse(response.body, status: response.status)
            ?? BCServiceError(status: response.status, code: nil, message: nil)
        return VendorErrorDetails(code: service.code, message: service.message, vendorError: service)
    }

    /// The Entra ID token endpoint: an OAuth error body becomes an ``EntraTokenError`` (with its
    /// AADSTS codes and trace ids); any other body is read in the common shapes.
    static let entra: ErrorEnvelopeDecoder = { response in
        guard !(200..<300).contains(response.status) else { return nil }
        guard let token = EntraTokenError.parse(response.body) else {
            return VendorErrorDetails.parseCommon(response.body)
        }
        return VendorErrorDetails(code: token.error, message: token.errorDescription, vendorError: token)
    }
}
