import AuthCore
import Foundation
import HTTPTypes
import Logging

/// One HTTP exchange as the endpoint methods see it: the final status and body, and the HTTP
/// error when the call returns errors instead of throwing them.
struct Exchange: Sendable {
    var status: Int
    var json: JSONValue?
    var text: String
    var url: String?
    var httpError: APIError?

    init(status: Int, body: Data, url: String?, httpError: APIError?) {
        self.status = status
        self.json = try? JSONValue(jsonData: body)
        self.text = String(decoding: body, as: UTF8.self)
        self.url = url
        self.httpError = httpError
    }
}

extension FlowerhubClient {
    /// The message of the error thrown when a call ends needing a new login.
    static let reauthenticationMessage = "authentication failed: the session expired and the token refresh failed; login again"

    /// Sends `endpoint` with the call's retry, timeout and error options.
    ///
    /// Reauthentication (and a login 401) is always thrown, after notifying ``onAuthFailed``.
    /// HTTP errors are thrown after notifying ``onAPIError``, or returned when the call does not
    /// throw. Transport failures, time-outs and cancellation are always thrown.
    func perform(
        _ endpoint: Endpoint<RawResponse>,
        options: FlowerhubCallOptions,
        defaultRetries: Int,
        isIdempotent: Bool? = nil,
        authFailureMessage: String = FlowerhubClient.reauthenticationMessage
    ) async throws -> Exchange {
        let requestOptions = RequestOptions(
            timeout: shared.effectiveTimeout(options.timeout),
            retryPolicy: retryPolicy(extraAttempts: options.retry5xxAttempts ?? defaultRetries),
            isIdempotent: isIdempotent
        )
        do {
            let response = try await api.send(endpoint, options: requestOptions)
            return Exchange(status: response.status, body: response.body, url: configuration.redactedURL(response.url), httpError: nil)
        } catch let error as APIError where error.requiresReauthentication {
            let failure = error.recast(error.kind, authFailureMessage)
            logger.error("authentication lost; a new login is needed", metadata: ["status": "\(error.status.map(String.init) ?? "-")"])
            onAuthFailed?()
            throw failure
        } catch let error as APIError where error.status != nil && error.kind != .cancelled {
            if options.throwsOnError {
                onAPIError?(error)
                throw error
            }
            return Exchange(status: error.status ?? 0, body: error.responseBody ?? Data(), url: error.url, httpError: error)
        }
    }

    /// Reads an exchange into a result: payload problems become ``FlowerhubError/invalidResponse(message:status:url:payload:)``,
    /// thrown (after ``onAPIError``) or returned; an HTTP error of a non-throwing call is returned too.
    func finish<Value: Sendable>(
        _ exchange: Exchange,
        options: FlowerhubCallOptions,
        parse: (JSONValue?) throws(PayloadIssue) -> Value?
    ) throws -> FlowerhubResult<Value> {
        do {
            let value = try parse(exchange.json)
            return FlowerhubResult(
                statusCode: exchange.status, json: exchange.json, text: exchange.text, url: exchange.url,
                value: value, error: exchange.httpError
            )
        } catch {
            if error.clearsStoredAssetId { assetId = nil }
            let failure = FlowerhubError.invalidResponse(message: error.message, status: exchange.status, url: exchange.url, payload: exchange.json)
            logger.debug("response failed validation", metadata: ["reason": "\(error.message)", "status": "\(exchange.status)"])
            if options.throwsOnError {
                onAPIError?(failure)
                throw failure
            }
            return FlowerhubResult(
                statusCode: exchange.status, json: exchange.json, text: exchange.text, url: exchange.url,
                value: nil, error: failure
            )
        }
    }

    /// The retry policy for a call allowing `extraAttempts` 5xx retries.
    ///
    /// Linear backoff (1 s, 2 s, 3 s … plus up to 0.3 s jitter); `Retry-After` obeyed up to the
    /// cap. 429s share the 5xx budget (as in the original); with 5xx retries off, 429 alone is
    /// retried up to ``Configuration/maxRateLimitRetries`` times (the original: forever).
    /// Time-outs and transport failures are not retried, as in the original.
    func retryPolicy(extraAttempts: Int) -> RetryPolicy {
        let serverRetries = max(0, extraAttempts)
        let statuses: Set<Int> = serverRetries > 0 ? Set(500...599).union([429]) : [429]
        let retries = serverRetries > 0 ? serverRetries : max(0, configuration.maxRateLimitRetries)
        let policy = try? RetryPolicy(
            maxAttempts: 1 + retries,
            backoff: .linear(step: .seconds(1), cap: configuration.backoffCap, jitter: .additive(.milliseconds(300))),
            retryableStatuses: statuses,
            retryAfterCap: configuration.retryAfterCap,
            transientErrors: .none,
            retriesTimeouts: false
        )
        return policy ?? .none
    }

    /// The stored or given owner id, or ``FlowerhubError/invalidArgument(_:)`` before any request.
    func resolveOwnerId(_ id: Int?) throws -> Int {
        if let id {
            guard id > 0 else { throw FlowerhubError.invalidArgument("asset_owner_id must be a positive integer, got \(id)") }
            return id
        }
        guard let stored = shared.assetOwnerId, stored > 0 else {
            throw FlowerhubError.invalidArgument("asset_owner_id is required: log in first, or pass or set an asset owner id")
        }
        return stored
    }

    /// The stored or given asset id, or ``FlowerhubError/invalidArgument(_:)`` before any request.
    func resolveAssetId(_ id: Int?) throws -> Int {
        if let id {
            guard id > 0 else { throw FlowerhubError.invalidArgument("asset_id must be a positive integer, got \(id)") }
            return id
        }
        guard let stored = assetId, stored > 0 else {
            throw FlowerhubError.invalidArgument("asset_id is required: call fetchAssetId() first, or pass or set an asset id")
        }
        return stored
    }
}

extension FlowerhubClient.Configuration {
    /// A URL as it may appear in errors and results.
    func redactedURL(_ url: URL) -> String {
        Redactor.default.redact(url: url)
    }
}
