import AuthCore

/// The wire shape of a `$batch` request.
struct ODataBatchRequestBody: Encodable {
    let requests: [ODataBatchOperation]

    enum CodingKeys: String, CodingKey {
        case requests
    }
}

/// The wire shape of a `$batch` response.
struct ODataBatchResponseBody: Decodable {
    let responses: [ODataBatchResponseItem]

    enum CodingKeys: String, CodingKey {
        case responses
    }

    init(from decoder: any Decoder) throws {
        guard let container = try? decoder.container(keyedBy: CodingKeys.self) else {
            throw ODataPageReader.shape("the batch response is not a JSON object")
        }
        guard let responses = try? container.decode([ODataBatchResponseItem].self, forKey: .responses) else {
            throw ODataPageReader.shape("the batch response has no valid 'responses' list")
        }
        self.responses = responses
    }
}

/// One answer inside a `$batch` response.
struct ODataBatchResponseItem: Decodable {
    let id: String
    let status: Int
    let headers: [String: String]?
    let body: JSONValue?

    enum CodingKeys: String, CodingKey {
        case id
        case status
        case headers
        case body
    }
}
