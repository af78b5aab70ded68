import AuthCore
import Foundation
import Logging
import Synchronization
import WSClient

/// What a socket delivers: text frames, then one close.
enum BticinoSocketEvent: Sendable {
    /// A text message.
    case text(String)
    /// The socket ended: a description of why (never a secret).
    case closed(String)
}

/// A websocket over swift-websocket's `WSClient` (FoundationNetworking websockets do not work
/// on Debian's libcurl), turned into a stream of incoming text frames and a `send` method.
///
/// Protocol pings from the server are answered by `WSClient` itself and never reach
/// ``incoming``; the client sends no pings of its own (the server drops clients that do).
final class BticinoWebSocket: Sendable {
    /// Text frames and the final close, in order. Bounded: see ``BticinoPushSettings/bufferCapacity``.
    let incoming: AsyncStream<BticinoSocketEvent>
    private let outgoing: AsyncStream<Outgoing>.Continuation
    private let task: Mutex<Task<Void, Never>?>
    private let isOpen = Mutex(true)

    enum Outgoing: Sendable {
        case text(String)
        case close
    }

    private init(incoming: AsyncStream<BticinoSocketEvent>, outgoing: AsyncStream<Outgoing>.Continuation) {
        self.incoming = incoming
        self.outgoing = outgoing
        self.task = Mutex(nil)
    }

    /// Opens a socket to `url`, failing with ``BticinoError`` `connectionFailed` when the upgrade
    /// is refused, the host cannot be reached or `timeout` passes first.
    static func open(
        url: URL, maxFrameSize: Int, timeout: Duration, timeSource: any TimeSource, logger: Logger?
    ) async throws -> BticinoWebSocket {
        let (incoming, input) = AsyncStream.makeStream(of: BticinoSocketEvent.self, bufferingPolicy: .unbounded)
        let (outgoingStream, output) = AsyncStream.makeStream(of: Outgoing.self)
        let socket = BticinoWebSocket(incoming: incoming, outgoing: output)
        let opened = BticinoOnce<String?>()
        // WSClient gets a silent logger whatever the caller's: at trace level it could log frames,
        // and the subscribe frame carries the access token.
        let quiet = Logger(label: "BticinoKit.websocket", factory: { _ in SwiftLogNoOpLogHandler() })
        var settings = WebSocketClientConfiguration(maxFrameSize: maxFrameSize, closeTimeout: .seconds(5))
        settings.autoPing = .disabled
        let address = url.absoluteString
        let task = Task {
            var reason = "the server closed the connection"
            do {
                let frame = try await WebSocketClient.connect(
                    url: address, configuration: settings, logger: quiet
                ) { inbound, outbound, _ in
                    opened.resolve(nil)
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        group.addTask {
                            for await item in outgoingStream {
                                switch item {
                                case .text(let text): try await outbound.write(.text(text))
                                case .close:
                                    try await outbound.close(.normalClosure, reason: nil)
                                    return
                                }
                            }
                        }
                        for try await message in inbound.messages(maxSize: maxFrameSize) {
                            if case .text(let text) = message { input.yield(.text(text)) }
                        }
                        group.cancelAll()
                    }
                }
                if let frame { reason = "the server closed the connection (code \(frame.closeCode))" }
            } catch is CancellationError {
                reason = "the connection was closed"
            } catch {
                reason = "the connection failed: \(BticinoWebSocket.describe(error))"
            }
            opened.resolve(reason)
            socket.isOpen.withLock { $0 = false }
            input.yield(.closed(reason))
            input.finish()
        }
        socket.task.withLock { $0 = task }
        let watchdog = Task {
            try await timeSource.sleep(for: timeout)
            if opened.resolve("no websocket within \(timeout)") { task.cancel() }
        }
        let failure = await withTaskCancellationHandler {
            await opened.wait()
        } onCancel: {
            opened.resolve("cancelled")
            task.cancel()
        }
        watchdog.cancel()
        if let failure {
            await socket.close()
            if Task.isCancelled { throw CancellationError() }
            throw BticinoError(.connectionFailed, "websocket \(BticinoWebSocket.redacted(url)): \(failure)")
        }
        return socket
    }

    /// Sends a text frame.
    ///
    /// - Throws: ``BticinoError`` `notConnected` when the socket is closed.
    func send(_ text: String) throws {
        guard isOpen.withLock({ $0 }) else { throw BticinoError(.notConnected, "the websocket is closed") }
        if case .terminated = outgoing.yield(.text(text)) {
            throw BticinoError(.notConnected, "the websocket is closed")
        }
    }

    /// Whether the socket is still open.
    var isConnected: Bool { isOpen.withLock { $0 } }

    /// Closes the socket (a close frame, then the connection) and waits until its task ended.
    func close() async {
        await closeWithoutWaiting()?.value
    }

    /// Starts closing the socket; returns its task to wait for.
    @discardableResult
    func closeWithoutWaiting() -> Task<Void, Never>? {
        isOpen.withLock { $0 = false }
        outgoing.yield(.close)
        outgoing.finish()
        let running = task.withLock { $0 }
        running?.cancel()
        return running
    }

    /// The URL without query or user info (tokens never travel in it, but be safe).
    static func redacted(_ url: URL) -> String {
        var components = URLComponents(url: url, resolvingAgainstBaseURL: false)
        components?.query = nil
        components?.user = nil
        components?.password = nil
        return components?.string ?? "<url>"
    }

    static func describe(_ error: any Error) -> String {
        if let client = error as? WebSocketClientError { return "\(client)" }
        return "\(type(of: error)): \(error)".bticinoBounded(to: 300)
    }
}
