import AuthCore

/// The one place ViessmannKit reads error bodies: the `ErrorEnvelopeDecoder` of the IoT API and
/// of the IAM token endpoint.
///
/// AuthCore runs it on the body of a refused response after removing the secrets the request
/// sent; what it returns reaches callers as `APIError`'s `vendorCode` (the `errorType`),
/// `vendorMessage` (the message with validation details) and `vendorError`
/// (a ``ViessmannServiceError``). Success statuses are never read as errors.
enum ViessmannErrorEnvelope {
    /// The IoT API: every refused answer carries a ``ViessmannServiceError``.
    static let api: ErrorEnvelopeDecoder = { response in
        guard !(200..<300).contains(response.status) else { return nil }
        guard let service = ViessmannServiceError.parse(response.body, status: response.status) else {
            let fallback = ViessmannServiceError(status: response.status, message: "HTTP \(response.status)")
            return VendorErrorDetails(code: nil, message: fallback.message, vendorError: fallback)
        }
        return VendorErrorDetails(
            code: service.errorType ?? service.errorID, message: service.detailedMessage, vendorError: service)
    }

    /// The IAM token endpoint: OAuth's `{"error","error_description"}`, or Viessmann's body.
    static let iam: ErrorEnvelopeDecoder = { response in
        guard !(200..<300).contains(response.status) else { return nil }
        if let common = VendorErrorDetails.parseCommon(response.body), common.code != nil {
            return common
        }
        return api(response)
    }
}
