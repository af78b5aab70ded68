import Dispatch

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Waits for SIGINT or SIGTERM without the default handlers, which would end the process before
/// the sandbox could close its port.
enum SignalWait {
    /// Suspends until one of `signals` arrives and returns its number (`nil` when the task is
    /// cancelled). Dispatch sources handle the signals while waiting; afterwards they are back to
    /// their default handlers, so a second Ctrl-C during shutdown still ends the process.
    static func next(of signals: [Int32] = [SIGINT, SIGTERM]) async -> Int32? {
        let queue = DispatchQueue(label: "vendorctl.signals")
        let (arrivals, continuation) = AsyncStream.makeStream(of: Int32.self)
        var sources: [any DispatchSourceSignal] = []
        for number in signals {
            // Ignored first: otherwise the default handler ends the process before the source sees it.
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { continuation.yield(number) }
            source.resume()
            sources.append(source)
        }
        var iterator = arrivals.makeAsyncIterator()
        let received = await iterator.next()
        continuation.finish()
        for source in sources { source.cancel() }
        for number in signals { signal(number, SIG_DFL) }
        return received
    }
}
