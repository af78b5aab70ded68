import AuthCore
import Foundation

/// Reads U-Tec's error bodies for AuthCore's pipeline: the one place they are parsed.
enum UtecErrorEnvelope {
    /// Codes that mean the service failed for a passing reason.
    static let transientCodes: Set<String> = [
        "INTERNAL_ERROR", "SERVICE_UNAVAILABLE", "TIMEOUT", "SERVER_BUSY", "GATEWAY_TIMEOUT",
    ]

    /// The action API: `payload.error` in any answer (U-Tec reports errors with HTTP 200), or the
    /// common shapes in a non-2xx answer.
    static let action: ErrorEnvelopeDecoder = { response in
        let success = (200..<300).contains(response.status)
        guard let json = try? JSONValue(jsonData: response.body) else { return nil }
        if let error = json["payload"]?["error"] ?? (json["error"]?.objectValue != nil ? json["error"] : nil),
            !error.isNull
        {
            let code = error["code"]?.textValue ?? error.textValue ?? "UNKNOWN"
            let message = error["message"]?.textValue
            let service = UtecServiceError(code: code, message: message)
            return VendorErrorDetails(
                code: code, message: message, kind: kind(for: service, success: success), vendorError: service)
        }
        guard !success else { return nil }
        return common(json)
    }

    /// The token endpoint: `{"code":401,"message":"invalid_grant"}`, `{"code":401,"data":{"message":…}}`,
    /// OAuth's `{"error":…}`; and a wrapped refusal delivered with HTTP 200 (`code` other than 200 and
    /// no `access_token`), which is a refused grant.
    static let token: ErrorEnvelopeDecoder = { response in
        let success = (200..<300).contains(response.status)
        guard let json = try? JSONValue(jsonData: response.body), json.objectValue != nil else { return nil }
        if success {
            let hasToken = json["access_token"] != nil || json["data"]?["access_token"] != nil
            guard !hasToken, let code = json["code"]?.lenientInt, code != 200 else { return nil }
            var details = common(json) ?? VendorErrorDetails(code: "\(code)")
            details.kind = (500..<600).contains(code) ? .server : .authenticationFailed
            return details
        }
        return common(json)
    }

    /// `{"error":{"code","message"}}`, `{"error","error_description"}`, `{"code","message"}` and
    /// `{"code","data":{"message"}}`. A textual message that looks like an OAuth code
    /// (`invalid_grant`) is used as the code.
    static func common(_ json: JSONValue) -> VendorErrorDetails? {
        if case .object(let inner)? = json["error"] {
            let code = inner["code"]?.textValue ?? "error"
            let message = inner["message"]?.textValue
            return VendorErrorDetails(
                code: code, message: message, vendorError: UtecServiceError(code: code, message: message))
        }
        if let error = json["error"]?.textValue {
            let message = json["error_description"]?.textValue
            return VendorErrorDetails(
                code: error, message: message, vendorError: UtecServiceError(code: error, message: message))
        }
        let message = json["message"]?.textValue ?? json["data"]?["message"]?.textValue
        let number = json["code"]?.textValue
        guard number != nil || message != nil else { return nil }
        let code: String
        if let message, isOAuthCode(message) {
            code = message
        } else {
            code = number ?? "error"
        }
        return VendorErrorDetails(
            code: code, message: message, vendorError: UtecServiceError(code: code, message: message))
    }

    static func isOAuthCode(_ text: String) -> Bool {
        !text.isEmpty && text.count < 64 && text.allSatisfy { ($0.isLetter && $0.isLowercase) || $0 == "_" }
    }

    /// `INVALID_TOKEN` is a refused credential (the pipeline refreshes once and retries);
    /// in a 2xx answer a service failure is `server` and anything else `client`.
    static func kind(for error: UtecServiceError, success: Bool) -> APIError.Kind? {
        if error.isInvalidToken { return .authenticationFailed }
        guard success else { return nil }
        return transientCodes.contains(error.code.uppercased()) ? .server : .client
    }
}
