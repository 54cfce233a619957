import LineProtocol
import Testing
@testable import Store

@Suite struct SortedJSONTests {
    @Test func keysAreSortedAndSlashesEscapedUnlessAskedNot() {
        let value = ["path": "/tmp/a.csv", "count": "2"]
        #expect(sortedJSON(value) == #"{"count":"2","path":"\/tmp\/a.csv"}"#)
        #expect(sortedJSON(value, escapingSlashes: false) == #"{"count":"2","path":"/tmp/a.csv"}"#)
    }
}
