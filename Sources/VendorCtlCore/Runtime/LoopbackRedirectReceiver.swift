import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Captures one OAuth redirect on a loopback listener, for `login` commands of authorization-code kits.
///
/// It listens on `127.0.0.1` (a given port, or one the system picks), exposes the redirect URI to
/// register with the authorization request, and waits for the first request on the callback path
/// whose query has a `code` (or `authorization_code`) or an `error`. That request gets a short page
/// telling the user to go back to the terminal; its query items are returned as they arrived.
/// Requests for other paths (a browser's `favicon.ico`) get a 404, and requests on the callback path
/// without those items (a reload, a bare visit) get a 400; neither ends the wait. Each connection has
/// a total read deadline, so a slow client cannot hold the listener.
///
/// Nothing is logged, and no error text contains the request: the query carries the
/// authorization code and the OAuth state.
final class LoopbackRedirectReceiver: Sendable {
    /// Why no redirect was captured.
    struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// What went wrong, without any of the request's contents.
        let reason: String

        static let timedOut = Failure(reason: "no redirect arrived in time")
        static let cancelled = Failure(reason: "waiting for the redirect was cancelled")
        static let closed = Failure(reason: "the redirect listener was closed")

        var description: String { reason }
    }

    /// The port the listener is bound to.
    let port: Int
    /// The path the redirect must arrive on, starting with `/`.
    let callbackPath: String
    private let descriptor: Int32
    private let page: String
    private let readTimeout: Duration
    private let isClosed = Mutex(false)

    /// The largest request head read; a longer one is answered with 431 and ignored.
    static let maximumHeadSize = 16 * 1024
    /// The query items that make a request on the callback path the redirect.
    static let redirectItemNames: Set<String> = ["code", "authorization_code", "error"]

    /// `http://127.0.0.1:<port><callbackPath>`: the redirect URI to send with the authorization request.
    var redirectURI: URL { URL(string: "http://127.0.0.1:\(port)\(callbackPath)")! }

    /// Starts listening.
    ///
    /// - Parameters:
    ///   - port: The port to bind, or `0` for one the system picks.
    ///   - callbackPath: The path the redirect arrives on (for example `/` or `/callback`).
    ///   - page: The text of the page the browser shows after the redirect.
    ///   - readTimeout: How long one connection may take, in total, to send its request head.
    /// - Throws: ``Failure`` when the port cannot be bound.
    init(
        port: Int = 0, callbackPath: String = "/", page: String = "Sign-in received. You can close this window.",
        readTimeout: Duration = .seconds(5)
    ) throws {
        guard (0...65535).contains(port) else { throw Failure(reason: "port \(port) is not a valid TCP port") }
        self.callbackPath = callbackPath.hasPrefix("/") ? callbackPath : "/" + callbackPath
        self.page = page
        self.readTimeout = readTimeout
        #if canImport(Glibc) || canImport(Musl)
            let socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let socketDescriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard socketDescriptor >= 0 else { throw Failure(reason: "could not open a socket") }
        var yes: Int32 = 1
        setsockopt(socketDescriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socketDescriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(socketDescriptor, 16) == 0 else {
            close(socketDescriptor)
            throw Failure(reason: "could not listen on 127.0.0.1:\(port) (is it in use?)")
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socketDescriptor, $0, &length) }
        }
        self.port = Int(UInt16(bigEndian: actual.sin_port))
        self.descriptor = socketDescriptor
    }

    deinit { stop() }

    /// Stops listening; a wait in progress ends with ``Failure/closed``.
    func stop() {
        let wasClosed = isClosed.withLock { value -> Bool in
            defer { value = true }
            return value
        }
        guard !wasClosed else { return }
        shutdown(descriptor, Int32(SHUT_RDWR))
        close(descriptor)
    }

    /// Waits for the first request on the callback path with a `code` or an `error` and returns its query items.
    ///
    /// - Throws: ``Failure/timedOut`` after `timeout`, ``Failure/cancelled`` when the task is
    ///   cancelled, ``Failure/closed`` when the listener was closed.
    func waitForRedirect(timeout: Duration) async throws -> [URLQueryItem] {
        let cancelled = CancelFlag()
        let deadline = ContinuousClock.now.advanced(by: timeout)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let thread = Thread { [self] in
                    continuation.resume(with: Result { try self.acceptLoop(until: deadline, cancelled: cancelled) })
                }
                thread.start()
            }
        } onCancel: {
            cancelled.set()
        }
    }

    private func acceptLoop(until deadline: ContinuousClock.Instant, cancelled: CancelFlag) throws -> [URLQueryItem] {
        while true {
            if cancelled.isSet { throw Failure.cancelled }
            if isClosed.withLock({ $0 }) { throw Failure.closed }
            let now = ContinuousClock.now
            guard now < deadline else { throw Failure.timedOut }
            // Short slices, so cancellation and close are noticed promptly.
            let slice = min(deadline - now, .milliseconds(100))
            guard Self.waitReadable(descriptor, milliseconds: slice) else { continue }
            let client = accept(descriptor, nil, nil)
            guard client >= 0 else {
                if isClosed.withLock({ $0 }) { throw Failure.closed }
                continue
            }
            if let items = serve(client, deadline: deadline) { return items }
        }
    }

    /// Answers one connection; the callback's query items, or `nil` for any other request.
    private func serve(_ client: Int32, deadline: ContinuousClock.Instant) -> [URLQueryItem]? {
        defer { close(client) }
        // One total deadline for this connection (not per chunk): a client dribbling bytes is dropped.
        let connectionDeadline = min(deadline, ContinuousClock.now.advanced(by: readTimeout))
        guard let target = readRequestTarget(client, deadline: connectionDeadline) else {
            respond(client, status: "400 Bad Request", body: "Bad request.")
            return nil
        }
        guard let components = URLComponents(string: target), components.path == callbackPath else {
            respond(client, status: "404 Not Found", body: "Not found.")
            return nil
        }
        let items = components.queryItems ?? []
        guard items.contains(where: { Self.redirectItemNames.contains($0.name) }) else {
            respond(
                client, status: "400 Bad Request", body: "This is not a sign-in redirect; the sign-in is still waiting."
            )
            return nil
        }
        respond(client, status: "200 OK", body: page)
        return items
    }

    /// The target of a `GET` request line, once the whole head has arrived.
    private func readRequestTarget(_ client: Int32, deadline: ContinuousClock.Instant) -> String? {
        var head = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 2048)
        let end: [UInt8] = Array("\r\n\r\n".utf8)
        while !Self.contains(head, end) {
            guard head.count < Self.maximumHeadSize else { return nil }
            let now = ContinuousClock.now
            guard now < deadline, Self.waitReadable(client, milliseconds: deadline - now) else {
                return nil
            }
            let count = recv(client, &buffer, buffer.count, 0)
            guard count > 0 else { return nil }
            head.append(contentsOf: buffer[0..<count])
        }
        guard let lineEnd = head.firstIndex(of: UInt8(ascii: "\r")) else { return nil }
        let parts = head[..<lineEnd].split(separator: UInt8(ascii: " "))
        guard parts.count == 3, String(decoding: parts[0], as: UTF8.self) == "GET" else { return nil }
        return String(decoding: parts[1], as: UTF8.self)
    }

    private func respond(_ client: Int32, status: String, body: String) {
        let html =
            "<!doctype html><html><head><meta charset=\"utf-8\"><title>vendorctl</title></head><body><p>"
            + Self.escapeHTML(body) + "</p></body></html>"
        let bytes = Array(
            ("HTTP/1.1 \(status)\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: \(html.utf8.count)\r\n"
                + "Cache-Control: no-store\r\nConnection: close\r\n\r\n" + html).utf8)
        var offset = 0
        while offset < bytes.count {
            #if canImport(Glibc) || canImport(Musl)
                let flags = Int32(MSG_NOSIGNAL)
            #else
                let flags: Int32 = 0
            #endif
            let sent = bytes[offset...].withUnsafeBytes { send(client, $0.baseAddress, $0.count, flags) }
            guard sent > 0 else { return }
            offset += sent
        }
    }

    private static func waitReadable(_ descriptor: Int32, milliseconds duration: Duration) -> Bool {
        let (seconds, attoseconds) = duration.components
        let milliseconds = Int32(clamping: max(0, seconds * 1000 + attoseconds / 1_000_000_000_000_000))
        var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&entry, 1, milliseconds) > 0
    }

    private static func contains(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
        guard bytes.count >= needle.count else { return false }
        for start in 0...(bytes.count - needle.count) where bytes[start..<(start + needle.count)].elementsEqual(needle)
        {
            return true
        }
        return false
    }

    private static func escapeHTML(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}

/// Set once when the waiting task is cancelled; read by the listener thread.
private final class CancelFlag: Sendable {
    private let state = Mutex(false)

    var isSet: Bool { state.withLock { $0 } }

    func set() { state.withLock { $0 = true } }
}
