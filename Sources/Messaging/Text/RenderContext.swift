import Foundation

/// The values that are the same for every recipient of one campaign: 상호 and 오늘.
public struct RenderContext: Sendable, Hashable {
    /// 상호 (`sms.shop_name`); `nil` when not configured.
    public var shopName: String?
    /// 오늘 as inserted: `11월 28일`.
    public var today: String

    /// A context for a campaign created at `now`; 오늘 is that day in Asia/Seoul.
    public init(shopName: String?, now: Date) {
        self.init(shopName: shopName, today: Self.todayText(for: now))
    }

    public init(shopName: String?, today: String) {
        self.shopName = shopName
        self.today = today
    }

    /// The KST date of `date` as `M월 D일` (no leading zeros, no year): the form people write
    /// in greetings, and short (8–10 bytes) so it rarely pushes a message into LMS.
    public static func todayText(for date: Date) -> String {
        let today = SeoulTime.calendarDate(of: date)
        return "\(today.month)월 \(today.day)일"
    }
}
