/// Finds the vendor and route a request belongs to.
struct SandboxRouter: Sendable {
    /// Where a request goes.
    enum Resolution {
        /// A route of `module`, with its path parameters.
        case endpoint(any SandboxVendorModule, SandboxEndpoint, [String: String])
        /// A route's path with a method it does not answer.
        case methodNotAllowed(any SandboxVendorModule, SandboxEndpoint)
        /// A path under a vendor's prefix that none of its routes has.
        case unknownPath(any SandboxVendorModule)
        /// A path no vendor owns.
        case nowhere
    }

    let modules: [any SandboxVendorModule]

    /// The resolution of `request`, and the request with its path below the vendor's prefix, decoded.
    func resolve(_ request: SandboxIncomingRequest) -> (Resolution, SandboxIncomingRequest) {
        var request = request
        guard let module = modules.first(where: { owns($0.pathPrefix, request.rawPath) }) else {
            return (.nowhere, request)
        }
        let below = String(request.rawPath.dropFirst(module.pathPrefix.count))
        request.path = below.removingPercentEncodingOrSelf
        var wrongMethod: SandboxEndpoint?
        for endpoint in module.endpoints {
            guard let parameters = endpoint.match(request.path) else { continue }
            if endpoint.methods.contains(request.method) {
                return (.endpoint(module, endpoint, parameters), request)
            }
            wrongMethod = wrongMethod ?? endpoint
        }
        if let wrongMethod { return (.methodNotAllowed(module, wrongMethod), request) }
        return (.unknownPath(module), request)
    }

    private func owns(_ prefix: String, _ path: String) -> Bool {
        path == prefix || path.hasPrefix(prefix + "/")
    }
}

extension String {
    /// The text percent-decoded, or as it is when it holds a malformed escape.
    var removingPercentEncodingOrSelf: String { removingPercentEncoding ?? self }
}
