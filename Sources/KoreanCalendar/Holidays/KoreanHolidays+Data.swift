/// Dated holidays that no rule produces.
extension KoreanHolidays {
    /// Election days of national elections held on their regular schedule (임기만료에 의한 선거),
    /// public holidays under 관공서의 공휴일에 관한 규정.
    /// Source: 중앙선거관리위원회 (National Election Commission), 역대선거 정보; the 2028
    /// National Assembly date is fixed by 공직선거법 제34조.
    static let electionDays: [(date: (Int, Int, Int), name: String, english: String)] = [
        ((1992, 3, 24), "제14대 국회의원선거", "National Assembly Election"),
        ((1992, 12, 18), "제14대 대통령선거", "Presidential Election"),
        ((1995, 6, 27), "제1회 전국동시지방선거", "Local Elections"),
        ((1996, 4, 11), "제15대 국회의원선거", "National Assembly Election"),
        ((1997, 12, 18), "제15대 대통령선거", "Presidential Election"),
        ((1998, 6, 4), "제2회 전국동시지방선거", "Local Elections"),
        ((2000, 4, 13), "제16대 국회의원선거", "National Assembly Election"),
        ((2002, 6, 13), "제3회 전국동시지방선거", "Local Elections"),
        ((2002, 12, 19), "제16대 대통령선거", "Presidential Election"),
        ((2004, 4, 15), "제17대 국회의원선거", "National Assembly Election"),
        ((2006, 5, 31), "제4회 전국동시지방선거", "Local Elections"),
        ((2007, 12, 19), "제17대 대통령선거", "Presidential Election"),
        ((2008, 4, 9), "제18대 국회의원선거", "National Assembly Election"),
        ((2010, 6, 2), "제5회 전국동시지방선거", "Local Elections"),
        ((2012, 4, 11), "제19대 국회의원선거", "National Assembly Election"),
        ((2012, 12, 19), "제18대 대통령선거", "Presidential Election"),
        ((2014, 6, 4), "제6회 전국동시지방선거", "Local Elections"),
        ((2016, 4, 13), "제20대 국회의원선거", "National Assembly Election"),
        ((2017, 5, 9), "제19대 대통령선거", "Presidential Election"),
        ((2018, 6, 13), "제7회 전국동시지방선거", "Local Elections"),
        ((2020, 4, 15), "제21대 국회의원선거", "National Assembly Election"),
        ((2022, 3, 9), "제20대 대통령선거", "Presidential Election"),
        ((2022, 6, 1), "제8회 전국동시지방선거", "Local Elections"),
        ((2024, 4, 10), "제22대 국회의원선거", "National Assembly Election"),
        ((2025, 6, 3), "제21대 대통령선거", "Presidential Election"),
        ((2026, 6, 3), "제9회 전국동시지방선거", "Local Elections"),
        ((2028, 4, 12), "제23대 국회의원선거", "National Assembly Election"),
    ]

    /// 임시공휴일 declared by the government (국무회의 의결). Later ones come from configuration.
    static let temporaryHolidays: [(date: (Int, Int, Int), name: String, english: String)] = [
        ((2002, 7, 1), "임시공휴일(월드컵 4강)", "Temporary Holiday (World Cup)"),
        ((2015, 8, 14), "임시공휴일(광복 70주년)", "Temporary Holiday (Liberation 70th)"),
        ((2016, 5, 6), "임시공휴일", "Temporary Holiday"),
        ((2017, 10, 2), "임시공휴일", "Temporary Holiday"),
        ((2020, 8, 17), "임시공휴일", "Temporary Holiday"),
        ((2023, 10, 2), "임시공휴일", "Temporary Holiday"),
        ((2024, 10, 1), "임시공휴일(국군의 날)", "Temporary Holiday (Armed Forces Day)"),
        ((2025, 1, 27), "임시공휴일", "Temporary Holiday"),
    ]
}
