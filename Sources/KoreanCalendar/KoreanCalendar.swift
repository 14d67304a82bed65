// KoreanCalendar — the Korean calendar as Kimbiseo needs it, in pure Swift.
//
// - `SolarDate`, `LunarDate`: value types with validation that explains itself, and
//   table-driven conversion between the two exactly as KASI (한국천문연구원) publishes the
//   Korean lunar calendar (음력), lunar 1000-01-01 … 2050-11-18 (solar 1000-02-13 … 2050-12-31).
//   Day numbers are proleptic Gregorian (days since 1970-01-01); no Foundation calendar is used.
// - Anniversaries (`AnniversaryRules`, `solarDate(ofLunar:…)`, `occurrences(…)`,
//   `AnniversaryIndex`): which solar day a lunar or solar anniversary is kept on, by the
//   customs described on each policy.
// - `SolarTerm`, `SolarTerms`: the 24 solar terms (24절기) computed from the apparent solar
//   longitude (VSOP87 with nutation and aberration, ΔT by Espenak–Meeus), KST to the minute.
// - `Holiday`, `KoreanHolidays`: public holidays (관공서의 공휴일) 1990–2100 with substitute
//   holidays (대체공휴일), election days and configured extra days.
