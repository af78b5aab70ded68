/// What one emulated vendor brings to the sandbox: a path prefix, its routes, and how it answers
/// an error in its own words. Adding a vendor means one routes file conforming to this, its
/// state, and one line in ``VendorSandbox``'s list of modules.
protocol SandboxVendorModule: Sendable {
    /// The vendor.
    var vendor: SandboxVendor { get }
    /// Where its routes live on the sandbox, for example `/flowerhub` (no trailing `/`).
    var pathPrefix: String { get }
    /// Its routes, tried in order.
    var endpoints: [SandboxEndpoint] { get }
    /// The vendor's answer for an error status: its error body, content type and headers.
    func errorResponse(status: Int, for request: SandboxIncomingRequest) -> SandboxResponse
    /// An HTML error page with `status`, as a gateway in front of the vendor would send.
    func htmlErrorPage(status: Int) -> SandboxResponse
    /// Forgets every session, token and change, back to the state the sandbox started with.
    func reset()
}

extension SandboxVendorModule {
    /// A plain gateway page.
    func htmlErrorPage(status: Int) -> SandboxResponse {
        let reason = SandboxStatusText.reason(status)
        return .text(
            "<!DOCTYPE html>\n<html><head><title>\(status) \(reason)</title></head>"
                + "<body><h1>\(status) \(reason)</h1></body></html>\n",
            status: status, contentType: "text/html; charset=utf-8")
    }
}

/// Reason phrases for the statuses the sandbox answers with.
enum SandboxStatusText {
    static func reason(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 201: return "Created"
        case 204: return "No Content"
        case 400: return "Bad Request"
        case 401: return "Unauthorized"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 405: return "Method Not Allowed"
        case 409: return "Conflict"
        case 412: return "Precondition Failed"
        case 413: return "Payload Too Large"
        case 415: return "Unsupported Media Type"
        case 428: return "Precondition Required"
        case 429: return "Too Many Requests"
        case 500: return "Internal Server Error"
        case 502: return "Bad Gateway"
        case 503: return "Service Unavailable"
        case 504: return "Gateway Timeout"
        default: return "Status \(status)"
        }
    }
}
