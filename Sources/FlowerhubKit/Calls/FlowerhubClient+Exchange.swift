import AuthCore
import Foundation
import Logging

extension FlowerhubClient {
    /// The message of the error thrown when a call ends needing a new login.
    static let reauthenticationMessage =
        "authentication failed: the session expired and the token refresh failed; login again"

    /// Sends `endpoint` through the client's one ``APIClient`` (with the call's retries and time
    /// limit) and sorts what comes back.
    ///
    /// Thrown whatever the call form: reauthentication (and a login 401), after notifying
    /// ``onAuthFailed``; a session refresh that failed without being refused (after notifying
    /// ``onAPIError`` when it has an HTTP status: it keeps its transient kind and never asks for a
    /// new login); transport failures, time-outs and cancellation. Returned as a failure, for the
    /// call form to throw or report: an HTTP error status, a successful status whose body is not
    /// JSON, and a body of the wrong shape (as a ``FlowerhubError``).
    func exchange<Value>(
        _ endpoint: Endpoint<FlowerhubReply<Value>>,
        options: FlowerhubCallOptions,
        defaultRetries: Int = 0,
        authFailureMessage: String = FlowerhubClient.reauthenticationMessage
    ) async throws -> FlowerhubOutcome<Value> {
        let budget = FlowerhubRetryBudget(
            serverErrorRetries: options.retry5xxAttempts ?? defaultRetries,
            rateLimitRetries: configuration.maxRateLimitRetries
        )
        do {
            let requestOptions = RequestOptions(timeout: effectiveTimeout(options.timeout))
            return .success(try await sendRetrying(endpoint, options: requestOptions, budget: budget))
        } catch let error as APIError where error.requiresReauthentication {
            logger?.error("authentication lost; a new login is needed", metadata: LogSummary.of(error))
            onAuthFailed?()
            throw error.recast(error.kind, authFailureMessage)
        } catch let error as APIError where error.isSessionRefreshFailure {
            if error.status != nil { onAPIError?(error) }
            throw error
        } catch let error as APIError {
            guard let status = error.status, error.kind != .cancelled else { throw error }
            if let issue = error.underlying as? PayloadIssue {
                return .failure(payloadFailure(issue, reportedBy: error, status: status))
            }
            return .failure(
                FlowerhubFailure(error: error, status: status, url: error.url, json: nil, body: error.responseBody))
        }
    }

    /// A body of the wrong shape as a ``FlowerhubError``, with the status and redacted URL AuthCore
    /// gave the decoding failure. An unparseable asset id also makes the client forget its stored one.
    private func payloadFailure(_ issue: PayloadIssue, reportedBy error: APIError, status: Int) -> FlowerhubFailure {
        if issue.clearsStoredAssetId { assetId = nil }
        logger?.debug("response failed validation", metadata: ["reason": "\(issue.message)", "status": "\(status)"])
        let payload =
            issue.bodySize <= FlowerhubError.maximumPayloadSize
            ? ErrorPayload.make(issue.json, redactor: api.configuration.redactor, secrets: sessionCookieValues())
            : nil
        let failure = FlowerhubError(
            code: .invalidResponse, message: issue.message, status: status, url: error.url, payload: payload)
        return FlowerhubFailure(
            error: failure, status: status, url: error.url, json: issue.json, body: error.responseBody)
    }

    /// The throwing form: the value, or the failure's error, thrown after ``onAPIError`` hears of it.
    func value<Value>(of outcome: FlowerhubOutcome<Value>) throws -> Value {
        switch outcome {
        case .success(let reply):
            return reply.value
        case .failure(let failure):
            onAPIError?(failure.error)
            throw failure.error
        }
    }

    /// The error-returning form: the outcome as a ``FlowerhubResult``.
    func result<Value>(of outcome: FlowerhubOutcome<Value>) -> FlowerhubResult<Value> {
        switch outcome {
        case .success(let reply): return makeResult(reply, value: reply.value)
        case .failure(let failure): return makeResult(failure)
        }
    }

    /// The error-returning form of a call whose value may be absent (`"assetId": null`, an empty
    /// notification): `nil` there is a value, not an error.
    func result<Value>(of outcome: FlowerhubOutcome<Value?>) -> FlowerhubResult<Value> {
        switch outcome {
        case .success(let reply): return makeResult(reply, value: reply.value)
        case .failure(let failure): return makeResult(failure)
        }
    }

    private func makeResult<Wire, Value>(_ reply: FlowerhubReply<Wire>, value: Value?) -> FlowerhubResult<Value> {
        FlowerhubResult(
            statusCode: reply.status, json: reply.json, text: String(decoding: reply.body, as: UTF8.self),
            url: redactedURL(reply.url), value: value, error: nil
        )
    }

    private func makeResult<Value>(_ failure: FlowerhubFailure) -> FlowerhubResult<Value> {
        let body = failure.body ?? Data()
        // The result form presents the body as the original library did; an error body was read
        // only by the envelope decoder, so its JSON is read here for the caller.
        let json = failure.json ?? (try? JSONValue(jsonData: body))
        return FlowerhubResult(
            statusCode: failure.status, json: json, text: String(decoding: body, as: UTF8.self), url: failure.url,
            value: nil, error: failure.error
        )
    }

    /// The time limit of one attempt: the call's, else the client's; zero or less means none.
    func effectiveTimeout(_ call: Duration?) -> Duration? {
        guard let timeout = call ?? requestTimeout, timeout > .zero else { return nil }
        return timeout
    }

    /// A URL as it may appear in errors and results, redacted with the client's own redactor.
    nonisolated func redactedURL(_ url: URL) -> String {
        api.configuration.redactor.redact(url: url)
    }
}

extension APIError {
    /// Whether this error is a session refresh that failed without being refused.
    var isSessionRefreshFailure: Bool {
        isCredentialRecoveryFailure && !requiresReauthentication
    }
}
