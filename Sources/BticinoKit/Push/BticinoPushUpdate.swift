import AuthCore

/// What the push stream delivers: events, and what happens to the connection.
public enum BticinoPushUpdate: Sendable, Equatable {
    /// The subscription was accepted (after every connect and reconnect).
    case subscribed
    /// A push event.
    case event(BticinoPushEvent)
    /// The server acknowledged a renewed subscription (`{"status":"ok"}` on the live socket).
    case subscriptionRenewed
    /// Another JSON frame without a `push_type` (for example an error answering a renewal).
    case serverMessage(JSONValue)
    /// The connection ended or failed; the client waits `delay` and connects again.
    case reconnecting(BticinoReconnect)

    /// The event, if this update is one.
    public var event: BticinoPushEvent? {
        if case .event(let event) = self { return event }
        return nil
    }
}
