import Testing
@testable import Reports

@Suite struct FormatTests {
    @Test func fixedNeverPrintsNegativeZero() {
        #expect(Format.fixed(-0.0001, 2) == "0.00")
        #expect(Format.fixed(-0.0, 0) == "0")
        #expect(Format.fixed(-1.5, 1) == "-1.5")
        #expect(Format.fixed(2.0 / 3.0, 3) == "0.667")
    }

    @Test func specials() {
        #expect(Format.fixed(.infinity, 2) == "∞")
        #expect(Format.fixed(.nan, 2) == "n/a")
        #expect(Format.csv(.infinity) == "inf")
        #expect(Format.csv(-.infinity) == "-inf")
        #expect(Format.csv(.nan) == "nan")
        #expect(Format.csv(-0.0) == "0.0")
    }

    @Test func csvNumbersRoundTrip() {
        for x in [0.1, 1.0 / 3.0, 1e-7, 123_456_789.125, 6.02e23] {
            #expect(Double(Format.csv(x)) == x)
        }
    }

    @Test func significant() {
        #expect(Format.significant(0) == "0")
        #expect(Format.significant(0.01234) == "0.0123")
        #expect(Format.significant(0.0075) == "0.00750")
        #expect(Format.significant(0.999) == "0.999")
        #expect(Format.significant(1) == "1.00")
        #expect(Format.significant(3.14159) == "3.14")
        #expect(Format.significant(42.42) == "42.4")
        #expect(Format.significant(1234.5) == "1234")
        #expect(Format.significant(2_500_000) == "2.50e6")
        #expect(Format.significant(0.00025) == "2.50e-4")
    }

    @Test func plain() {
        #expect(Format.plain(50) == "50")
        #expect(Format.plain(12.5) == "12.5")
        #expect(Format.plain(1234) == "1234")
        #expect(Format.plain(2_500_000) == "2.50e6")
    }

    @Test func durations() {
        #expect(Format.duration(.infinity) == "never")
        #expect(Format.duration(0) == "now")
        #expect(Format.duration(0.5) == "0.500 s")
        #expect(Format.duration(45) == "45.0 s")
        #expect(Format.duration(90) == "1.50 min")
        #expect(Format.duration(7200) == "2.00 h")
        #expect(Format.duration(86_400 * 3) == "3.00 days")
        #expect(Format.duration(365.25 * 86_400 * 12) == "12.0 years")
    }

    @Test func timestamps() {
        #expect(Format.timestamp(unixSeconds: 0) == "1970-01-01T00:00:00Z")
        #expect(Format.timestamp(unixSeconds: 1_767_225_600) == "2026-01-01T00:00:00Z")
        #expect(Format.timestamp(unixSeconds: 951_782_400 + 86_399.9) == "2000-02-29T23:59:59Z")
        #expect(Format.timestamp(unixSeconds: -1) == "1969-12-31T23:59:59Z")
    }

    @Test func coordinates() {
        #expect(Format.coordinate(12.5) == "12.5")
        #expect(Format.coordinate(3) == "3")
        #expect(Format.coordinate(0.071) == "0.07")
        #expect(Format.coordinate(-0.001) == "0")
        #expect(Format.coordinate(.nan) == "0")
    }
}

@Suite struct EscapeTests {
    @Test func xml() {
        #expect(Escape.xml("a<b>&\"'") == "a&lt;b&gt;&amp;&quot;&#39;")
        #expect(Escape.xml("bell\u{7}") == "bell\u{FFFD}")
        #expect(Escape.xml("tab\tnew\nline") == "tab\tnew\nline")
    }

    @Test func markdown() {
        #expect(Escape.markdown("a|b *c* _d_ [e](f)\nnext") == "a\\|b \\*c\\* \\_d\\_ \\[e\\](f) next")
    }

    @Test func csv() {
        #expect(Escape.csv("plain") == "plain")
        #expect(Escape.csv("a,b") == "\"a,b\"")
        #expect(Escape.csv("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(Escape.csv("two\nlines") == "\"two\nlines\"")
    }
}
