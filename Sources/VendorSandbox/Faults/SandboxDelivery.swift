import Foundation
import HTTPTypes

/// How an answer goes onto the wire: at once, after a wait, trickled, or cut off by a reset.
struct SandboxDelivery: Sendable {
    /// How the body is written.
    enum Body: Sendable {
        /// In one piece.
        case whole
        /// `chunkSize` bytes at a time with `interval` between.
        case trickle(chunkSize: Int, interval: Duration)
        /// The head and the first bytes (half when `nil`), then a reset connection.
        case reset(afterBytes: Int?)
    }

    /// Real time to wait before the head.
    var delay: Duration?
    /// How the body is written.
    var body: Body = .whole
}

/// Applies a fault step to the normal answer of a route.
enum SandboxFaultApplication {
    /// The answer to send and how, for a request that met `step` (or none).
    static func answer(
        _ step: SandboxFault.Step?,
        module: any SandboxVendorModule,
        request: SandboxIncomingRequest,
        clock: SandboxClock,
        normal: () async -> SandboxResponse
    ) async -> (SandboxResponse, SandboxDelivery) {
        guard let step else { return (await normal(), SandboxDelivery()) }
        switch step {
        case .status(let status) where (200..<300).contains(status):
            return (await normal(), SandboxDelivery())
        case .status(let status):
            return (module.errorResponse(status: status, for: request), SandboxDelivery())
        case .rateLimited(let seconds, let asDate):
            var response = module.errorResponse(status: 429, for: request)
            response.headers[.retryAfter] =
                asDate
                ? SandboxHTTPDate.format(clock.now.addingTimeInterval(TimeInterval(seconds))) : String(seconds)
            return (response, SandboxDelivery())
        case .delay(let duration):
            return (await normal(), SandboxDelivery(delay: duration))
        case .trickle(let chunkSize, let interval):
            return (await normal(), SandboxDelivery(body: .trickle(chunkSize: chunkSize, interval: interval)))
        case .resetMidBody(let afterBytes):
            return (await normal(), SandboxDelivery(body: .reset(afterBytes: afterBytes)))
        case .truncatedJSON:
            var response = await normal()
            if response.body.count > 1 { response.body = response.body.prefix(response.body.count / 2) }
            return (response, SandboxDelivery())
        case .htmlErrorPage(let status):
            return (module.htmlErrorPage(status: status), SandboxDelivery())
        case .wrongContentType(let contentType):
            var response = await normal()
            response.headers[.contentType] = contentType
            return (response, SandboxDelivery())
        case .emptyBody(let status):
            return (.empty(status: status), SandboxDelivery())
        case .oversizedBody(let bytes, let status):
            var response: SandboxResponse
            if let status {
                response = module.errorResponse(status: status, for: request)
            } else {
                response = await normal()
            }
            if response.body.count < bytes {
                response.body.append(Data(repeating: 0x20, count: bytes - response.body.count))
            }
            return (response, SandboxDelivery())
        }
    }
}
