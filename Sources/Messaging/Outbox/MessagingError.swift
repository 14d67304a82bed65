/// A campaign, template or outbox operation that cannot be done, with what and where.
public enum MessagingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No saved template by that name.
    case templateNotFound(String)
    /// A template by that name exists already.
    case templateExists(String)
    /// A template name must be one non-empty line.
    case invalidTemplateName(String)
    /// No campaign with that id.
    case campaignNotFound(Int64)
    /// The campaign's state does not allow the operation (`pause` a finished campaign…).
    case campaignState(id: Int64, state: CampaignState, operation: String)
    /// A setting the operation needs is missing or wrong (`sms.sender` …).
    case setting(key: String, problem: String)
    /// The audience names a group or grade that does not exist, or a customer id not found.
    case unknownAudience(kind: String, names: [String])
    /// The audience selection is empty or contradictory.
    case invalidAudience(String)
    /// A phone number that is not a Korean mobile number.
    case invalidPhone(String)
    /// A customer id not in the store.
    case customerNotFound(Int64)
    /// A campaign request row that cannot be turned into a campaign.
    case invalidRequest(id: Int64, problem: String)
    /// A send time more than ``CampaignPlanner/pastScheduleTolerance`` before now (a wrong
    /// year or day would otherwise send at once); the Seoul time as given.
    case scheduledInPast(seoulTime: String)

    public var description: String {
        switch self {
        case let .templateNotFound(name): "no template named '\(name)'"
        case let .templateExists(name): "a template named '\(name)' exists already"
        case let .invalidTemplateName(name): "'\(name)' is not a template name (one non-empty line)"
        case let .campaignNotFound(id): "no campaign with id \(id)"
        case let .campaignState(id, state, operation): "campaign \(id) is \(state.rawValue): cannot \(operation)"
        case let .setting(key, problem): "\(key): \(problem)"
        case let .unknownAudience(kind, names): "unknown \(kind): \(names.joined(separator: ", "))"
        case let .invalidAudience(problem): "audience: \(problem)"
        case let .invalidPhone(text): "'\(text)' is not a Korean mobile number"
        case let .customerNotFound(id): "no customer with id \(id)"
        case let .invalidRequest(id, problem): "campaign_request \(id): \(problem)"
        case let .scheduledInPast(time):
            "send time \(time) (Asia/Seoul) is in the past; give a later time, or send at once without a time"
        }
    }
}
