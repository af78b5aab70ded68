import AuthCore

/// Drops retransmitted events and fills in the calling module of terminates and rescinds.
///
/// `rtc` events are keyed by session id and kind (Netatmo re-sends offers and sends every
/// receiver a terminate); other events by push type and event/subevent ids. Events without an id
/// (and `rtc` events without a session id) are never dropped. Memory is bounded: the oldest keys
/// are forgotten first.
struct BticinoPushDeduplicator {
    private let capacity: Int
    private var seen: Set<String> = []
    private var order: [String] = []
    private var modulesBySession: [String: String] = [:]
    private var sessionOrder: [String] = []

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// The event to deliver, or `nil` when it repeats one already delivered.
    mutating func admit(_ event: BticinoPushEvent) -> BticinoPushEvent? {
        if let key = key(for: event), !remember(key) { return nil }
        var event = event
        if let rtc = event.rtc, let session = rtc.sessionID {
            if rtc.kind == .offer, let module = rtc.moduleID ?? rtc.modules.first?.id {
                rememberModule(module, for: session)
            } else if event.moduleID == nil {
                event.moduleID = modulesBySession[session]
            }
        }
        return event
    }

    /// The identity of a retransmission, or `nil` for an event without ids (a `connection` or
    /// `disconnection` may rightly repeat, and content is never a key: it is unbounded in size).
    private func key(for event: BticinoPushEvent) -> String? {
        if let rtc = event.rtc {
            guard let session = rtc.sessionID else { return nil }
            return "rtc|\(session)|\(rtc.kind.rawValue)"
        }
        guard event.eventID != nil || event.subeventID != nil else { return nil }
        return "\(event.pushType)|\(event.eventID ?? "")|\(event.subeventID ?? "")"
    }

    private mutating func remember(_ key: String) -> Bool {
        guard !seen.contains(key) else { return false }
        seen.insert(key)
        order.append(key)
        if order.count > capacity {
            seen.remove(order.removeFirst())
        }
        return true
    }

    private mutating func rememberModule(_ module: String, for session: String) {
        if modulesBySession.updateValue(module, forKey: session) == nil { sessionOrder.append(session) }
        if sessionOrder.count > capacity {
            modulesBySession.removeValue(forKey: sessionOrder.removeFirst())
        }
    }
}
