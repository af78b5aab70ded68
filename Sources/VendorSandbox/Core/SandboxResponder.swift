import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one Hummingbird responder: collects the body, answers the control endpoint, records the
/// request, finds its route, applies the next fault waiting for that route, and writes the answer
/// the way the fault says.
struct SandboxResponder: HTTPResponder {
    typealias Context = SandboxRequestContext

    let router: SandboxRouter
    let faults: SandboxFaults
    let recorder: SandboxRecorder
    let clock: SandboxClock
    let control: SandboxControl
    let maximumBodySize: Int
    let fallbackOrigin: @Sendable () -> String

    func respond(to request: Request, context: SandboxRequestContext) async throws -> Response {
        var request = request
        let collected: ByteBuffer
        do {
            collected = try await request.collectBody(upTo: maximumBodySize)
        } catch {
            return Response(status: .contentTooLarge, headers: [.connection: "close"])
        }
        let uri = request.uri
        let incoming = SandboxIncomingRequest(
            method: request.method.rawValue.uppercased(),
            rawPath: uri.path,
            rawQuery: uri.query,
            path: uri.path.removingPercentEncodingOrSelf,
            headers: request.headers,
            body: Data(buffer: collected),
            receivedAt: clock.now,
            origin: request.head.authority.map { "http://\($0)" } ?? fallbackOrigin()
        )
        if incoming.rawPath == SandboxControl.prefix || incoming.rawPath.hasPrefix(SandboxControl.prefix + "/") {
            return Self.hummingbirdResponse(await control.handle(incoming), delivery: SandboxDelivery(), channel: nil)
        }
        let (resolution, routed) = router.resolve(incoming)
        let answer: SandboxResponse
        var delivery = SandboxDelivery()
        let sequence: Int
        switch resolution {
        case .endpoint(let module, let endpoint, let parameters):
            let step = faults.take(vendor: module.vendor, name: endpoint.name, method: routed.method)
            sequence = recorder.record(routed, vendor: module.vendor, routeName: endpoint.name, fault: step?.label)
            (answer, delivery) = await SandboxFaultApplication.answer(
                step, module: module, request: routed, clock: clock
            ) {
                await endpoint.handle(routed, parameters)
            }
        case .methodNotAllowed(let module, let endpoint):
            sequence = recorder.record(routed, vendor: module.vendor, routeName: endpoint.name, fault: nil)
            answer = module.errorResponse(status: 405, for: routed)
                .adding(.allow, endpoint.methods.sorted().joined(separator: ", "))
        case .unknownPath(let module):
            sequence = recorder.record(routed, vendor: module.vendor, routeName: nil, fault: nil)
            answer = module.errorResponse(status: 404, for: routed)
        case .nowhere:
            sequence = recorder.record(routed, vendor: nil, routeName: nil, fault: nil)
            answer = .text("no sandbox route for this path\n", status: 404, contentType: "text/plain; charset=utf-8")
        }
        if case .reset = delivery.body {
            recorder.complete(sequence, status: nil)
        } else {
            recorder.complete(sequence, status: answer.status)
        }
        if let delay = delivery.delay { try await Task.sleep(for: delay) }
        if case .reset = delivery.body, answer.body.isEmpty {
            // Nothing to cut short: reset before the head, so the client gets no answer at all.
            try await Self.reset(context.channel)
            throw SandboxConnectionReset()
        }
        return Self.hummingbirdResponse(answer, delivery: delivery, channel: context.channel)
    }

    /// The Hummingbird response that writes `answer` as `delivery` says.
    static func hummingbirdResponse(
        _ answer: SandboxResponse, delivery: SandboxDelivery, channel: (any Channel)?
    ) -> Response {
        let status = HTTPResponse.Status(code: answer.status)
        let data = answer.body
        switch delivery.body {
        case .whole:
            let body = data.isEmpty ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(bytes: data))
            var headers = answer.headers
            headers[.contentLength] = String(data.count)
            return Response(status: status, headers: headers, body: body)
        case .trickle(let chunkSize, let interval):
            let body = ResponseBody(contentLength: data.count) { writer in
                var offset = 0
                while offset < data.count {
                    let end = min(offset + chunkSize, data.count)
                    try await writer.write(ByteBuffer(bytes: data[offset..<end]))
                    offset = end
                    if offset < data.count { try await Task.sleep(for: interval) }
                }
                try await writer.finish(nil)
            }
            return Response(status: status, headers: answer.headers, body: body)
        case .reset(let afterBytes):
            let cut = min(afterBytes ?? data.count / 2, max(0, data.count - 1))
            let body = ResponseBody(contentLength: data.count) { writer in
                if cut > 0 { try await writer.write(ByteBuffer(bytes: data.prefix(cut))) }
                // Let the head and the first bytes reach the client before the reset discards what is unsent.
                try await Task.sleep(for: .milliseconds(30))
                if let channel { try await SandboxResponder.reset(channel) }
                throw SandboxConnectionReset()
            }
            return Response(status: status, headers: answer.headers, body: body)
        }
    }

    /// Closes `channel` with a TCP reset (`SO_LINGER` 0) rather than an orderly close.
    static func reset(_ channel: any Channel) async throws {
        if let provider = channel as? any SocketOptionProvider {
            try? await provider.setSoLinger(linger(l_onoff: 1, l_linger: 0)).get()
        }
        try? await channel.close().get()
    }
}

/// Thrown from a body writer to end a response early; Hummingbird then closes the connection.
struct SandboxConnectionReset: Error {}
