import AuthCore
import Foundation
import Synchronization

/// The WebRTC signaling channel (`wss://app-ws.netatmo.net/appws/`): offers, answers, ICE
/// candidates and terminates for one call at a time. Media is the caller's business.
///
/// Call mode: ``connect()``, ``sendOffer(deviceID:sdp:moduleID:)`` (waits for the ack), then read
/// the answer and candidates from ``events``. Answer mode: take the ids of a push `rtc` offer with
/// ``setSession(fromPush:)``, then ``sendAnswer(sdp:)``.
public actor BticinoSignalingClient {
    private let client: BticinoClient
    private var socket: BticinoWebSocket?
    private var reader: Task<Void, Never>?
    private var pendingAcks: [(id: UInt64, continuation: CheckedContinuation<Void, any Error>)] = []
    private var nextAckID: UInt64 = 0
    private var correlationCounter: UInt64
    /// The current session's ids.
    public private(set) var session = BticinoSignalingSession()
    /// Answers, candidates, terminates and rescinds, in order.
    public nonisolated let events: AsyncStream<BticinoSignalingEvent>
    private let eventInput: AsyncStream<BticinoSignalingEvent>.Continuation

    init(client: BticinoClient) {
        self.client = client
        (events, eventInput) = AsyncStream.makeStream(
            of: BticinoSignalingEvent.self, bufferingPolicy: .bufferingNewest(client.configuration.push.bufferCapacity))
        correlationCounter = client.configuration.random.next() % 1_000_000_000
    }

    deinit {
        reader?.cancel()
        socket?.closeWithoutWaiting()
        eventInput.finish()
    }

    /// Whether the socket is open.
    public var isConnected: Bool { socket?.isConnected == true }

    /// Opens the socket and subscribes (`{"action":"subscribe",…,"app_type":"app_security","version":"1.0","platform":"android"}`).
    /// Does nothing when already connected.
    ///
    /// - Throws: ``BticinoError`` `connectionFailed`, `subscriptionRejected`, `unexpectedSubscribeReply`
    ///   or `subscribeTimeout` (the socket is closed again).
    public func connect() async throws {
        if isConnected { return }
        let token = try await client.accessToken()
        let configuration = client.configuration
        let opened = try await BticinoWebSocket.open(
            url: configuration.signalingURL, maxFrameSize: configuration.push.maxFrameSize,
            timeout: configuration.signaling.connectTimeout, timeSource: configuration.timeSource,
            logger: client.logger)
        do {
            try opened.send(BticinoFrames.signalingSubscribe(token: token.value))
            try await awaitSubscribeReply(opened, token: token.value)
        } catch {
            await opened.close()
            throw error
        }
        socket = opened
        reader = Task { [weak self] in
            for await item in opened.incoming {
                guard case .text(let text) = item else { continue }
                await self?.route(text)
            }
            await self?.socketEnded(opened)
        }
    }

    /// Reconnects when the socket is gone.
    public func ensureConnected() async throws {
        if !isConnected {
            await closeSocket()
            try await connect()
        }
    }

    /// Sends the subscribe frame again with a fresh token on the live socket.
    public func resubscribe() async throws {
        guard let socket, socket.isConnected else { throw BticinoError(.notConnected, "signaling is not connected") }
        let token = try await client.accessToken()
        try socket.send(BticinoFrames.signalingSubscribe(token: token.value))
    }

    /// Calls the device: sends an offer and waits for its acknowledgement.
    ///
    /// - Parameters:
    ///   - deviceID: The bridge (MAC address).
    ///   - sdp: The local SDP offer.
    ///   - moduleID: The module to call; `nil` dials the default external unit, the bridge's own id rings the indoor unit.
    /// - Returns: The session id the acknowledgement gave.
    /// - Throws: ``BticinoError`` `ackTimeout`, `maxPeersReached`, `notConnected`.
    public func sendOffer(deviceID: String, sdp: String, moduleID: String? = nil) async throws -> String? {
        guard let socket, socket.isConnected else { throw BticinoError(.notConnected, "signaling is not connected") }
        correlationCounter += 1
        let correlation = String(correlationCounter)
        var description: [(String, JSONValue)] = [("type", "call"), ("sdp", .string(sdp))]
        if let moduleID { description.append(("module_id", .string(moduleID))) }
        let data: JSONValue = .object([
            "type": "offer", "session_description": .object(Dictionary(uniqueKeysWithValues: description)),
        ])
        session = BticinoSignalingSession(deviceID: deviceID, correlationID: correlation)
        let frame = BticinoFrames.write([
            ("action", "rtc"), ("data", data), ("device_id", .string(deviceID)),
            ("correlation_id", .string(correlation)),
        ])
        try await awaitAck { try socket.send(frame) }
        return session.sessionID
    }

    /// Answers a device's offer (answer mode) with SDP.
    ///
    /// - Throws: ``BticinoError`` `noActiveSession` without a session.
    public func sendAnswer(sdp: String) throws {
        let data: JSONValue = .object(["type": "answer", "session_description": ["type": "call", "sdp": .string(sdp)]])
        try sendInSession(data)
    }

    /// Sends an ICE candidate.
    ///
    /// - Throws: ``BticinoError`` `noActiveSession` without a session.
    public func sendCandidate(_ candidate: String, sdpMLineIndex: Int) throws {
        let data: JSONValue = .object([
            "type": "candidate",
            "ice_candidate": ["sdp_m_line_index": .number(JSONNumber(sdpMLineIndex)), "candidate": .string(candidate)],
        ])
        try sendInSession(data)
    }

    /// Ends the call and forgets the session and tag ids. Does nothing without a session.
    public func sendTerminate() throws {
        guard session.sessionID != nil else { return }
        try sendInSession(["type": "terminate"])
        session.sessionID = nil
        session.tagID = nil
    }

    /// Takes the ids of a push `rtc` offer (answer mode).
    public func setSession(fromPush message: BticinoRTCMessage) {
        session = BticinoSignalingSession(
            sessionID: message.sessionID, tagID: message.tagID, deviceID: message.deviceID,
            correlationID: message.correlationID)
    }

    /// Sets the session ids directly.
    public func setSession(_ session: BticinoSignalingSession) {
        self.session = session
    }

    /// Cancels pending acknowledgements, closes the socket and clears the session.
    public func disconnect() async {
        failPendingAcks(BticinoError(.notConnected, "signaling was disconnected"))
        session = BticinoSignalingSession()
        await closeSocket()
    }

    private func closeSocket() async {
        reader?.cancel()
        reader = nil
        let current = socket
        socket = nil
        await current?.close()
    }

    private func sendInSession(_ data: JSONValue) throws {
        guard let sessionID = session.sessionID else {
            throw BticinoError(
                .noActiveSession, "no active session: send an offer or set a session from a push offer first")
        }
        guard let socket, socket.isConnected else { throw BticinoError(.notConnected, "signaling is not connected") }
        try socket.send(
            BticinoFrames.write([
                ("action", "rtc"), ("data", data), ("session_id", .string(sessionID)),
                ("tag_id", session.tagID.map(JSONValue.string) ?? .null),
                ("device_id", session.deviceID.map(JSONValue.string) ?? .null),
                ("correlation_id", session.correlationID.map(JSONValue.string) ?? .null),
            ]))
    }

    private func awaitSubscribeReply(_ socket: BticinoWebSocket, token: Secret) async throws {
        let timedOut = Mutex(false)
        let timeSource = client.configuration.timeSource
        let limit = client.configuration.signaling.connectTimeout
        let watchdog = Task {
            try await timeSource.sleep(for: limit)
            timedOut.withLock { $0 = true }
            await socket.close()
        }
        defer { watchdog.cancel() }
        var iterator = socket.incoming.makeAsyncIterator()
        guard case .text(let reply)? = await iterator.next() else {
            if timedOut.withLock({ $0 }) {
                throw BticinoError(.subscribeTimeout, "no reply to the signaling subscription within \(limit)")
            }
            throw BticinoError(
                .connectionFailed, "the signaling connection closed before the subscription was answered")
        }
        try BticinoPushRunner.checkSubscribeReply(reply, token: token)
    }

    private func awaitAck(send: () throws -> Void) async throws {
        nextAckID += 1
        let id = nextAckID
        let timeSource = client.configuration.timeSource
        let limit = client.configuration.signaling.ackTimeout
        let watchdog = Task { [weak self] in
            try await timeSource.sleep(for: limit)
            await self?.expireAck(id, after: limit)
        }
        defer { watchdog.cancel() }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                pendingAcks.append((id, continuation))
                do {
                    try send()
                } catch {
                    pendingAcks.removeAll { $0.id == id }
                    continuation.resume(throwing: error)
                }
            }
        } onCancel: {
            Task { [weak self] in await self?.cancelAck(id) }
        }
    }

    private func cancelAck(_ id: UInt64) {
        guard let index = pendingAcks.firstIndex(where: { $0.id == id }) else { return }
        pendingAcks.remove(at: index).continuation.resume(throwing: CancellationError())
    }

    private func expireAck(_ id: UInt64, after limit: Duration) {
        guard let index = pendingAcks.firstIndex(where: { $0.id == id }) else { return }
        pendingAcks.remove(at: index).continuation.resume(
            throwing: BticinoError(.ackTimeout, "no acknowledgement of the offer within \(limit)"))
    }

    private func failPendingAcks(_ error: any Error) {
        let waiting = pendingAcks
        pendingAcks = []
        for entry in waiting { entry.continuation.resume(throwing: error) }
    }

    /// The reader of `ended` finished. A stale reader (of a socket already replaced by a newer
    /// connection) changes nothing: only the current socket's end fails acks and reports it.
    func socketEnded(_ ended: BticinoWebSocket) {
        guard let current = socket, current === ended else { return }
        failPendingAcks(BticinoError(.connectionFailed, "the signaling connection closed"))
        socket = nil
        eventInput.yield(.disconnected)
    }

    /// Routes one incoming frame.
    func route(_ text: String) {
        guard let json = try? JSONValue(jsonData: Data(text.utf8)), json.objectValue != nil else { return }
        if json["type"]?.stringValue == "ack" {
            // Later acks carry null ids: only non-null ids update the session.
            if let sessionID = json["session_id"]?.bticinoID { session.sessionID = sessionID }
            if let tagID = json["tag_id"]?.bticinoID { session.tagID = tagID }
            if !pendingAcks.isEmpty { pendingAcks.removeFirst().continuation.resume() }
            return
        }
        let message = BticinoPushParser.rtcMessage(json)
        let sessionID = message.sessionID ?? session.sessionID
        switch message.kind {
        case .answer:
            if let sdp = message.sdp, !sdp.isEmpty { eventInput.yield(.answer(sessionID: sessionID, sdp: sdp)) }
        case .candidate:
            if let candidate = message.candidate { eventInput.yield(.candidate(sessionID: sessionID, candidate)) }
        case .terminate:
            if let error = message.error, error.isMaxPeersReached {
                failPendingAcks(
                    BticinoError(
                        .maxPeersReached, "the device refused the call: max number of peers reached",
                        vendorCode: error.code))
            }
            eventInput.yield(.terminated(sessionID: sessionID, error: message.error))
        case .rescind:
            eventInput.yield(.rescinded(sessionID: sessionID))
        case .offer, .unknown:
            break
        }
    }
}

extension BticinoClient {
    /// A signaling client for WebRTC calls, sharing this client's tokens. Call ``BticinoSignalingClient/connect()`` first.
    public func signaling() -> BticinoSignalingClient {
        BticinoSignalingClient(client: self)
    }
}
