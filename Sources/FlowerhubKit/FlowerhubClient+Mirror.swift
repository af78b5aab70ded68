import AuthCore

extension FlowerhubClient: CustomReflectable {
    /// What `dump(client)` and debuggers show: the redacted base URL, the cookie names and the
    /// owner id. Never the cookie jar's values, the extra header values of the configuration (they
    /// may hold an API key) or the pipeline inside.
    public nonisolated var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "baseURL": redactedURL(configuration.baseURL),
                "cookieNames": cookieJar.cookieNames,
                "assetOwnerId": owner.assetOwnerId as Any,
            ],
            displayStyle: .class
        )
    }
}
