/// Everything a campaign needs to turn one recipient into one message: the template, the
/// campaign's context, the advertising wrapper (or none) and the default LMS subject.
///
/// Built once per campaign; ``compose(_:)`` is then called per recipient and does no I/O.
///
/// ```swift
/// let composer = try MessageComposer(
///     template: template, context: RenderContext(shopName: "김비서상사", now: now),
///     ad: try AdWrapper(shopName: "김비서상사", optOutNumber: "080-123-4567"),
///     defaultSubject: "안내")
/// switch composer.compose(fields).classification { … }
/// ```
public struct MessageComposer: Sendable {
    /// The template as written (without the advertising wrapper).
    public let template: MessageTemplate
    /// The template actually rendered (wrapped when ``ad`` is set).
    public let effective: MessageTemplate
    public let context: RenderContext
    public let ad: AdWrapper?
    public let defaultSubject: String
    let subjectChoice: MessageClassifier.SubjectChoice

    /// Fails when `ad` is set and the template already carries an advertising mark.
    public init(template: MessageTemplate, context: RenderContext, ad: AdWrapper? = nil, defaultSubject: String)
        throws(AdWrapperError)
    {
        self.template = template
        self.effective = try ad?.wrap(template) ?? template
        self.context = context
        self.ad = ad
        self.defaultSubject = defaultSubject
        self.subjectChoice = MessageClassifier.chooseSubject(effective.subject, default: defaultSubject)
    }

    /// The message for one recipient.
    public func compose(_ fields: RecipientFields) -> ComposedMessage {
        let rendered = effective.renderMeasured(fields, context: context)
        switch rendered.result {
        case let .missing(placeholders):
            return ComposedMessage(classification: .blocked(.missingValue(placeholders)), promotedToLMSByAd: false)
        case let .text(text):
            let classification =
                if let bytes = rendered.bytes {
                    MessageClassifier.classify(sendingForm: text, bytes: bytes, subject: subjectChoice)
                } else {
                    MessageClassifier.classify(text, subject: effective.subject, defaultSubject: defaultSubject)
                }
            var promoted = false
            if let ad, case let .lms(_, _, bytes) = classification {
                promoted = bytes - ad.overheadBytes <= SMSLimits.smsBytes
            }
            return ComposedMessage(classification: classification, promotedToLMSByAd: promoted)
        }
    }
}

/// One recipient's message and how it came to be.
public struct ComposedMessage: Sendable, Hashable {
    public var classification: Classification
    /// The text alone would have been an SMS; the advertising wrapper made it an LMS.
    public var promotedToLMSByAd: Bool

    public init(classification: Classification, promotedToLMSByAd: Bool) {
        self.classification = classification
        self.promotedToLMSByAd = promotedToLMSByAd
    }
}
