import ArgumentParser

/// `vendorctl`: the root command. Each vendor is one subcommand in ``subcommandList``.
struct VendorCtlCommand: ParsableCommand {
    /// The top-level commands, in help order. A new kit adds its command type here (and the
    /// sandbox and demo commands go here too).
    static let subcommandList: [any ParsableCommand.Type] = [
        FlowerhubCommand.self,
        BusinessCentralCommand.self,
        BticinoCommand.self,
        ViessmannCommand.self,
        UtecCtlCommand.self,
        DemoCommand.self,
        SandboxCommand.self,
    ]

    static let configuration = CommandConfiguration(
        commandName: "vendorctl",
        abstract: "Sign in to a vendor cloud, read its data and send commands, from the shell.",
        discussion: """
            Output is an aligned table by default; --json prints exactly one JSON document on standard \
            output (flowerhub watch --json: one document per line). Progress and errors go to standard \
            error; an error is one line: "vendorctl: <class>: <reason>".

            Passwords and secrets are never taken on the command line: they come from an environment \
            variable or a prompt that does not echo. Sessions and tokens are kept in the config \
            directory (mode 0700) in files only you can read (mode 0600).

            EXIT CODES
            \(exitCodeTable)
            """,
        version: VersionReport.text,
        subcommands: subcommandList
    )

    static var exitCodeTable: String {
        VendorCtlExitCode.all.map { code in
            let number = String(code.rawValue)
            return String(repeating: " ", count: 5 - number.count) + number + "  " + code.label + ": " + code.meaning
        }.joined(separator: "\n")
    }
}
