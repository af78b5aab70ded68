import Synchronization

/// The faults waiting for requests, set from a test or from `POST /_sandbox/faults`.
///
/// Faults queue per injection, in the order they were injected: a request takes the next step of
/// the first injection whose route it matches. A step applies to one request (except the last
/// step of a ``SandboxFault/forever()`` fault), so a test can count on exactly which requests
/// misbehave.
///
/// ```swift
/// sandbox.faults.inject(.statusSequence([503, 503]), on: .flowerhub(.asset))
/// #expect(sandbox.faults.pendingCount(on: .flowerhub(.asset)) == 2)
/// ```
public final class SandboxFaults: Sendable {
    private struct Injection {
        let route: SandboxRoute
        var steps: [SandboxFault.Step]
        let isPermanent: Bool
    }

    private let injections = Mutex<[Injection]>([])

    init() {}

    /// Queues `fault` for requests to `route`.
    public func inject(_ fault: SandboxFault, on route: SandboxRoute) {
        guard !fault.steps.isEmpty else { return }
        injections.withLock {
            $0.append(Injection(route: route, steps: fault.steps, isPermanent: fault.isPermanent))
        }
    }

    /// Removes every fault waiting, or those injected on exactly `route`.
    public func clear(on route: SandboxRoute? = nil) {
        injections.withLock { list in
            if let route { list.removeAll { $0.route == route } } else { list.removeAll() }
        }
    }

    /// How many requests the faults injected on exactly `route` will still change (`Int.max`
    /// when one is permanent); every route's when `nil`.
    public func pendingCount(on route: SandboxRoute? = nil) -> Int {
        injections.withLock { list in
            list.filter { route == nil || $0.route == route }.reduce(0) { total, injection in
                injection.isPermanent ? Int.max : total + injection.steps.count
            }
        }
    }

    /// Takes the step the request to `vendor`'s route `name` with `method` meets, if any.
    func take(vendor: SandboxVendor, name: String, method: String) -> SandboxFault.Step? {
        injections.withLock { list in
            guard let index = list.firstIndex(where: { $0.route.matches(vendor: vendor, name: name, method: method) })
            else { return nil }
            let step = list[index].steps[0]
            if list[index].steps.count > 1 {
                list[index].steps.removeFirst()
            } else if !list[index].isPermanent {
                list.remove(at: index)
            }
            return step
        }
    }
}
