import AuthCore
import Foundation
import Synchronization

/// Runs the push connection: connect, subscribe, read, renew, and reconnect with backoff.
actor BticinoPushRunner {
    let client: BticinoClient
    let settings: BticinoPushSettings
    let continuation: AsyncThrowingStream<BticinoPushUpdate, any Error>.Continuation
    let stats: BticinoPushStats
    private var reconnect = BticinoReconnectState()
    private var deduplicator: BticinoPushDeduplicator
    private var tokenVersion: CredentialVersion?
    private var liveSocket: BticinoWebSocket?
    /// The expiry of the token last looked at and when it was first seen (its lifetime's start).
    private var tokenFirstSeen: (expiresAt: Date, at: Date)?

    init(
        client: BticinoClient, continuation: AsyncThrowingStream<BticinoPushUpdate, any Error>.Continuation,
        stats: BticinoPushStats
    ) {
        self.client = client
        self.settings = client.configuration.push
        self.continuation = continuation
        self.stats = stats
        self.deduplicator = BticinoPushDeduplicator(capacity: client.configuration.push.deduplicationMemory)
    }

    func run() async {
        let timeSource = client.configuration.timeSource
        while !Task.isCancelled {
            var reason: String
            do {
                try await session()
                reason = "the connection was closed"
            } catch is CancellationError {
                break
            } catch let error as BticinoError where error.isTokenRejection {
                // The server refused the token (expired or invalid): refresh it, then reconnect
                // through the backoff. Only a refresh that needs the user ends the stream.
                reason = error.message
                do {
                    try await refreshRejectedToken()
                } catch let refresh as APIError where refresh.requiresReauthentication {
                    continuation.finish(throwing: refresh)
                    return
                } catch let refresh as BticinoError where refresh.requiresReauthentication {
                    continuation.finish(throwing: refresh)
                    return
                } catch {
                    if Task.isCancelled { break }
                    reason += "; the token refresh failed"
                }
            } catch let error as APIError where error.requiresReauthentication {
                continuation.finish(throwing: error)
                return
            } catch let error as BticinoError where error.requiresReauthentication {
                continuation.finish(throwing: error)
                return
            } catch let error as APIError {
                if error.kind == .cancelled || Task.isCancelled { break }
                reason = "\(error.kind): \(error.message)"
            } catch let error as BticinoError {
                reason = error.message
            } catch {
                reason = "\(type(of: error))"
            }
            if Task.isCancelled { break }
            let step = reconnect.failed(reason: reason, settings: settings, random: client.configuration.random)
            yield(.reconnecting(step))
            client.logger?.info(
                "push connection lost; reconnecting",
                metadata: ["attempt": "\(step.attempt)", "delay": "\(step.delay)", "full_reset": "\(step.isFullReset)"])
            do {
                try await timeSource.sleep(for: step.delay)
            } catch {
                break
            }
            if step.isFullReset, let version = tokenVersion {
                // A full reset: a fresh token (refresh, or a login when the refresh is refused).
                _ = try? await client.accessToken(afterRejecting: version)
            }
        }
        continuation.finish()
    }

    /// Replaces the token the server refused with a newer one (a refresh, or a login when the
    /// refresh is refused and credentials are configured).
    private func refreshRejectedToken() async throws {
        guard let version = tokenVersion else {
            _ = try await client.accessToken()
            return
        }
        let token = try await client.accessToken(afterRejecting: version)
        tokenVersion = token.version
    }

    private func yield(_ update: BticinoPushUpdate) {
        if case .dropped = continuation.yield(update) {
            stats.update { $0.dropped += 1 }
        }
    }

    /// One connection: returns when the socket drops, throws when it could not be set up.
    private func session() async throws {
        let token = try await client.accessToken()
        tokenVersion = token.version
        let configuration = client.configuration
        let socket = try await BticinoWebSocket.open(
            url: configuration.pushURL, maxFrameSize: settings.maxFrameSize, timeout: settings.openTimeout,
            timeSource: configuration.timeSource, logger: client.logger)
        do {
            try await subscribe(socket, token: token)
        } catch {
            await socket.close()
            throw error
        }
        reconnect.connected()
        liveSocket = socket
        yield(.subscribed)
        let renewer = Task { [weak self] in
            await self?.renewLoop(socket)
        }
        for await item in socket.incoming {
            if Task.isCancelled { break }
            switch item {
            case .text(let text): handle(text)
            case .closed: break
            }
        }
        renewer.cancel()
        liveSocket = nil
        await socket.close()
        if Task.isCancelled { throw CancellationError() }
    }

    /// Sends the subscribe frame again now, with a fresh token, on the live socket; the reply
    /// arrives on the stream as ``BticinoPushUpdate/subscriptionRenewed``.
    func resubscribeNow() async throws {
        guard let socket = liveSocket, socket.isConnected else {
            throw BticinoError(.notConnected, "the push socket is not connected")
        }
        let token = try await client.accessToken()
        tokenVersion = token.version
        try socket.send(
            BticinoFrames.pushSubscribe(
                token: token.value, platform: client.configuration.platform, version: client.configuration.appVersion))
        stats.update { $0.subscribes += 1 }
    }

    private func subscribe(_ socket: BticinoWebSocket, token: AccessToken) async throws {
        let frame = BticinoFrames.pushSubscribe(
            token: token.value, platform: client.configuration.platform, version: client.configuration.appVersion)
        try socket.send(frame)
        stats.update { $0.subscribes += 1 }
        let timedOut = Mutex(false)
        let timeSource = client.configuration.timeSource
        let limit = settings.subscribeTimeout
        let watchdog = Task {
            try await timeSource.sleep(for: limit)
            timedOut.withLock { $0 = true }
            await socket.close()
        }
        defer { watchdog.cancel() }
        var iterator = socket.incoming.makeAsyncIterator()
        guard case .text(let reply)? = await iterator.next() else {
            if timedOut.withLock({ $0 }) {
                throw BticinoError(.subscribeTimeout, "no reply to the subscription within \(limit)")
            }
            if Task.isCancelled { throw CancellationError() }
            throw BticinoError(.connectionFailed, "the connection closed before the subscription was answered")
        }
        try Self.checkSubscribeReply(reply, token: token.value)
    }

    /// `{"status":"ok"}` → subscribed; `{"error":{"code","message"}}` → rejected; anything else → unexpected.
    ///
    /// The server's text is scrubbed of `token` (in every spelling an echo may take) and of
    /// anything that looks like a credential before it reaches the error's message.
    static func checkSubscribeReply(_ reply: String, token: Secret) throws {
        guard let json = try? JSONValue(jsonData: Data(reply.utf8)), case .object(let object) = json else {
            throw BticinoError(.unexpectedSubscribeReply, "the subscription reply is not a JSON object")
        }
        if let error = object["error"] {
            let code = error["code"]?.lenientInt
            let message = error["message"]?.stringValue ?? error.stringValue ?? "no message"
            throw BticinoError(
                .subscriptionRejected,
                "subscription rejected: [\(code.map(String.init) ?? "-")] \(scrubbed(message, token: token))",
                vendorCode: code)
        }
        guard object["status"]?.stringValue == "ok" else {
            let status = object["status"]?.lenientString ?? "missing"
            throw BticinoError(
                .unexpectedSubscribeReply, "unexpected subscription reply (status \(scrubbed(status, token: token)))")
        }
    }

    /// `text` bounded, without `token` in any spelling and without credential-shaped values.
    static func scrubbed(_ text: String, token: Secret) -> String {
        let bounded = text.bticinoBounded()
        let withoutToken = APIError(kind: .invalidResponse, message: bounded).scrubbing([token.revealed]).message
        return Redactor.default.scrub(text: withoutToken)
    }

    private func handle(_ text: String) {
        guard let json = try? JSONValue(jsonData: Data(text.utf8)), json.objectValue != nil else {
            stats.update { $0.skipped += 1 }
            client.logger?.debug("push frame skipped: not a JSON object", metadata: ["bytes": "\(text.utf8.count)"])
            return
        }
        if let event = BticinoPushParser.event(json) {
            guard let admitted = deduplicator.admit(event) else {
                stats.update { $0.duplicates += 1 }
                return
            }
            yield(.event(admitted))
        } else if json["status"]?.stringValue == "ok", json.objectValue?.count == 1 {
            yield(.subscriptionRenewed)
        } else {
            yield(.serverMessage(json))
        }
    }

    /// Renews the subscription with a fresh token on the live socket: every
    /// ``BticinoPushSettings/resubscribeInterval``, or just before the token expires when sooner.
    private func renewLoop(_ socket: BticinoWebSocket) async {
        let timeSource = client.configuration.timeSource
        while !Task.isCancelled, socket.isConnected {
            let wait = await renewalDelay()
            do {
                try await timeSource.sleep(for: wait)
                var token = try await client.accessToken()
                if token.version == tokenVersion, await tokenExpiresSoon() {
                    token = try await client.accessToken(afterRejecting: token.version)
                }
                tokenVersion = token.version
                try socket.send(
                    BticinoFrames.pushSubscribe(
                        token: token.value, platform: client.configuration.platform,
                        version: client.configuration.appVersion))
                stats.update { $0.subscribes += 1 }
            } catch {
                if Task.isCancelled { return }
                // A failed renewal (a network error during the refresh, a send on a dying socket):
                // close the socket, so the reader ends and the reconnect (with its backoff) takes over.
                client.logger?.info("push renewal failed; reconnecting")
                await socket.close()
                return
            }
        }
    }

    private func renewalDelay() async -> Duration {
        var wait = settings.resubscribeInterval
        if let token = await client.currentToken(), let expiresAt = token.expiresAt {
            let left =
                expiresAt.timeIntervalSince(client.configuration.timeSource.now)
                - Durations.seconds(renewalSkew(token))
            wait = min(wait, Durations.clamped(seconds: left))
        }
        return max(wait, .seconds(1))
    }

    private func tokenExpiresSoon() async -> Bool {
        guard let token = await client.currentToken(), let expiresAt = token.expiresAt else { return false }
        let left = expiresAt.timeIntervalSince(client.configuration.timeSource.now)
        return left <= Durations.seconds(renewalSkew(token)) + 1
    }

    /// The refresh skew, capped at half the token's lifetime as AuthCore's token manager does: a
    /// token that lives 60 s or less is renewed half-way, not every second.
    /// The lifetime counts from when this runner first saw the token's expiry.
    private func renewalSkew(_ token: OAuth2Token) -> Duration {
        let skew = client.configuration.refreshSkew
        guard let expiresAt = token.expiresAt else { return skew }
        let now = client.configuration.timeSource.now
        if tokenFirstSeen?.expiresAt != expiresAt { tokenFirstSeen = (expiresAt, now) }
        let lifetime = expiresAt.timeIntervalSince(tokenFirstSeen?.at ?? now)
        return min(skew, Durations.clamped(seconds: lifetime / 2))
    }
}
