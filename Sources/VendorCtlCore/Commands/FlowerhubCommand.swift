import ArgumentParser
import FlowerhubKit
import Foundation

/// `vendorctl flowerhub`: the Flowerhub battery portal.
struct FlowerhubCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flowerhub",
        abstract: "The Flowerhub battery portal: sign in, status, readout, invoices, consumption, uptime.",
        discussion: """
            'login' keeps the portal's session cookies in flowerhub-session.json in the config \
            directory (mode 0600); the other commands resume that session and save the renewed \
            cookies. The password is never stored: it comes from FLOWERHUB_PASSWORD or a prompt \
            without echo. Without a session file, FLOWERHUB_USERNAME and FLOWERHUB_PASSWORD sign \
            in on the fly (for scripts).
            """,
        subcommands: [
            Login.self, Logout.self, Status.self, Readout.self, Invoices.self, Consumption.self, Agreement.self,
            Uptime.self, Watch.self,
        ]
    )

    struct Login: FlowerhubRunnable {
        static let configuration = CommandConfiguration(
            abstract: "Sign in and save the session.",
            discussion: """
                The user name comes from --username, FLOWERHUB_USERNAME or a prompt; the password from \
                FLOWERHUB_PASSWORD or a prompt without echo.
                """)

        @Option(
            name: .customLong("base-url"),
            help: ArgumentHelp(
                "The portal API (default \(FlowerhubClient.Configuration.defaultBaseURL)).", valueName: "url"))
        var baseURL: String?

        @Option(help: ArgumentHelp("The portal e-mail address.", valueName: "email"))
        var username: String?

        @OptionGroup var output: OutputOptions

        mutating func validate() throws {
            if let baseURL { _ = try BaseURLOption.parse(baseURL) }
        }

        func execute(in context: VendorCtlContext) async throws {
            let directory = try output.directory(context)
            let url = try baseURL.map(BaseURLOption.parse) ?? FlowerhubClient.Configuration.defaultBaseURL
            let credentials = try FlowerhubCredentials.resolve(username: username, context: context)
            var connection = try FlowerhubConnection.fresh(baseURL: url, directory: directory, context: context)
            connection.username = credentials.username
            let answer = try await connection.client.login(
                username: credentials.username, password: credentials.password)
            try await connection.save(force: true)
            let report = FlowerhubReports.Login(
                baseURL: url.absoluteString, username: credentials.username, user: answer.user,
                assetOwnerId: await connection.client.assetOwnerId,
                refreshTokenExpirationDate: answer.refreshTokenExpirationDate, sessionFile: connection.file.url.path)
            try output.printer(context).emit(report) { report.table }
        }
    }

    struct Logout: FlowerhubRunnable {
        static let configuration = CommandConfiguration(abstract: "Forget the saved session (remove its file).")

        @OptionGroup var output: OutputOptions

        func execute(in context: VendorCtlContext) async throws {
            let file = PrivateFile(url: try output.directory(context).file(FlowerhubSessionFile.fileName))
            let report = FlowerhubReports.Logout(removed: try file.remove(), sessionFile: file.url.path)
            try output.printer(context).emit(report) { report.text }
        }
    }

    struct Status: FlowerhubRunnable {
        static let configuration = CommandConfiguration(
            abstract: "The battery's connection status and hardware.")

        @OptionGroup var options: FlowerhubOptions

        func execute(in context: VendorCtlContext) async throws {
            let report = try await FlowerhubConnection.run(options, context) { connection in
                let assetId = try await connection.assetId()
                let fetch = try await connection.client.fetchAsset(assetId: assetId)
                return FlowerhubReports.Status(
                    username: connection.username, assetOwnerId: await connection.client.assetOwnerId,
                    assetId: assetId, status: fetch.flowerhubStatus, asset: fetch.asset)
            }
            try options.output.printer(context).emit(report) { report.table }
        }
    }

    struct Readout: FlowerhubRunnable {
        static let configuration = CommandConfiguration(
            abstract: "Discovery, asset and this month's uptime in one go (the portal's readout sequence).")

        @OptionGroup var options: FlowerhubOptions

        func execute(in context: VendorCtlContext) async throws {
            let readout = try await FlowerhubConnection.run(options, context) { connection in
                try await connection.client.readoutSequence()
            }
            try options.output.printer(context).emit(readout) { FlowerhubReports.table(readout) }
        }
    }

    struct Invoices: FlowerhubRunnable {
        static let configuration = CommandConfiguration(abstract: "The asset owner's invoices.")

        @OptionGroup var options: FlowerhubOptions

        func execute(in context: VendorCtlContext) async throws {
            let invoices = try await FlowerhubConnection.run(options, context) { connection in
                try await connection.client.fetchInvoices()
            }
            try options.output.printer(context).emit(invoices) { FlowerhubReports.table(invoices) }
        }
    }

    struct Consumption: FlowerhubRunnable {
        static let configuration = CommandConfiguration(abstract: "The asset owner's metered consumption.")

        @OptionGroup var options: FlowerhubOptions

        func execute(in context: VendorCtlContext) async throws {
            let records = try await FlowerhubConnection.run(options, context) { connection in
                try await connection.client.fetchConsumption()
            }
            try options.output.printer(context).emit(records) { FlowerhubReports.table(records) }
        }
    }

    struct Agreement: FlowerhubRunnable {
        static let configuration = CommandConfiguration(
            abstract: "The electricity agreement (consumption and production sides).")

        @OptionGroup var options: FlowerhubOptions

        func execute(in context: VendorCtlContext) async throws {
            let agreement = try await FlowerhubConnection.run(options, context) { connection in
                try await connection.client.fetchElectricityAgreement()
            }
            try options.output.printer(context).emit(agreement) { FlowerhubReports.table(agreement) }
        }
    }

    struct Uptime: FlowerhubRunnable {
        static let configuration = CommandConfiguration(
            abstract: "Uptime of a month (default: this month), the monthly history, or the months with data.")

        @Option(help: ArgumentHelp("The month to show.", valueName: "YYYY-MM"))
        var period: String?

        @Flag(help: "Show the monthly uptime history instead.")
        var history = false

        @Flag(help: "List the months that have uptime data instead.")
        var months = false

        @OptionGroup var options: FlowerhubOptions

        mutating func validate() throws {
            if history && months { throw ValidationError("--history and --months cannot be combined") }
            if period != nil && (history || months) {
                throw ValidationError("--period applies to the monthly pie only, not to --history or --months")
            }
        }

        func execute(in context: VendorCtlContext) async throws {
            let printer = options.output.printer(context)
            if history {
                let entries = try await FlowerhubConnection.run(options, context) { connection in
                    try await connection.client.fetchUptimeHistory(assetId: try await connection.assetId())
                }
                try printer.emit(entries) { FlowerhubReports.table(entries) }
            } else if months {
                let list = try await FlowerhubConnection.run(options, context) { connection in
                    try await connection.client.fetchAvailableUptimeMonths(assetId: try await connection.assetId())
                }
                try printer.emit(list) { FlowerhubReports.table(list) }
            } else {
                let report = try await FlowerhubConnection.run(options, context) { connection in
                    let assetId = try await connection.assetId()
                    let month = period ?? FlowerhubReports.currentPeriod(at: context.timeSource.now)
                    let pie = try await connection.client.fetchUptimePie(assetId: assetId, period: month)
                    return FlowerhubReports.UptimePie(assetId: assetId, period: month, pie: pie)
                }
                try printer.emit(report) { report.table }
            }
        }
    }

    struct Watch: FlowerhubRunnable {
        static let configuration = CommandConfiguration(
            abstract: "Poll the battery's status, printing one line per check.",
            discussion: """
                A failed check prints an error line and polling goes on; a refused session ends it \
                (exit 77). With --count the command ends after that many checks, with the exit code \
                of the last one. With --json every line is one JSON document.
                """)

        @Option(help: ArgumentHelp("Seconds between checks (at least 5).", valueName: "seconds"))
        var interval = 60

        @Option(help: ArgumentHelp("Stop after this many checks (default: run until interrupted).", valueName: "n"))
        var count: Int?

        @OptionGroup var options: FlowerhubOptions

        mutating func validate() throws {
            guard interval >= 5 else { throw ValidationError("--interval must be at least 5 seconds") }
            if let count, count < 1 { throw ValidationError("--count must be at least 1") }
        }

        func execute(in context: VendorCtlContext) async throws {
            try await FlowerhubConnection.run(options, context) { connection in
                try await FlowerhubWatch(connection: connection, context: context, json: options.output.json)
                    .run(interval: .seconds(interval), count: count)
            }
        }
    }
}
