import ArgumentParser
import AuthCore
import Foundation
import UtecKit

/// `vendorctl utec`: U-Tec / Ultraloq locks, switches and lights (U-Home OpenAPI).
struct UtecCtlCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "utec",
        abstract: "U-Tec locks, switches and lights: sign in, devices, query, lock/unlock, switch, light, webhooks.",
        discussion: """
            'login' runs U-Tec's authorization-code sign-in and keeps the token in utec-token.json and \
            the client id and endpoints in utec-login.json in the config directory (mode 0600). The \
            client secret is never stored: it comes from UTEC_CLIENT_SECRET or a prompt without echo, \
            and is read again only when the token must be refreshed. UTEC_ACCESS_TOKEN uses a token \
            you already have instead. UTEC_CLIENT_ID gives the default client id.
            """,
        subcommands: [
            Login.self, Logout.self, User.self, Devices.self, Query.self, Lock.self, Unlock.self, Switch.self,
            Light.self, Webhook.self,
        ]
    )

    struct Login: UtecRunnable {
        static let configuration = CommandConfiguration(
            abstract: "Sign in with U-Tec's OAuth and save the token.",
            discussion: """
                Prints the authorization address: open it in a browser and sign in. When the redirect \
                URI is on this machine (127.0.0.1 or localhost), the redirect is caught on that port \
                (port 0 picks a free one); otherwise, or with --paste, paste the address the browser \
                was sent to (it holds the one-time code; it is read without echo).
                """)

        @Option(
            name: .customLong("client-id"),
            help: ArgumentHelp("The OAuth client id (or UTEC_CLIENT_ID).", valueName: "id"))
        var clientId: String?

        @Option(
            name: .customLong("redirect-uri"),
            help: ArgumentHelp("The redirect URI registered for the client.", valueName: "uri"))
        var redirectURI = "http://127.0.0.1:8765/utec/callback"

        @Option(
            name: .customLong("oauth-url"),
            help: ArgumentHelp("The OAuth server (default https://oauth.u-tec.com).", valueName: "url"))
        var oauthURL: String?

        @Flag(help: "Paste the redirected address instead of catching the redirect on this machine.")
        var paste = false

        @Option(help: ArgumentHelp("How long to wait for the browser, in seconds.", valueName: "s"))
        var wait = 300

        @OptionGroup var options: UtecOptions

        mutating func validate() throws {
            if let oauthURL { _ = try BaseURLOption.parse(oauthURL) }
            _ = try BaseURLOption.parse(redirectURI)
            guard wait > 0 else { throw ValidationError("--wait must be at least 1 second") }
        }

        /// Whether the redirect can be caught here: a loopback host.
        var catchesRedirect: Bool {
            guard !paste, let host = URL(string: redirectURI)?.host?.lowercased() else { return false }
            return host == "127.0.0.1" || host == "localhost"
        }

        func execute(in context: VendorCtlContext) async throws {
            guard let id = clientId ?? context.environment["UTEC_CLIENT_ID"], !id.isEmpty else {
                throw CommandFailure.usage("give --client-id or set UTEC_CLIENT_ID")
            }
            let secret = try SecretInput.read(
                variable: "UTEC_CLIENT_SECRET", prompt: "Client secret for \(id): ", context: context)
            let receiver = try catchesRedirect ? Self.receiver(for: redirectURI) : nil
            defer { receiver?.stop() }
            let redirect = receiver.map { Self.redirect(redirectURI, port: $0.port) } ?? redirectURI
            let oauthRoot = try oauthURL.map(BaseURLOption.parse)
            let login = UtecLoginFile(
                format: UtecLoginFile.currentFormat, clientId: id, redirectURI: redirect,
                apiBaseURL: try options.baseURL.map(BaseURLOption.parse)?.absoluteString
                    ?? UtecClient.Configuration.defaultBaseURL.absoluteString,
                authorizeURL: oauthRoot?.appendingPathComponent("authorize").absoluteString
                    ?? UtecOAuth.defaultAuthorizeURL.absoluteString,
                tokenURL: oauthRoot?.appendingPathComponent("token").absoluteString
                    ?? UtecOAuth.defaultTokenURL.absoluteString)
            let oauth = try UtecOAuthFactory.make(login, secret: secret, context: context)
            let pending = oauth.beginAuthorization()
            let printer = options.output.printer(context)
            printer.note("Open this address in a browser and sign in:\n\(pending.url.absoluteString)")
            let callback: URL
            if let receiver {
                printer.note("Waiting for the browser on \(redirect) …")
                let items: [URLQueryItem]
                do {
                    items = try await receiver.waitForRedirect(timeout: .seconds(wait))
                } catch let failure as LoopbackRedirectReceiver.Failure {
                    throw CommandFailure.authentication("sign-in not completed: \(failure)")
                }
                var components = URLComponents(string: redirect)
                components?.queryItems = items
                guard let url = components?.url else { throw CommandFailure.authentication("the redirect is unusable") }
                callback = url
            } else {
                guard
                    let pasted = try context.terminal.readLine(
                        prompt: "Paste the address the browser was sent to: ", echo: false),
                    let url = URL(string: pasted.trimmingCharacters(in: .whitespacesAndNewlines))
                else {
                    throw CommandFailure.authentication("no redirect address was entered")
                }
                callback = url
            }
            let token = try await pending.complete(callbackURL: callback)
            let directory = try options.output.directory(context)
            try directory.create()
            try await FileTokenStore(url: directory.file(UtecLoginFile.tokenFileName)).saveToken(token)
            try PrivateFile(url: directory.file(UtecLoginFile.fileName)).save(
                Printer.encode(login, pretty: true).data(using: .utf8) ?? Data())
            let report = UtecReports.Login(
                clientId: id, scope: token.scope, expiresAt: token.expiresAt,
                tokenFile: directory.file(UtecLoginFile.tokenFileName).path)
            try printer.emit(report) { report.table }
        }

        /// A listener on the redirect URI's port and path.
        static func receiver(for redirectURI: String) throws -> LoopbackRedirectReceiver {
            let url = URL(string: redirectURI)
            do {
                return try LoopbackRedirectReceiver(
                    port: url?.port ?? 80, callbackPath: url?.path.isEmpty == false ? url?.path ?? "/" : "/")
            } catch let failure as LoopbackRedirectReceiver.Failure {
                throw CommandFailure.usage("\(failure); choose another --redirect-uri port or use --paste")
            }
        }

        /// The redirect URI with the listener's port (port 0 asked for a free one).
        static func redirect(_ redirectURI: String, port: Int) -> String {
            guard var components = URLComponents(string: redirectURI), components.port == 0 else { return redirectURI }
            components.port = port
            return components.string ?? redirectURI
        }
    }

    struct Logout: UtecRunnable {
        static let configuration = CommandConfiguration(
            abstract: "End the session at U-Tec (best effort) and forget the saved token and login.")

        @OptionGroup var options: UtecOptions

        func execute(in context: VendorCtlContext) async throws {
            let directory = try options.output.directory(context)
            if let connection = try? await UtecConnection.make(options, context: context) {
                try? await connection.client.logout()
            }
            let removed = try [UtecLoginFile.tokenFileName, UtecLoginFile.fileName].map {
                try PrivateFile(url: directory.file($0)).remove()
            }
            options.output.printer(context).line(removed.contains(true) ? "signed out" : "no saved U-Tec login")
        }
    }

    struct User: UtecRunnable {
        static let configuration = CommandConfiguration(abstract: "The signed-in user.")

        @OptionGroup var options: UtecOptions

        func execute(in context: VendorCtlContext) async throws {
            let user = try await UtecConnection.make(options, context: context).client.user()
            try options.output.printer(context).emit(user) {
                var table = FieldList()
                table.add("id", user.id)
                table.add("first name", user.firstName)
                table.add("last name", user.lastName)
                return table.rendered
            }
        }
    }

    struct Devices: UtecRunnable {
        static let configuration = CommandConfiguration(
            abstract: "Discover the devices and query their states in one call.")

        @OptionGroup var options: UtecOptions

        func execute(in context: VendorCtlContext) async throws {
            let found = try await UtecConnection.make(options, context: context).client.devicesWithState()
            let printer = options.output.printer(context)
            for issue in found.issues { printer.note("skipped: \(issue)") }
            try printer.emit(found.devices) { UtecReports.devices(found.devices) }
        }
    }

    struct Query: UtecRunnable {
        static let configuration = CommandConfiguration(
            abstract: "Query the states of devices (all when no id is given), in one call.")

        @Argument(help: "Device ids.")
        var ids: [String] = []

        @OptionGroup var options: UtecOptions

        func execute(in context: VendorCtlContext) async throws {
            let client = try await UtecConnection.make(options, context: context).client
            let devices = try await client.discoverDevices().devices
            let selected =
                ids.isEmpty
                ? devices
                : try ids.map { id in
                    guard let device = devices.first(where: { $0.id == id }) else {
                        throw CommandFailure(.refused, "no U-Tec device with id \(id) (see 'vendorctl utec devices')")
                    }
                    return device
                }
            guard !selected.isEmpty else { throw CommandFailure(.refused, "the account has no devices") }
            let report = UtecReports.Query(try await client.query(selected))
            try options.output.printer(context).emit(report) { report.table }
        }
    }

    struct Lock: UtecRunnable {
        static let configuration = CommandConfiguration(
            abstract: "Lock a lock, wait the acknowledged delay and show the result.")

        @Argument(help: "The lock's device id.")
        var id: String

        @OptionGroup var options: UtecOptions

        func execute(in context: VendorCtlContext) async throws {
            let connection = try await UtecConnection.make(options, context: context)
            let device = try await connection.device(id)
            let report = UtecReports.Outcome(device, command: "lock", outcome: try await connection.client.lock(device))
            try options.output.printer(context).emit(report) { report.table }
        }
    }

    struct Unlock: UtecRunnable {
        static let configuration = CommandConfiguration(
            abstract: "Unlock a lock, wait the acknowledged delay and show the result.")

        @Argument(help: "The lock's device id.")
        var id: String

        @OptionGroup var options: UtecOptions

        func execute(in context: VendorCtlContext) async throws {
            let connection = try await UtecConnection.make(options, context: context)
            let device = try await connection.device(id)
            let outcome = try await connection.client.unlock(device)
            let report = UtecReports.Outcome(device, command: "unlock", outcome: outcome)
            try options.output.printer(context).emit(report) { report.table }
        }
    }

    struct Switch: UtecRunnable {
        static let configuration = CommandConfiguration(abstract: "Turn a switch (or light) on or off.")

        @Argument(help: "The device id.")
        var id: String

        @Argument(help: "on or off.")
        var state: String

        @OptionGroup var options: UtecOptions

        mutating func validate() throws {
            guard ["on", "off"].contains(state.lowercased()) else {
                throw ValidationError("the state must be on or off")
            }
        }

        func execute(in context: VendorCtlContext) async throws {
            let connection = try await UtecConnection.make(options, context: context)
            let device = try await connection.device(id)
            let on = state.lowercased() == "on"
            let outcome = try await on ? connection.client.turnOn(device) : connection.client.turnOff(device)
            let report = UtecReports.Outcome(device, command: on ? "on" : "off", outcome: outcome)
            try options.output.printer(context).emit(report) { report.table }
        }
    }

    struct Light: UtecRunnable {
        static let configuration = CommandConfiguration(
            abstract: "Set a light: brightness (1-100), colour temperature (the light's own range), colour, or off.")

        @Argument(help: "The light's device id.")
        var id: String

        @Option(help: ArgumentHelp("Brightness in percent (clamped to 1-100).", valueName: "n"))
        var brightness: Int?

        @Option(
            name: .customLong("color-temperature"),
            help: ArgumentHelp("Colour temperature in kelvin, within the light's range.", valueName: "k"))
        var colorTemperature: Int?

        @Option(help: ArgumentHelp("Colour as r,g,b (0-255 each).", valueName: "r,g,b"))
        var color: String?

        @Flag(help: "Turn the light off (no other option applies).")
        var off = false

        @OptionGroup var options: UtecOptions

        mutating func validate() throws {
            if off, brightness != nil || colorTemperature != nil || color != nil {
                throw ValidationError(
                    "--off turns the light off: --brightness, --color-temperature and --color do not apply")
            }
            if let color { _ = try Self.parse(color) }
        }

        static func parse(_ text: String) throws -> UtecRGBColor {
            let parts = text.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard parts.count == 3, let red = parts[0], let green = parts[1], let blue = parts[2],
                let color = try? UtecRGBColor(checkingRed: red, green: green, blue: blue)
            else { throw ValidationError("--color must be r,g,b with each 0-255") }
            return color
        }

        func execute(in context: VendorCtlContext) async throws {
            let connection = try await UtecConnection.make(options, context: context)
            let device = try await connection.device(id)
            let outcome: UtecCommandOutcome
            if off {
                outcome = try await connection.client.turnOff(device)
            } else {
                outcome = try await connection.client.turnOn(
                    device, brightness: brightness, colorTemperature: colorTemperature, color: color.map(Self.parse))
            }
            let report = UtecReports.Outcome(device, command: off ? "off" : "light", outcome: outcome)
            try options.output.printer(context).emit(report) { report.table }
        }
    }

    struct Webhook: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Register the notification webhook, or check a notification you received.",
            subcommands: [Register.self, Verify.self])

        struct Register: UtecRunnable {
            static let configuration = CommandConfiguration(
                abstract: "Register the URL U-Tec posts notifications to (secret from UTEC_WEBHOOK_SECRET or a prompt)."
            )

            @Argument(help: "The http or https URL.")
            var url: String

            @OptionGroup var options: UtecOptions

            func execute(in context: VendorCtlContext) async throws {
                guard let target = URL(string: url) else { throw CommandFailure.usage("the webhook URL is not a URL") }
                let secret = try SecretInput.read(
                    variable: "UTEC_WEBHOOK_SECRET", prompt: "Webhook secret: ", context: context)
                try await UtecConnection.make(options, context: context).client.registerWebhook(
                    url: target, secret: secret)
                options.output.printer(context).line("notifications go to \(target.absoluteString)")
            }
        }

        struct Verify: UtecRunnable {
            static let configuration = CommandConfiguration(
                abstract: "Check a received notification: its bearer secret (constant time) and its body.",
                discussion: """
                    The body comes from the file (or - for standard input); the Authorization header it \
                    came with from UTEC_WEBHOOK_AUTHORIZATION or a prompt without echo; the secret you \
                    registered from UTEC_WEBHOOK_SECRET or a prompt. Exits with 'refused' when the \
                    notification would be rejected.
                    """)

            @Argument(help: "The notification body: a file, or - for standard input.")
            var body: String

            @OptionGroup var output: OutputOptions

            func execute(in context: VendorCtlContext) async throws {
                let data = try InputFile.read(body, context: context)
                let secret = try SecretInput.read(
                    variable: "UTEC_WEBHOOK_SECRET", prompt: "Webhook secret: ", context: context)
                let header = try SecretInput.read(
                    variable: "UTEC_WEBHOOK_AUTHORIZATION", prompt: "Authorization header received: ", context: context)
                let response = UtecWebhookReceiver(secret: secret).handle(
                    method: "POST", authorization: header.revealed, body: data)
                let report = UtecReports.Verification(response)
                try output.printer(context).emit(report) { report.table }
                guard report.accepted else {
                    throw CommandFailure(.refused, "the notification would be rejected with HTTP \(report.status)")
                }
            }
        }
    }
}

/// A U-Tec command: a refused token is fixed by signing in again.
protocol UtecRunnable: VendorCtlRunnable {}

extension UtecRunnable {
    static var signInHint: String { "run 'vendorctl utec login'" }
}
