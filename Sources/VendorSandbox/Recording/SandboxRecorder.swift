import Foundation
import HTTPTypes
import Synchronization

/// Keeps every request the sandbox received, in order.
final class SandboxRecorder: Sendable {
    private struct State {
        var requests: [SandboxRecordedRequest] = []
        var next = 1
    }

    private let state = Mutex(State())

    /// Records a request and returns its sequence number.
    func record(
        _ request: SandboxIncomingRequest, vendor: SandboxVendor?, routeName: String?, fault: String?
    ) -> Int {
        state.withLock { state in
            let sequence = state.next
            state.next += 1
            state.requests.append(
                SandboxRecordedRequest(
                    sequence: sequence, vendor: vendor, routeName: routeName, method: request.method,
                    path: request.rawPath, query: request.rawQuery, headers: request.headers, body: request.body,
                    receivedAt: request.receivedAt, fault: fault, status: nil))
            return sequence
        }
    }

    /// Notes the status request `sequence` was answered with.
    func complete(_ sequence: Int, status: Int?) {
        state.withLock { state in
            // Sequences are dense from the last clear, so the request is found from the end quickly.
            guard let index = state.requests.lastIndex(where: { $0.sequence == sequence }) else { return }
            state.requests[index].status = status
        }
    }

    /// The requests to `route`, in order.
    func requests(for route: SandboxRoute) -> [SandboxRecordedRequest] {
        state.withLock { state in
            state.requests.filter { route.matches(vendor: $0.vendor, name: $0.routeName, method: $0.method) }
        }
    }

    /// Forgets every request (sequence numbers go on).
    func clear() {
        state.withLock { $0.requests.removeAll() }
    }
}
