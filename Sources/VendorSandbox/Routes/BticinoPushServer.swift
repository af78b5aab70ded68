import Foundation
import HummingbirdWebSocket
import NIOCore

/// The emulated push websocket (`/bticino/ws/`): checks the exact subscribe frame, answers
/// `{"status":"ok"}` or Netatmo's error, then sends what ``SandboxBticino`` tells it (events,
/// protocol pings, a drop) and answers renewed subscriptions on the live socket.
enum BticinoPushServer {
    /// The path the push socket upgrades on.
    static let path = "/bticino/ws"

    /// The five keys of the subscribe frame; anything else (such as `filter`) is refused with code 11.
    static let subscribeKeys: Set<String> = ["action", "access_token", "app_type", "platform", "version"]

    static func handler(state: SandboxBticino, channel: any Channel)
        -> WebSocketDataHandler<HTTP1WebSocketUpgradeChannel.Context>
    {
        { inbound, outbound, _ in
            var messages = inbound.messages(maxSize: 1 << 20).makeAsyncIterator()
            guard case .text(let first)? = try await messages.next() else { return }
            state.recordSubscribe(first)
            let reply = answer(first, state: state)
            try await outbound.write(.text(reply))
            guard reply == ok else { return }
            let (commands, input) = AsyncStream.makeStream(of: SandboxBticino.PushCommand.self)
            let id = state.register(commands: input)
            defer {
                state.unregister(id)
                input.finish()
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    for await command in commands {
                        switch command {
                        case .send(let text): try await outbound.write(.text(text))
                        case .ping:
                            try await outbound.write(
                                .custom(.init(fin: true, opcode: .ping, data: ByteBuffer(string: "hb"))))
                        case .drop:
                            channel.close(promise: nil)
                            return
                        }
                    }
                }
                while let message = try await messages.next() {
                    guard case .text(let text) = message else { continue }
                    state.recordSubscribe(text)
                    try await outbound.write(.text(answer(text, state: state)))
                }
                group.cancelAll()
            }
        }
    }

    static let ok = "{\"status\":\"ok\"}"

    /// The reply to a subscribe frame.
    static func answer(_ frame: String, state: SandboxBticino) -> String {
        guard let json = try? SandboxJSON.parse(Data(frame.utf8)), let object = json.objectValue,
            Set(object.keys) == subscribeKeys, object["action"]?.stringValue == "Subscribe",
            object["app_type"]?.stringValue == "app_camera", !state.refusesSubscriptions
        else { return error(11, "Internal error") }
        switch state.check(object["access_token"]?.stringValue) {
        case .valid: return ok
        case .expired: return error(3, "Access token expired")
        case .invalid: return error(2, "Invalid access token")
        }
    }

    private static func error(_ code: Int, _ message: String) -> String {
        "{\"error\":{\"code\":\(code),\"message\":\"\(message)\"}}"
    }
}
