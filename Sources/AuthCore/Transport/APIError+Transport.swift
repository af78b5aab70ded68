import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

extension APIError {
    /// Maps a platform networking error to an `APIError`: time-outs to `timeout`, cancellation
    /// to `cancelled`, everything else to `transport` (with the platform error underneath).
    public static func fromTransportFailure(_ error: any Error, method: String?, url: String?) -> APIError {
        if let apiError = error as? APIError { return apiError }
        if error is CancellationError {
            return APIError(
                kind: .cancelled, message: "the request was cancelled", method: method, url: url, underlying: error)
        }
        if let urlError = error as? URLError {
            switch urlError.code {
            case .timedOut:
                return APIError(
                    kind: .timeout, message: "the request timed out", method: method, url: url, underlying: urlError)
            case .cancelled:
                return APIError(
                    kind: .cancelled, message: "the request was cancelled", method: method, url: url,
                    underlying: urlError)
            default:
                return APIError(
                    kind: .transport, message: "the request failed at the network level", method: method, url: url,
                    underlying: urlError)
            }
        }
        return APIError(
            kind: .transport, message: "the request failed at the network level", method: method, url: url,
            underlying: error)
    }
}
