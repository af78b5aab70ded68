import Foundation

extension RawResponse {
    /// A function that removes, from text a kit builds out of this response, every secret the
    /// request carried (credentials, cookies, secret query values and body members, and `extra`),
    /// in each spelling an echo may take.
    ///
    /// The pipeline scrubs the errors it builds itself. A kit that turns part of a *successful*
    /// body into an error — the inner answers of a `$batch` — uses this, so those errors are as
    /// clean as the pipeline's. The secrets are gathered once, when this is called; the function
    /// never reveals them.
    public func sentSecretScrubber(redactor: Redactor, also extra: [Secret] = []) -> @Sendable (String) -> String {
        let secrets =
            sentRequest.map {
                SentSecrets.values(request: $0, body: sentBody, explicit: extra, redactor: redactor)
            } ?? extra.map(\.revealed)
        let variants = SecretVariants(secrets)
        return { text in variants.clean(text) }
    }
}
