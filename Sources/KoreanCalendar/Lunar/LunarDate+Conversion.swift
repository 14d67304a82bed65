/// Conversion between the lunar and the solar calendar: O(1) table lookups, no allocation.
extension LunarDate {
    /// The solar date range the lunar table covers, as text for messages.
    public static let supportedSolarRange = "1000-02-13 … 2050-12-31"

    /// Days since 1970-01-01 of this lunar day.
    @inlinable @inline(__always)
    public var dayNumber: Int {
        let packed = LunarTable.packed(year)
        return LunarTable.newYear(year)
            &+ LunarTable.offset(index: LunarTable.index(month: month, leap: isLeapMonth, packed), packed)
            &+ day &- 1
    }

    /// The solar (Gregorian) date of this lunar day.
    @inlinable @inline(__always)
    public var solarDate: SolarDate { SolarDate(dayNumber: dayNumber) }

    /// The lunar date of a solar date.
    /// - Throws: `CalendarError.outOfRange` outside solar 1000-02-13 … 2050-12-31.
    @inlinable @inline(__always)
    public init(_ solar: SolarDate) throws(CalendarError) {
        try self.init(dayNumber: solar.dayNumber)
    }

    /// The lunar date of a day number (days since 1970-01-01).
    /// - Throws: `CalendarError.outOfRange` outside solar 1000-02-13 … 2050-12-31.
    @inlinable
    public init(dayNumber: Int) throws(CalendarError) {
        guard dayNumber >= LunarTable.firstSolarDay && dayNumber <= LunarTable.lastSolarDay else {
            throw .outOfRange(what: "solar \(SolarDate(dayNumber: dayNumber))", range: LunarDate.supportedSolarRange)
        }
        self.init(inTable: dayNumber)
    }

    /// The lunar date of a day number that lies inside the table (unchecked).
    @inlinable @inline(__always)
    init(inTable dayNumber: Int) {
        let year = LunarTable.year(containing: dayNumber)
        let packed = LunarTable.packed(year)
        let offset = dayNumber &- LunarTable.newYear(year)
        let count = LunarTable.monthCount(packed)
        // Months have 29 or 30 days, so offset / 30 never passes the right month.
        var index = min(offset / 30, count &- 1)
        while index &+ 1 < count && LunarTable.offset(index: index &+ 1, packed) <= offset { index &+= 1 }
        let (month, leap) = LunarTable.month(index: index, packed)
        self.init(unchecked: year, month, offset &- LunarTable.offset(index: index, packed) &+ 1, leap)
    }
}

extension SolarDate {
    /// The solar date of a lunar date (always defined: every `LunarDate` lies in the table).
    @inlinable @inline(__always)
    public init(_ lunar: LunarDate) { self.init(dayNumber: lunar.dayNumber) }

    /// This day in the lunar calendar.
    /// - Throws: `CalendarError.outOfRange` outside solar 1000-02-13 … 2050-12-31.
    public var lunarDate: LunarDate { get throws(CalendarError) { try LunarDate(self) } }
}
