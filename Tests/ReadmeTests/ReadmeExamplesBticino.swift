import BticinoKit
import Foundation

// The README's BticinoKit example, exactly as printed there (the README test compares them). It is
// compiled, not run; the sandbox flow tests run the same calls.

enum ReadmeBticinoExamples {
    static func intercom(password: String, clientSecret: String) async throws {
        let configuration = BticinoClient.Configuration(
            credentials: BticinoCredentials(username: "me@example.com", password: Secret(password)),
            clientSecret: Secret(clientSecret),  // the Netatmo app's client secret: configuration, never shipped
            tokenStore: FileTokenStore(url: URL(fileURLWithPath: "bticino-token.json"))
        )
        let client = try BticinoClient(configuration: configuration)

        // Lazy login: the first call signs in; later calls refresh 60 s before expiry.
        let topology = try await client.topology()
        guard let home = topology.homes.first(where: { !$0.modules.isEmpty }),
            let door = home.modules(ofType: .bndl).first
        else { return }

        // Status merged with the topology.
        let state = try await client.homeState(homeID: home.id)
        print(state.module(door.id)?.isLocked ?? true)

        // Open the door: the bridge id and the home's time zone are added for you.
        do {
            try await client.openDoor(homeID: home.id, moduleID: door.id)
        } catch let error as APIError {
            print(error.status ?? 0, error.vendorCode ?? "-", error.isTransient)
        }

        // Listen for a ring over the push websocket (reconnects by itself).
        for try await update in client.pushEvents() {
            guard let event = update.event else { continue }
            if event.type == .incomingCall {
                print("ring at \(event.homeName ?? home.name)", event.snapshotURL ?? "")
                break
            }
        }
    }
}
