import AuthCore

/// The one place the portal's error body is read: an ``ErrorEnvelopeDecoder`` that AuthCore's
/// error mapping calls for every answer.
///
/// A 2xx answer is never an error (the portal has no error-in-success envelope). For any other
/// status a JSON object with a `message` (a text, or a list of texts) or an `error` name becomes a
/// ``FlowerhubPortalError`` in ``VendorErrorDetails/vendorError``, with its messages as the
/// vendor message and its `error` as the vendor code. An HTML page, an empty body or any other
/// shape gives no details; the ``APIError`` is then built from the status alone.
enum FlowerhubErrorEnvelope {
    /// The decoder every Flowerhub endpoint uses.
    static let decoder: ErrorEnvelopeDecoder = { response in
        guard !(200..<300).contains(response.status) else { return nil }
        guard let object = (try? JSONValue(jsonData: response.body))?.objectValue,
            let portalError = portalError(in: object)
        else { return nil }
        let message = portalError.messages.isEmpty ? nil : portalError.messages.joined(separator: "; ")
        return VendorErrorDetails(code: portalError.error, message: message, vendorError: portalError)
    }

    /// The portal error in an error body, or `nil` when the body names neither a message nor an error.
    static func portalError(in object: [String: JSONValue]) -> FlowerhubPortalError? {
        let messages: [String]
        switch object["message"] {
        case .array(let items)?: messages = items.compactMap(\.textValue)
        case let value?: messages = value.textValue.map { [$0] } ?? []
        case nil: messages = []
        }
        let error = object["error"]?.textValue
        guard !messages.isEmpty || error != nil else { return nil }
        return FlowerhubPortalError(statusCode: object["statusCode"]?.intValue, messages: messages, error: error)
    }
}
