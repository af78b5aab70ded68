import HTTPTypes

/// Sends the jar's cookies and keeps the cookies responses set. Innermost, so it sees every
/// response, errors included, and the login and refresh requests too.
struct CookieMiddleware: APIMiddleware {
    let jar: CookieJar

    func intercept(
        _ request: HTTPRequest,
        body: APIRequestBody?,
        context: APICallContext,
        next: @escaping NextHandler
    ) async throws -> RawResponse {
        var request = request
        if let url = request.url, let header = jar.cookieHeader(for: url, now: context.timeSource.now) {
            request.headerFields[.cookie] = header
        }
        let response = try await next(request, body, context)
        let setCookies = response.headers[values: .setCookie]
        if !setCookies.isEmpty {
            jar.store(
                setCookieHeaders: setCookies, from: response.url, now: context.timeSource.now,
                isAuthenticationChallenge: response.status == 401
            )
        }
        return response
    }
}
