import Foundation
import Settings
import Store

extension Dispatcher {
    /// How a dispatcher sends. Build it from the settings with ``init(settings:owner:)``.
    public struct Configuration: Sendable {
        /// Identifies this dispatcher in `message.lease_owner`: `host:pid:random`. A dispatcher
        /// on the same host whose process is gone is recognised, and its claims recovered at once.
        public var owner: String
        /// `sms.sender`, digits.
        public var sender: String
        /// How long a claim is reserved for its dispatcher. Default 60 s (longer than any gateway
        /// timeout).
        public var leaseSeconds: Int
        /// `sms.rate_per_second`; 0 or less for no limit.
        public var ratePerSecond: Double
        /// `sms.quiet_hours`.
        public var quietHours: QuietHours
        /// At most this many messages per gateway call (the gateway's own limit applies too).
        public var maxBatchSize: Int?
        /// How long an idle dispatcher waits before looking again (``Dispatcher/wake()`` ends the
        /// wait early). Default 200 ms.
        public var idleInterval: Duration

        public init(
            owner: String = Configuration.defaultOwner(), sender: String, leaseSeconds: Int = 60,
            ratePerSecond: Double, quietHours: QuietHours = .standard, maxBatchSize: Int? = nil,
            idleInterval: Duration = .milliseconds(200)
        ) {
            self.owner = owner; self.sender = sender; self.leaseSeconds = leaseSeconds
            self.ratePerSecond = ratePerSecond; self.quietHours = quietHours
            self.maxBatchSize = maxBatchSize; self.idleInterval = idleInterval
        }

        /// From `sms.*`: sender, rate and quiet hours. Fails like ``CampaignPlanner/checkSettings(_:advertising:)``.
        public init(settings: SMSSettings, owner: String = Configuration.defaultOwner()) throws {
            try CampaignPlanner.checkSettings(settings, advertising: false)
            let quiet: QuietHours
            do {
                quiet = try QuietHours(start: settings.quietHours.start, end: settings.quietHours.end)
            } catch {
                throw MessagingError.setting(key: "sms.quiet_hours", problem: error.description)
            }
            self.init(
                owner: owner, sender: PhoneNumber.normalize(settings.sender ?? "") ?? "",
                ratePerSecond: settings.ratePerSecond, quietHours: quiet)
        }

        /// `host:pid:random`.
        public static func defaultOwner() -> String {
            let host = ProcessInfo.processInfo.hostName
            let pid = ProcessInfo.processInfo.processIdentifier
            return "\(host):\(pid):\(UUID().uuidString.prefix(8))"
        }
    }
}
