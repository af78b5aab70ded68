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
    /// The size of the body in bytes.
    var bodySize: Int
    /// Secret values the request named, to keep out of an error's payload.
    var secrets: [String]

    init(status: Int, body: Data, url: String?, httpError: APIError?, secrets: [String] = []) {
        self.status = status
        self.json = try? JSONValue(jsonData: body)
        self.text = String(decoding: body, as: UTF8.self)
        self.url = url
        self.httpError = httpError
        self.bodySize = body.count
        self.secrets = secrets
    }
}

extension FlowerhubClient {
    /// The message of the error thrown when a call ends needing a new login.
    static let reauthenticationMessage =
        "authentication failed: the session expired and the token refresh failed; login again"

    /// Sends `endpoint` with the call's retry, timeout and error options.
    ///
    /// Reauthentication (and a login 401) is always thrown, after notifying ``onAuthFailed``.
    /// A session refresh that failed without being refused is always thrown too (after notifying
    /// ``onAPIError`` when it has an HTTP status): it keeps its transient kind and never asks for
    /// a new login. Other HTTP errors are thrown after notifying ``onAPIError``, or returned when
    /// the call does not throw. Transport failures, time-outs and cancellation are always thrown.
    ///
    /// Secret values the endpoint names (the login's password) are removed from the body of a
    /// successful answer too; the pipeline removes them, and every secret the request carried,
    /// from errors.
    func perform(
        _ endpoint: Endpoint<RawResponse>,
        options: FlowerhubCallOptions,
        defaultRetries: Int,
        isIdempotent: Bool? = nil,
        authFailureMessage: String = FlowerhubClient.reauthenticationMessage
    ) async throws -> Exchange {
        let requestOptions = RequestOptions(
            timeout: shared.effectiveTimeout(options.timeout), retryPolicy: APIRetryPolicy.none,
            isIdempotent: isIdempotent
        )
        let budget = FlowerhubRetryBudget(
            serverErrorRetries: options.retry5xxAttempts ?? defaultRetries,
            rateLimitRetries: configuration.maxRateLimitRetries
        )
        let secrets = endpoint.secrets.map(\.revealed)
        do {
            let response = try await sendRetrying(endpoint, options: requestOptions, budget: budget)
            let body = secrets.isEmpty ? response.body : Self.removing(secrets, from: response.body)
            return Exchange(
                status: response.status, body: body, url: redactedURL(response.url), httpError: nil,
                secrets: secrets
            )
        } catch let error as APIError where error.requiresReauthentication {
            let failure = error.recast(error.kind, authFailureMessage)
            logger.error("authentication lost; a new login is needed", metadata: LogSummary.of(error))
            onAuthFailed?()
            throw failure
        } catch let error as APIError where error.isSessionRefreshFailure {
            if error.status != nil { onAPIError?(error) }
            throw error
        } catch let error as APIError where error.status != nil && error.kind != .cancelled {
            if options.throwsOnError {
                onAPIError?(error)
                throw error
            }
            return Exchange(
                status: error.status ?? 0, body: error.responseBody ?? Data(), url: error.url, httpError: error,
                secrets: secrets
            )
        }
    }

    /// Reads an exchange into a result: payload problems of a successful answer become
    /// ``FlowerhubError/invalidResponse(message:status:url:payload:)``, thrown (after ``onAPIError``)
    /// or returned. An HTTP error of a non-throwing call is returned as that ``APIError``, with the
    /// value read from its body when the body has the endpoint's shape: an error page is not the
    /// endpoint's payload, so it is never reported as a payload problem ("expected dict").
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
            if let httpError = exchange.httpError {
                return FlowerhubResult(
                    statusCode: exchange.status, json: exchange.json, text: exchange.text, url: exchange.url,
                    value: nil, error: httpError
                )
            }
            if error.clearsStoredAssetId { assetId = nil }
            let failure = FlowerhubError.invalidResponse(
                message: error.message, status: exchange.status, url: exchange.url, payload: errorPayload(of: exchange)
            )
            logger.debug(
                "response failed validation", metadata: ["reason": "\(error.message)", "status": "\(exchange.status)"])
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

    /// The stored or given owner id, or ``FlowerhubError/invalidArgument(_:)`` before any request.
    func resolveOwnerId(_ id: Int?) throws -> Int {
        if let id {
            guard id > 0 else {
                throw FlowerhubError.invalidArgument("asset_owner_id must be a positive integer, got \(id)")
            }
            return id
        }
        guard let stored = shared.assetOwnerId, stored > 0 else {
            throw FlowerhubError.invalidArgument(
                "asset_owner_id is required: log in first, or pass or set an asset owner id")
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
            throw FlowerhubError.invalidArgument(
                "asset_id is required: call fetchAssetId() first, or pass or set an asset id")
        }
        return stored
    }
}

extension FlowerhubClient {
    /// A URL as it may appear in errors and results, redacted with the client's own redactor.
    nonisolated func redactedURL(_ url: URL) -> String {
        api.configuration.redactor.redact(url: url)
    }
}
