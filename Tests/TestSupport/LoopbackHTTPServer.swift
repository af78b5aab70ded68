import AuthCore
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A request the loopback server received.
public struct LoopbackRequest: Sendable {
    /// Method, e.g. `GET`.
    public var method: String
    /// Path with query.
    public var target: String
    /// Header fields with lower-cased names.
    public var headers: [String: String]
    /// The body.
    public var body: Data
}

/// What the loopback server answers.
public struct LoopbackResponse: Sendable {
    /// The status.
    public var status: Int
    /// Header fields.
    public var headers: [(String, String)]
    /// The body.
    public var body: Data
    /// How long to wait before answering (for timeout tests).
    public var delay: Duration
    /// When above zero, the head goes out at once and the body one byte at a time with this pause
    /// between bytes: bytes keep arriving, so only a limit on the whole attempt (not an idle timer) fires.
    public var byteInterval: Duration
    /// How the end of the body is marked.
    public var framing: Framing

    /// How the server marks the end of a body.
    public enum Framing: Sendable {
        /// `Content-Length` with the body's real size.
        case contentLength
        /// No `Content-Length`: the body ends when the server closes the connection.
        case untilClose
        /// `Content-Length` with this value, whatever the body's size (to cut a response short).
        case declaredLength(Int)
    }

    /// Creates a response.
    public init(
        status: Int, headers: [(String, String)] = [], body: Data = Data(), delay: Duration = .zero,
        byteInterval: Duration = .zero, framing: Framing = .contentLength
    ) {
        self.status = status
        self.headers = headers
        self.body = body
        self.delay = delay
        self.byteInterval = byteInterval
        self.framing = framing
    }
}

/// A tiny HTTP/1.1 server on 127.0.0.1 with an ephemeral port, on plain POSIX sockets.
///
/// It exists so AuthCore's tests exercise the real URLSession stack without pulling SwiftNIO
/// into AuthCore's test graph. One connection at a time, `Connection: close` on every answer.
public final class LoopbackHTTPServer: Sendable {
    /// The port it listens on.
    public let port: Int
    private let socketDescriptor: Int32
    private let handler: @Sendable (LoopbackRequest) -> LoopbackResponse
    private let received = Mutex<[LoopbackRequest]>([])
    private let completed = Mutex(0)
    private let stopped = Mutex(false)

    /// `http://127.0.0.1:<port>`.
    public var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }

    /// Every request received so far.
    public var requests: [LoopbackRequest] { received.withLock { $0 } }

    /// How many responses went out to their last byte. A call that ended while this is still
    /// zero ended before the server had answered (a timeout or a cancellation that worked).
    public var completedResponses: Int { completed.withLock { $0 } }

    /// Starts listening and serving on a background thread.
    public init(handler: @escaping @Sendable (LoopbackRequest) -> LoopbackResponse) throws {
        #if canImport(Glibc)
            let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw POSIXError(.EIO) }
        var yes: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(descriptor, 64) == 0 else {
            close(descriptor)
            throw POSIXError(.EADDRINUSE)
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        self.port = Int(UInt16(bigEndian: actual.sin_port))
        self.socketDescriptor = descriptor
        self.handler = handler
        let thread = Thread { [self] in self.acceptLoop() }
        thread.start()
    }

    /// Stops accepting connections.
    public func stop() {
        let alreadyStopped = stopped.withLock { value -> Bool in
            defer { value = true }
            return value
        }
        guard !alreadyStopped else { return }
        shutdown(socketDescriptor, Int32(SHUT_RDWR))
        close(socketDescriptor)
    }

    deinit { stop() }

    private func acceptLoop() {
        while !stopped.withLock({ $0 }) {
            let client = accept(socketDescriptor, nil, nil)
            if client < 0 { return }
            serve(client)
        }
    }

    private func serve(_ client: Int32) {
        defer { close(client) }
        guard let request = readRequest(client) else { return }
        received.withLock { $0.append(request) }
        let response = handler(request)
        if response.delay > .zero { Thread.sleep(forTimeInterval: Durations.seconds(response.delay)) }
        var head = "HTTP/1.1 \(response.status) Status\r\n"
        var headers = response.headers
        switch response.framing {
        case .contentLength: headers.append(("Content-Length", "\(response.body.count)"))
        case .untilClose: break
        case .declaredLength(let length): headers.append(("Content-Length", "\(length)"))
        }
        headers.append(("Connection", "close"))
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        head += "\r\n"
        if response.byteInterval > .zero {
            guard write(Data(head.utf8), to: client) else { return }
            for byte in response.body {
                Thread.sleep(forTimeInterval: Durations.seconds(response.byteInterval))
                guard write(Data([byte]), to: client) else { return }
            }
        } else {
            guard write(Data(head.utf8) + response.body, to: client) else { return }
        }
        completed.withLock { $0 += 1 }
    }

    /// Sends all of `bytes`; `false` when the client has gone.
    private func write(_ bytes: Data, to client: Int32) -> Bool {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let sent = send(client, buffer.baseAddress! + offset, buffer.count - offset, Int32(MSG_NOSIGNAL))
                if sent <= 0 { return false }
                offset += sent
            }
            return true
        }
    }

    private func readRequest(_ client: Int32) -> LoopbackRequest? {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        let separator = Data("\r\n\r\n".utf8)
        while data.range(of: separator) == nil {
            let count = recv(client, &buffer, buffer.count, 0)
            if count <= 0 { return nil }
            data.append(contentsOf: buffer[0..<count])
        }
        guard let headerEnd = data.range(of: separator) else { return nil }
        let headText = String(decoding: data[..<headerEnd.lowerBound], as: UTF8.self)
        var lines = headText.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count >= 2 else { return nil }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers[name] = headers[name].map { "\($0), \(value)" } ?? value
        }
        var body = Data(data[headerEnd.upperBound...])
        let expected = Int(headers["content-length"] ?? "0") ?? 0
        while body.count < expected {
            let count = recv(client, &buffer, buffer.count, 0)
            if count <= 0 { break }
            body.append(contentsOf: buffer[0..<count])
        }
        return LoopbackRequest(
            method: String(requestLine[0]), target: String(requestLine[1]), headers: headers, body: body)
    }
}
