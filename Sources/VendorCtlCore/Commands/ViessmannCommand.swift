import ArgumentParser
import AuthCore
import Foundation
import ViessmannKit

/// A Viessmann subcommand: a refused credential points to `vendorctl viessmann login`.
protocol ViessmannRunnable: VendorCtlRunnable {}

extension ViessmannRunnable {
    static var signInHint: String { "run 'vendorctl viessmann login'" }
}

/// `vendorctl viessmann`: Viessmann heating systems through the IoT API.
struct ViessmannCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "viessmann",
        abstract: "Viessmann heating: sign in with PKCE, devices, features, validated writes, consumption.",
        discussion: """
            'login' prints the authorization URL, captures the browser's redirect on a loopback \
            listener at the redirect URI (default http://localhost:4200/, as registered on \
            developer.viessmann.com), and saves the tokens in viessmann-tokens.json (mode 0600) and the \
            client id and hosts in viessmann.json in the config directory. The other commands refresh \
            the token when needed. Without --installation-id/--gateway-serial/--device-id, the first \
            gateway and its device 0 are used.
            """,
        subcommands: [
            Login.self, Logout.self, Installations.self, Devices.self, Features.self, Get.self, Set.self,
            Analytics.self, MockDevices.self,
        ]
    )

    struct Login: ViessmannRunnable {
        static let configuration = CommandConfiguration(
            abstract: "Sign in in a browser; the redirect is captured on this machine.")

        @Option(
            name: .customLong("client-id"),
            help: ArgumentHelp(
                "The client id (default: $VIESSMANN_CLIENT_ID, else the saved one).", valueName: "id"))
        var clientID: String?

        @Option(
            name: .customLong("redirect-uri"),
            help: ArgumentHelp(
                "The registered redirect URI, on localhost (default http://localhost:4200/).", valueName: "uri"))
        var redirectURI: String?

        @Option(name: .customLong("api-url"), help: ArgumentHelp("The IoT API.", valueName: "url"))
        var apiURL: String?

        @Option(name: .customLong("iam-url"), help: ArgumentHelp("The IAM server.", valueName: "url"))
        var iamURL: String?

        @Option(help: ArgumentHelp("Seconds to wait for the browser's redirect.", valueName: "seconds"))
        var timeout = 300

        @Flag(
            name: .customLong("open-url"),
            help: ArgumentHelp(
                "Open the authorization URL over HTTP here instead of in a browser (for an IAM that approves at once, such as 'vendorctl sandbox serve').",
                visibility: .hidden))
        var openURL = false

        @OptionGroup var output: OutputOptions

        mutating func validate() throws {
            guard (1...3600).contains(timeout) else { throw ValidationError("--timeout must be 1...3600 seconds") }
        }

        func execute(in context: VendorCtlContext) async throws {
            let directory = try output.directory(context)
            let saved = try? ViessmannSettings.load(directory)
            guard let clientID = clientID ?? context.environment["VIESSMANN_CLIENT_ID"] ?? saved?.clientID,
                !clientID.isEmpty
            else {
                throw CommandFailure.usage("no client id: pass --client-id or set VIESSMANN_CLIENT_ID")
            }
            let redirect = redirectURI ?? saved?.redirectURI ?? "http://localhost:4200/"
            let listener = try ViessmannSignIn.listener(for: redirect)
            let api = apiURL ?? saved?.apiURL ?? ViessmannClient.Configuration.productionAPI.absoluteString
            let iam = iamURL ?? saved?.iamURL ?? ViessmannClient.Configuration.productionIAM.absoluteString
            try directory.create()
            let tokenFile = directory.file(ViessmannSettings.tokenFileName)
            let client = try ViessmannClient(
                configuration: ViessmannClient.Configuration(
                    clientID: clientID, redirectURI: redirect, tokens: .file(tokenFile),
                    apiBaseURL: try ViessmannConnection.url(api, ViessmannClient.Configuration.productionAPI),
                    iamBaseURL: try ViessmannConnection.url(iam, ViessmannClient.Configuration.productionIAM),
                    timeSource: context.timeSource),
                transport: context.transport)
            let receiver: LoopbackRedirectReceiver
            do {
                receiver = try LoopbackRedirectReceiver(port: listener.port, callbackPath: listener.path)
            } catch let failure as LoopbackRedirectReceiver.Failure {
                throw CommandFailure(.localFiles, failure.reason)
            }
            defer { receiver.stop() }
            do {
                try await ViessmannSignIn.run(
                    client: client, receiver: receiver, timeout: .seconds(timeout), transport: context.transport,
                    fetchAuthorizationURL: openURL
                ) { url in
                    context.standardError.write("Open this URL in a browser and sign in:\n\(url.absoluteString)\n")
                    context.standardError.write("Waiting for the redirect to \(redirect) …\n")
                }
            } catch let failure as LoopbackRedirectReceiver.Failure {
                throw CommandFailure(.authentication, "sign-in did not complete: \(failure.reason)")
            }
            try ViessmannSettings(clientID: clientID, redirectURI: redirect, apiURL: api, iamURL: iam).save(directory)
            let report = ViessmannReports.Login(
                clientID: clientID, redirectURI: redirect, tokenFile: tokenFile.path,
                expiresAt: await client.currentToken()?.expiresAt)
            try output.printer(context).emit(report) { report.text }
        }
    }

    struct Logout: ViessmannRunnable {
        static let configuration = CommandConfiguration(abstract: "Forget the tokens (remove the token file).")

        @OptionGroup var output: OutputOptions

        func execute(in context: VendorCtlContext) async throws {
            let file = PrivateFile(url: try output.directory(context).file(ViessmannSettings.tokenFileName))
            let removed = try file.remove()
            output.printer(context).line(removed ? "signed out: \(file.url.path) removed" : "not signed in")
        }
    }

    struct Installations: ViessmannRunnable {
        static let configuration = CommandConfiguration(abstract: "The account's installations.")

        @OptionGroup var options: ViessmannOptions

        func execute(in context: VendorCtlContext) async throws {
            let installations = try await ViessmannConnection.open(options, context).client.installations()
            try options.output.printer(context).emit(installations) { ViessmannReports.table(installations) }
        }
    }

    struct Devices: ViessmannRunnable {
        static let configuration = CommandConfiguration(abstract: "The gateways and the devices behind them.")

        @OptionGroup var options: ViessmannOptions

        func execute(in context: VendorCtlContext) async throws {
            let client = try ViessmannConnection.open(options, context).client
            let installations = try await client.installations()
            let gateways = try await client.gateways().filter { gateway in
                options.installationID.map { $0 == gateway.installationID } ?? true
            }
            var devices: [ViessmannDevice] = []
            for gateway in gateways {
                devices += try await client.devices(
                    installationID: gateway.installationID, gatewaySerial: gateway.serial)
            }
            let report = ViessmannReports.Equipment(installations: installations, gateways: gateways, devices: devices)
            try options.output.printer(context).emit(report) { ViessmannReports.table(report) }
        }
    }

    struct Features: ViessmannRunnable {
        static let configuration = CommandConfiguration(
            abstract: "A device's flat features with their values (* marks the writable ones).")

        @Option(
            name: .customLong("filter"),
            help: ArgumentHelp(
                "Only these names (a flat name or an API feature name); repeat for more.", valueName: "name"))
        var filters: [String] = []

        @Flag(help: "Only features that are enabled and ready.")
        var enabled = false

        @Flag(help: "Only writable features.")
        var writable = false

        @OptionGroup var options: ViessmannOptions

        func execute(in context: VendorCtlContext) async throws {
            let connection = try ViessmannConnection.open(options, context)
            let device = try await connection.device(options, withFeatures: false)
            var features = try await connection.client.features(
                of: device, onlyEnabled: enabled, names: filters.isEmpty ? nil : filters)
            if writable { features = features.filter(\.isWritable) }
            try options.output.printer(context).emit(features) { ViessmannReports.table(features) }
        }
    }

    struct Get: ViessmannRunnable {
        static let configuration = CommandConfiguration(
            abstract: "One feature: its value, unit, command and constraints.")

        @Argument(help: ArgumentHelp("The flat feature name.", valueName: "name"))
        var name: String

        @OptionGroup var options: ViessmannOptions

        func execute(in context: VendorCtlContext) async throws {
            let connection = try ViessmannConnection.open(options, context)
            let device = try await connection.device(options)
            guard let feature = device.feature(named: name) else {
                throw CommandFailure(.refused, "feature '\(name)' not found on device \(device.id)")
            }
            try options.output.printer(context).emit(feature) { ViessmannReports.details(feature) }
        }
    }

    struct Set: ViessmannRunnable {
        static let configuration = CommandConfiguration(
            abstract: "Write a feature's value: validated against the command's constraints, then read back.",
            discussion: """
                The value is read as true/false, a number, JSON (starting with [ or {) or text. The \
                command's other parameters are filled from the device's current values (the shift \
                when setting the curve's slope). A value the constraints refuse exits 64 and sends nothing.
                """)

        @Argument(help: ArgumentHelp("The flat feature name.", valueName: "name"))
        var name: String

        @Argument(help: ArgumentHelp("The new value.", valueName: "value"))
        var value: String

        @OptionGroup var options: ViessmannOptions

        func execute(in context: VendorCtlContext) async throws {
            let connection = try ViessmannConnection.open(options, context)
            let device = try await connection.device(options)
            let parsed = ViessmannCommandArguments.value(value)
            let result = try await connection.client.setFeature(name, to: parsed, on: device)
            var readBack: JSONValue?
            if result.response.success {
                readBack = try await connection.client.updateDevice(device, onlyEnabled: false).feature(named: name)?
                    .value
            }
            let report = ViessmannReports.SetResult(
                feature: name, value: parsed, response: result.response, readBack: readBack)
            try options.output.printer(context).emit(report) { report.text }
            if !result.response.success {
                throw CommandFailure(
                    .refused, "the device refused the command (\(result.response.reason ?? "no reason"))")
            }
        }
    }

    struct MockDevices: ViessmannRunnable {
        static let configuration = CommandConfiguration(
            commandName: "mock-devices", abstract: "The captured devices --mock-device can serve offline.")

        @Option(
            name: .customLong("mock-dir"),
            help: ArgumentHelp(
                "The folder of captured devices (default $VIESSMANN_MOCK_DIR).", valueName: "path"))
        var mockDirectory: String?

        @OptionGroup var output: OutputOptions

        func execute(in context: VendorCtlContext) async throws {
            let names = try ViessmannConnection.mockCatalog(mockDirectory, context).availableDevices
            try output.printer(context).emit(names) {
                names.isEmpty ? "no captured devices\n" : names.map { $0 + "\n" }.joined()
            }
        }
    }

    struct Analytics: ViessmannRunnable {
        static let configuration = CommandConfiguration(
            abstract: "Energy consumption (kWh) of a device, today by default.")

        @Option(help: ArgumentHelp("summary, total, heating or dhw.", valueName: "metric"))
        var metric = "summary"

        @Option(help: ArgumentHelp("1d, 1w, 1m or 1y.", valueName: "resolution"))
        var resolution = "1d"

        @Option(help: ArgumentHelp("Start, local time (default: today 00:00:00).", valueName: "YYYY-MM-DDTHH:MM:SS"))
        var start: String?

        @Option(help: ArgumentHelp("End, local time (default: today 23:59:59).", valueName: "YYYY-MM-DDTHH:MM:SS"))
        var end: String?

        @OptionGroup var options: ViessmannOptions

        mutating func validate() throws {
            do {
                _ = try ViessmannConsumptionMetric(named: metric)
                _ = try ViessmannResolution(named: resolution)
            } catch let error as ViessmannError {
                throw ValidationError(error.message)
            }
        }

        func execute(in context: VendorCtlContext) async throws {
            let connection = try ViessmannConnection.open(options, context)
            let device = try await connection.device(options, withFeatures: false)
            let today = ViessmannClient.analyticsTimestamp(context.timeSource.now).prefix(10)
            let features = try await connection.client.consumption(
                of: device, start: start ?? "\(today)T00:00:00", end: end ?? "\(today)T23:59:59",
                metric: try ViessmannConsumptionMetric(named: metric),
                resolution: try ViessmannResolution(named: resolution))
            try options.output.printer(context).emit(features) { ViessmannReports.table(features) }
        }
    }
}
