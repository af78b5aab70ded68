import ArgumentParser

/// The options every leaf command has: output format and the config directory.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print one JSON document on standard output instead of a table.")
    var json = false

    @Option(
        name: .customLong("config-dir"),
        help: ArgumentHelp(
            "The folder for session and token files (default: $VENDORCTL_CONFIG_DIR, "
                + "$XDG_CONFIG_HOME/vendorctl or ~/.config/vendorctl).",
            valueName: "path"))
    var configDirectory: String?

    func printer(_ context: VendorCtlContext) -> Printer {
        Printer(context: context, json: json)
    }

    func directory(_ context: VendorCtlContext) throws -> ConfigDirectory {
        try ConfigDirectory(option: configDirectory, context: context)
    }
}
