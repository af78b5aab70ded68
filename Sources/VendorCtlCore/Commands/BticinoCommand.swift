import ArgumentParser
import BticinoKit
import Foundation

/// A BTicino command: a refused token is fixed by logging in again.
protocol BticinoRunnable: VendorCtlRunnable {}

extension BticinoRunnable {
    static var signInHint: String { "run 'vendorctl bticino login'" }
}

/// `vendorctl bticino`: BTicino Classe 100X/300X intercoms on the Netatmo cloud.
struct BticinoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bticino",
        abstract: "BTicino Classe 100X/300X intercoms: sign in, homes, status, open the door, light, events, watch.",
        discussion: """
            'login' keeps the Netatmo token in bticino-token.json in the config directory (mode 0600); \
            the other commands reuse and refresh it. The client secret of the Netatmo app comes from \
            BTICINO_CLIENT_SECRET (and the client id from BTICINO_CLIENT_ID, default \
            na_client_android_welcome); the password from BTICINO_PASSWORD or a prompt without echo.
            """,
        subcommands: [Login.self, Homes.self, Status.self, OpenDoor.self, Light.self, Events.self, Watch.self]
    )

    struct Login: BticinoRunnable {
        static let configuration = CommandConfiguration(abstract: "Sign in and save the token.")

        @OptionGroup var options: BticinoOptions

        func execute(in context: VendorCtlContext) async throws {
            let connection = try BticinoConnection.make(options, context, needsPassword: true)
            let report = try await BticinoConnection.run {
                await connection.client.signOut()
                try await connection.client.login()
                let topology = try await connection.client.topology()
                return BticinoReports.Login(
                    username: topology.user?.email ?? connection.client.configuration.credentials?.username,
                    homes: topology.homes.count, tokenFile: connection.tokenFile.path)
            }
            try options.output.printer(context).emit(report) { report.text }
        }
    }

    struct Homes: BticinoRunnable {
        static let configuration = CommandConfiguration(abstract: "Homes, rooms and modules (the topology).")

        @OptionGroup var options: BticinoOptions

        func execute(in context: VendorCtlContext) async throws {
            let connection = try BticinoConnection.make(options, context)
            let homes = try await BticinoConnection.run { BticinoReports.homes(try await connection.client.topology()) }
            try options.output.printer(context).emit(homes) { BticinoReports.table(homes) }
        }
    }

    struct Status: BticinoRunnable {
        static let configuration = CommandConfiguration(
            abstract: "A home's modules with their live status (reachable, lock, light, firmware).")

        @OptionGroup var target: BticinoTarget
        @OptionGroup var options: BticinoOptions

        func execute(in context: VendorCtlContext) async throws {
            let connection = try BticinoConnection.make(options, context)
            let home = try await BticinoConnection.run {
                let homeID = try await resolveHome(target.home, connection.client)
                return BticinoReports.status(try await connection.client.homeState(homeID: homeID))
            }
            try options.output.printer(context).emit(home) { BticinoReports.table([home]) }
        }
    }

    struct OpenDoor: BticinoRunnable {
        static let configuration = CommandConfiguration(
            commandName: "open-door", abstract: "Open a door lock (it relocks itself after a few seconds).")

        @OptionGroup var target: BticinoTarget
        @OptionGroup var options: BticinoOptions

        func execute(in context: VendorCtlContext) async throws {
            let connection = try BticinoConnection.make(options, context)
            let report = try await BticinoConnection.run {
                let homeID = try await resolveHome(target.home, connection.client)
                let moduleID = try await resolveModule(target.module, type: .bndl, home: homeID, connection.client)
                try await connection.client.openDoor(homeID: homeID, moduleID: moduleID)
                return BticinoReports.Command(home: homeID, module: moduleID, action: "door opened")
            }
            try options.output.printer(context).emit(report) { report.text }
        }
    }

    struct Light: BticinoRunnable {
        static let configuration = CommandConfiguration(abstract: "Switch the staircase light on or off.")

        @Argument(help: ArgumentHelp("on or off.", valueName: "on|off"))
        var state: String

        @OptionGroup var target: BticinoTarget
        @OptionGroup var options: BticinoOptions

        mutating func validate() throws {
            guard ["on", "off"].contains(state) else { throw ValidationError("the light state must be 'on' or 'off'") }
        }

        func execute(in context: VendorCtlContext) async throws {
            let connection = try BticinoConnection.make(options, context)
            let report = try await BticinoConnection.run {
                let homeID = try await resolveHome(target.home, connection.client)
                let moduleID = try await resolveModule(target.module, type: .bnsl, home: homeID, connection.client)
                try await connection.client.setLight(homeID: homeID, moduleID: moduleID, on: state == "on")
                return BticinoReports.Command(home: homeID, module: moduleID, action: "light \(state)")
            }
            try options.output.printer(context).emit(report) { report.text }
        }
    }

    struct Events: BticinoRunnable {
        static let configuration = CommandConfiguration(abstract: "The event history: calls, connections.")

        @Option(help: ArgumentHelp("How many events (default 30).", valueName: "n"))
        var size = 30

        @OptionGroup var target: BticinoTarget
        @OptionGroup var options: BticinoOptions

        mutating func validate() throws {
            guard (1...300).contains(size) else { throw ValidationError("--size must be between 1 and 300") }
        }

        func execute(in context: VendorCtlContext) async throws {
            let connection = try BticinoConnection.make(options, context)
            let events = try await BticinoConnection.run {
                let homeID = try await resolveHome(target.home, connection.client)
                return BticinoReports.events(try await connection.client.events(homeID: homeID, size: size))
            }
            try options.output.printer(context).emit(events) { BticinoReports.table(events) }
        }
    }

    struct Watch: BticinoRunnable {
        static let configuration = CommandConfiguration(
            abstract: "Print live push events (rings, calls, connections) as they arrive.",
            discussion: """
                Reconnects on its own. With --count the command ends after that many events; with \
                --json every line is one JSON document.
                """)

        @Option(help: ArgumentHelp("Stop after this many events.", valueName: "n"))
        var count: Int?

        @OptionGroup var options: BticinoOptions

        mutating func validate() throws {
            if let count, count < 1 { throw ValidationError("--count must be at least 1") }
        }

        func execute(in context: VendorCtlContext) async throws {
            let connection = try BticinoConnection.make(options, context)
            let printer = options.output.printer(context)
            try await BticinoConnection.run {
                var events = 0
                let stream = connection.client.pushEvents()
                defer { stream.stop() }
                for try await update in stream {
                    let line = BticinoReports.PushLine(update)
                    if options.output.json {
                        printer.line(try Printer.encode(line, pretty: false))
                    } else {
                        printer.line(line.text)
                    }
                    if update.event != nil { events += 1 }
                    if let count, events >= count { return }
                }
            }
        }
    }
}

/// The home to act on: the one given, else the first home with modules.
func resolveHome(_ requested: String?, _ client: BticinoClient) async throws -> String {
    if let requested { return requested }
    let topology = try await client.topology()
    guard let home = topology.homes.first(where: { !$0.modules.isEmpty }) ?? topology.homes.first else {
        throw CommandFailure(.refused, "the account has no home")
    }
    return home.id
}

/// The module to act on: the one given, else the home's first module of `type`.
func resolveModule(_ requested: String?, type: BticinoModuleType, home: String, _ client: BticinoClient) async throws
    -> String
{
    if let requested { return requested }
    let topology = try await client.topology()
    guard let module = topology.home(home)?.modules(ofType: type).first else {
        throw CommandFailure.usage("home \(home) has no \(type.meaning) (\(type.rawValue)): pass --module")
    }
    return module.id
}
