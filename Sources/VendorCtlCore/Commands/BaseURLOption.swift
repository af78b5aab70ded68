import ArgumentParser
import Foundation

/// Checks a `--base-url` value.
enum BaseURLOption {
    /// An `http` or `https` URL with a host and without credentials; the kits then insist on
    /// `https` except on loopback. The refusal never repeats the value (it could hold a password).
    static func parse(_ text: String) throws -> URL {
        guard let url = URL(string: text.trimmingCharacters(in: .whitespaces)),
            let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme), url.host?.isEmpty == false
        else {
            throw ValidationError("--base-url must be an http or https URL with a host")
        }
        guard url.user == nil, url.password == nil else {
            throw ValidationError("--base-url must not hold a user name or password")
        }
        return url
    }
}
