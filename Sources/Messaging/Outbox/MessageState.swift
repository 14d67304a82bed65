/// Where one message of the outbox is (column `message.state`).
///
/// `pending → sending → accepted → delivered | failed`; `held` waits for quiet hours to end,
/// `blocked` can never be sent, `unknown` may or may not have reached the gateway (reconciled
/// later, never blindly resent), `cancelled` by the operator.
public enum MessageState: String, Sendable, Hashable, CaseIterable, Codable {
    case pending, sending, accepted, delivered, failed, held, blocked, unknown, cancelled

    /// 대기, 발송 중, 접수, 전달, 실패, 보류, 차단, 확인 필요, 취소.
    public var korean: String {
        switch self {
        case .pending: "대기"
        case .sending: "발송 중"
        case .accepted: "접수"
        case .delivered: "전달"
        case .failed: "실패"
        case .held: "보류"
        case .blocked: "차단"
        case .unknown: "확인 필요"
        case .cancelled: "취소"
        }
    }

    /// Whether the message still waits to be sent (a cancel turns these into `cancelled`).
    public var isWaiting: Bool { self == .pending || self == .held }
}

/// Where a campaign is (column `campaign.state`).
public enum CampaignState: String, Sendable, Hashable, CaseIterable, Codable {
    /// Written but not queued (reserved for front ends that prepare campaigns).
    case draft
    /// Waiting for the dispatcher (or for its `scheduled_at`).
    case queued
    /// The dispatcher has started sending.
    case running
    /// Paused by the operator: nothing is claimed until resumed.
    case paused
    /// Cancelled: its waiting messages were cancelled.
    case cancelled
    /// Nothing left to send.
    case done

    /// Whether the dispatcher may claim its messages.
    public var isSendable: Bool { self == .queued || self == .running }

    /// 작성 중, 대기, 발송 중, 일시 정지, 취소, 완료.
    public var korean: String {
        switch self {
        case .draft: "작성 중"
        case .queued: "대기"
        case .running: "발송 중"
        case .paused: "일시 정지"
        case .cancelled: "취소"
        case .done: "완료"
        }
    }
}

/// What created a campaign (column `campaign.kind`).
public enum CampaignKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// 단체 문자 from the CLI or a campaign request.
    case manual
    /// Automatic anniversary texts.
    case anniversary
    /// `campaign test`: one message to the operator's phone.
    case test
}
