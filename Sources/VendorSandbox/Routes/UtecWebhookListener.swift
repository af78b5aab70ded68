import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import Synchronization

/// A small loopback HTTP server that receives U-Tec notifications, for demos and tests that
/// need a real webhook URL: every request is handed to `handler` (method, `Authorization`
/// header, body) and answered with what it returns.
///
/// ```swift
/// let receiver = UtecWebhookReceiver(secret: secret)
/// let listener = try await SandboxUtecWebhookListener.start { method, authorization, body in
///     let answer = receiver.handle(method: method, authorization: authorization, body: body)
///     return (answer.status, answer.body)
/// }
/// try await client.registerWebhook(url: listener.url, secret: secret)
/// ```
public final class SandboxUtecWebhookListener: Sendable {
    /// What the handler gets: method, the `Authorization` header, the body; and what it answers.
    public typealias Handler = @Sendable (String, String?, Data) async -> (status: Int, body: Data)

    /// The URL to register (`http://127.0.0.1:<port>/hooks/utec`).
    public let url: URL
    private let server: Mutex<Task<Void, any Error>?>

    private init(url: URL, server: Task<Void, any Error>) {
        self.url = url
        self.server = Mutex(server)
    }

    deinit {
        server.withLock { $0?.cancel() }
    }

    /// Starts listening on a free loopback port.
    public static func start(handler: @escaping Handler) async throws -> SandboxUtecWebhookListener {
        let router = Router()
        router.on("hooks/utec", method: .post) { request, _ -> Response in
            try await answer(request, handler)
        }
        router.on("hooks/utec", method: .get) { request, _ -> Response in
            try await answer(request, handler)
        }
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let application = Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                continuation.yield(channel.localAddress?.port ?? 0)
                continuation.finish()
            },
            logger: Logger(label: "SandboxUtecWebhookListener", factory: { _ in SwiftLogNoOpLogHandler() })
        )
        let server = Task {
            defer { continuation.finish() }
            try await application.run()
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0, let url = URL(string: "http://127.0.0.1:\(port)/hooks/utec")
        else {
            server.cancel()
            _ = await server.result
            throw SandboxStartError(message: "the webhook listener did not start")
        }
        return SandboxUtecWebhookListener(url: url, server: server)
    }

    private static func answer(_ request: Request, _ handler: Handler) async throws -> Response {
        let body = try await request.body.collect(upTo: 1 << 20)
        let (status, data) = await handler(
            request.method.rawValue, request.headers[.authorization], Data(buffer: body))
        return Response(
            status: HTTPResponse.Status(code: status), headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// Stops listening; calling it again does nothing.
    public func stop() async {
        guard
            let task = server.withLock({ task -> Task<Void, any Error>? in
                defer { task = nil }
                return task
            })
        else { return }
        task.cancel()
        _ = await task.result
    }
}
