import Foundation
import Hummingbird
import HummingbirdWebSocket
import Logging
import NIOCore
import Synchronization

/// A real websocket server on loopback for the push and signaling tests.
///
/// Each accepted connection runs the next script of the list (the last one repeats). Every text
/// frame the client sends is recorded in ``received``.
final class PushTestServer: Sendable {
    /// One connection's behaviour.
    typealias Script = @Sendable (Connection) async throws -> Void

    /// What a script gets: the frames, a writer and the raw channel (to drop it abruptly).
    struct Connection: Sendable {
        let index: Int
        let messages: MessageReader
        let outbound: WebSocketOutboundWriter
        let channel: any Channel
        let server: PushTestServer

        /// The next text frame from the client (recorded), or `nil` when the client closed.
        func nextText() async throws -> String? {
            while let message = try await messages.next() {
                if case .text(let text) = message {
                    server.record(text)
                    return text
                }
            }
            return nil
        }

        func send(_ text: String) async throws {
            try await outbound.write(.text(text))
        }

        func ping() async throws {
            try await outbound.write(.custom(.init(fin: true, opcode: .ping, data: ByteBuffer(string: "hb"))))
        }

        /// Cuts the TCP connection without a close frame.
        func drop() {
            channel.close(promise: nil)
        }

        /// Reads until the client closes; records frames.
        func drain() async throws {
            while try await nextText() != nil {}
        }
    }

    /// The one iterator a websocket's inbound stream allows, used by one script at a time.
    final class MessageReader: @unchecked Sendable {
        private var iterator: WebSocketInboundMessageStream.AsyncIterator

        init(_ inbound: WebSocketInboundStream) {
            iterator = inbound.messages(maxSize: 1 << 20).makeAsyncIterator()
        }

        func next() async throws -> WebSocketMessage? {
            try await iterator.next()
        }
    }

    private let state = Mutex<(received: [String], connections: Int, closed: Int)>(([], 0, 0))
    private let scripts: [Script]
    private let receivedStream: AsyncStream<String>
    private let receivedInput: AsyncStream<String>.Continuation
    private let closedStream: AsyncStream<Int>
    private let closedInput: AsyncStream<Int>.Continuation
    private let task = Mutex<Task<Void, any Error>?>(nil)
    let port: Int

    var received: [String] { state.withLock { $0.received } }
    var connections: Int { state.withLock { $0.connections } }
    var closedConnections: Int { state.withLock { $0.closed } }
    var url: URL { URL(string: "ws://127.0.0.1:\(port)/ws/")! }

    func record(_ text: String) {
        state.withLock { $0.received.append(text) }
        receivedInput.yield(text)
    }

    /// The next frame the client sent (waits for it).
    func nextReceived() async -> String? {
        var iterator = receivedStream.makeAsyncIterator()
        return await iterator.next()
    }

    /// Waits until a connection's script ended; returns its index.
    func nextClosed() async -> Int? {
        var iterator = closedStream.makeAsyncIterator()
        return await iterator.next()
    }

    private init(scripts: [Script], port: Int) {
        self.scripts = scripts
        self.port = port
        (receivedStream, receivedInput) = AsyncStream.makeStream(of: String.self)
        (closedStream, closedInput) = AsyncStream.makeStream(of: Int.self)
    }

    static func start(_ scripts: [Script]) async throws -> PushTestServer {
        let box = Mutex<PushTestServer?>(nil)
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let router = Router()
        let application = Application(
            router: router,
            server: .http1WebSocketUpgrade { _, channel, _ in
                guard let server = box.withLock({ $0 }) else { return .dontUpgrade }
                return .upgrade([:]) { inbound, outbound, _ in
                    let index = server.state.withLock { state -> Int in
                        state.connections += 1
                        return state.connections - 1
                    }
                    let script = server.scripts[min(index, server.scripts.count - 1)]
                    defer {
                        server.state.withLock { $0.closed += 1 }
                        server.closedInput.yield(index)
                    }
                    try await script(
                        Connection(
                            index: index, messages: MessageReader(inbound), outbound: outbound, channel: channel,
                            server: server))
                }
            },
            configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                continuation.yield(channel.localAddress?.port ?? 0)
                continuation.finish()
            },
            logger: Logger(label: "push-test-server", factory: { _ in SwiftLogNoOpLogHandler() })
        )
        let running = Task { try await application.run() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else {
            try await running.value
            throw CancellationError()
        }
        let server = PushTestServer(scripts: scripts, port: port)
        box.withLock { $0 = server }
        server.task.withLock { $0 = running }
        return server
    }

    func stop() async {
        let running = task.withLock { $0 }
        running?.cancel()
        _ = await running?.result
    }
}
