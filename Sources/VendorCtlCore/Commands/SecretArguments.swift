/// Refuses secrets on the command line, before ArgumentParser sees them (its error for an
/// unknown option could repeat the value).
///
/// Arguments end up in shell history and in every process listing on the machine, so
/// `vendorctl` has no such options at all: the value comes from an environment variable or a
/// prompt without echo.
enum SecretArguments {
    /// Option names that would carry a secret.
    static let refusedNames: Set<String> = [
        "password", "passwd", "pass", "secret", "client-secret", "token", "access-token", "bearer-token",
        "web-service-key", "api-key", "cookie",
    ]

    /// The refusal for the first secret-bearing option, or `nil`; never quotes its value.
    static func refusal(in arguments: [String]) -> String? {
        for argument in arguments {
            if argument == "--" { return nil }
            guard argument.hasPrefix("--") else { continue }
            let name = argument.dropFirst(2).split(separator: "=", maxSplits: 1).first.map(String.init) ?? ""
            guard refusedNames.contains(name.lowercased()) else { continue }
            return "--\(name) is not accepted: secrets are never taken on the command line (they would "
                + "stay in shell history and process listings); use FLOWERHUB_PASSWORD, BC_CLIENT_SECRET, "
                + "BC_TOKEN or BC_WEB_SERVICE_KEY, or answer the prompt"
        }
        return nil
    }
}
