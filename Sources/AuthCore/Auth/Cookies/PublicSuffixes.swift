/// Domains under which unrelated parties register names, so a cookie must never be scoped to one
/// (`Domain=co.uk` would send it to every British company).
///
/// This is **not** the full Public Suffix List that browsers ship (about 10,000 rules, updated
/// every few weeks): AuthCore has no resources and no update channel. It treats every single-label
/// domain (`com`, `se`, `localhost`) as public, and embeds a short list of the most common
/// multi-label registry suffixes plus shared hosting platforms that vendor APIs and their customers
/// are often served from. A domain missing here that the real list names (`kawasaki.jp`, say) is
/// accepted as a cookie domain; cookies still only go to hosts that domain-match, so the exposure is
/// to other sites under that suffix, which the client only talks to when an endpoint is an absolute
/// URL on them.
enum PublicSuffixes {
    /// Whether a `Domain` attribute equal to `domain` (lower-case, no leading dot) must be refused.
    static func contains(_ domain: String) -> Bool {
        !domain.contains(".") || multiLabel.contains(domain)
    }

    private static let multiLabel: Set<String> = registries.union(platforms)

    /// Second-level registries of country-code domains.
    private static let registries: Set<String> = [
        "co.uk", "org.uk", "ac.uk", "gov.uk", "me.uk", "ltd.uk", "plc.uk", "net.uk", "nhs.uk", "police.uk",
        "com.au", "net.au", "org.au", "edu.au", "gov.au", "asn.au", "id.au",
        "co.nz", "org.nz", "net.nz", "govt.nz", "ac.nz",
        "co.jp", "ne.jp", "or.jp", "ac.jp", "go.jp", "ad.jp", "ed.jp", "gr.jp", "lg.jp",
        "com.br", "net.br", "org.br", "gov.br",
        "com.cn", "net.cn", "org.cn", "gov.cn", "edu.cn",
        "co.in", "net.in", "org.in", "gov.in", "ac.in", "firm.in", "gen.in", "ind.in",
        "co.za", "org.za", "gov.za",
        "com.mx", "org.mx", "gob.mx", "com.ar", "com.tr",
        "co.kr", "or.kr", "go.kr", "com.tw", "com.hk", "com.sg", "com.my", "co.il", "org.il", "co.id",
        "com.ph", "com.vn", "com.ua", "com.pl", "co.at", "or.at", "com.es", "com.pt", "com.de",
        "org.se", "pp.se", "press.se", "parti.se", "tm.se", "co.no", "priv.no", "co.com", "eu.org",
    ]

    /// Hosting platforms that give each customer a subdomain.
    private static let platforms: Set<String> = [
        "github.io", "herokuapp.com", "cloudfront.net", "azurewebsites.net", "azurestaticapps.net",
        "cloudapp.net", "appspot.com", "web.app", "firebaseapp.com", "vercel.app", "netlify.app",
        "pages.dev", "workers.dev", "blogspot.com", "s3.amazonaws.com", "elasticbeanstalk.com",
        "ngrok.io", "onrender.com", "fly.dev",
    ]
}
