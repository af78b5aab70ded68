import AuthCore
import Foundation

/// Checks and reads the notifications U-Tec posts to your webhook, whatever HTTP server you run.
///
/// U-Tec sends `Authorization: Bearer <secret>`, the secret you registered with
/// ``UtecClient/registerWebhook(url:secret:)``. ``handle(method:authorization:body:)`` answers
/// like a careful endpoint should: 405 for anything but POST, 401 without a secret (or before one
/// is set), 403 for a wrong one (compared in constant time), 413 for a body over 1 MiB, 400 for a
/// body that is not a notification, else 200 `{"success":true}` with the parsed ``UtecNotification``.
public struct UtecWebhookReceiver: Sendable, CustomStringConvertible {
    private let secret: Secret?

    /// Creates a receiver for `secret` (`nil` rejects every call with 401 until one is set).
    public init(secret: Secret?) {
        self.secret = secret
    }

    /// A fresh random secret to register: 32 random bytes as 64 hex digits.
    public static func makeSecret() -> Secret {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Secret(bytes.map { String(format: "%02x", $0) }.joined())
    }

    /// Checks an `Authorization` header value.
    ///
    /// - Throws: ``UtecError`` `webhookUnauthorized` when there is no header, it is not a bearer
    ///   token, or no secret is set; `webhookForbidden` when the token does not match.
    public func verify(authorization: String?) throws {
        guard let secret, !secret.isEmpty else {
            throw UtecError(.webhookUnauthorized, "no webhook secret is set")
        }
        guard let header = authorization?.trimmingCharacters(in: .whitespaces), header.count > 7,
            header.prefix(7).lowercased() == "bearer "
        else {
            throw UtecError(.webhookUnauthorized, "the notification has no bearer secret")
        }
        let presented = header.dropFirst(7).trimmingCharacters(in: .whitespaces)
        guard secret.matches(presented) else {
            throw UtecError(.webhookForbidden, "the notification's bearer secret does not match")
        }
    }

    /// The largest notification body read (1 MiB); a larger one is answered 413 unread.
    public static let maximumBodySize = 1 << 20

    /// Checks and reads one webhook call.
    public func handle(method: String, authorization: String?, body: Data) -> UtecWebhookResponse {
        guard method.uppercased() == "POST" else {
            return UtecWebhookResponse(status: 405, error: UtecError(.invalidArgument, "only POST is accepted"))
        }
        do {
            try verify(authorization: authorization)
        } catch let error as UtecError {
            return UtecWebhookResponse(status: error.code == .webhookForbidden ? 403 : 401, error: error)
        } catch {
            return UtecWebhookResponse(status: 401, error: UtecError(.webhookUnauthorized, "rejected"))
        }
        guard body.count <= UtecWebhookReceiver.maximumBodySize else {
            return UtecWebhookResponse(
                status: 413, error: UtecError(.invalidNotification, "the notification body is larger than 1 MiB"))
        }
        do {
            let notification = try UtecNotification.parse(body)
            return UtecWebhookResponse(status: 200, notification: notification)
        } catch let error as UtecError {
            return UtecWebhookResponse(status: 400, error: error)
        } catch {
            return UtecWebhookResponse(status: 400, error: UtecError(.invalidNotification, "unreadable"))
        }
    }

    /// Whether a secret is set; never the secret.
    public var description: String { "UtecWebhookReceiver(secret: \(secret == nil ? "none" : Redactor.placeholder))" }
}

/// What to answer a webhook call, and what it carried.
public struct UtecWebhookResponse: Sendable, Equatable {
    /// The HTTP status to answer with.
    public var status: Int
    /// The notification, when the call was accepted.
    public var notification: UtecNotification?
    /// Why the call was refused, when it was.
    public var error: UtecError?

    /// Creates a response.
    public init(status: Int, notification: UtecNotification? = nil, error: UtecError? = nil) {
        self.status = status
        self.notification = notification
        self.error = error
    }

    /// The JSON body to answer with: `{"success":true}` or `{"success":false,"error":"<code>"}`.
    public var body: Data {
        if status == 200 { return Data(#"{"success":true}"#.utf8) }
        return Data(#"{"success":false,"error":"\#(error?.code.description ?? "rejected")"}"#.utf8)
    }
}
