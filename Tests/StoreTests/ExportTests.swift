import Foundation
import GRDB
import Testing
@testable import Store

@Suite struct ExportTests {
    func export(_ store: RecordStore, _ runId: Int64, _ table: String) throws -> [String] {
        var lines: [String] = []
        try store.exportCSV(runId: runId, table: table) { lines.append($0) }
        return lines
    }

    @Test func windowsExportAsCSVOfTheirRunOnly() throws {
        let store = try RecordStore.inMemory()
        let a = try #require(try store.createRun(Fixture.run()).id)
        let b = try #require(try store.createRun(Fixture.run()).id)
        try store.record(Fixture.flush(a, windows: 0..<3))
        try store.record(Fixture.flush(b, windows: 0..<1))
        let lines = try export(store, a, "accuracyWindow")
        #expect(lines.first == "id,runId,windowIndex,firstSample,lastSample,pass,samples,correct,windowAccuracy,prequentialAccuracy")
        #expect(lines.count == 4)
        #expect(lines[2] == "2,\(a),1,10,19,0,10,1,0.1,0.5")
    }

    @Test func jsonIsQuotedAndBlobsBecomeSizes() throws {
        let store = try RecordStore.inMemory()
        let id = try #require(try store.createRun(Fixture.run()).id)
        try store.record(Fixture.flush(id, windows: 0..<1))
        let wear = try export(store, id, "wearSnapshot")
        #expect(wear[0].hasSuffix(",histogramJSON,budgetUsedMean,budgetUsedMax,pulseMapBlobBytes"))
        #expect(wear[1].contains(#","{""counts"":[20,4],""edgesPulses"":[0,5,10]}",0.01,0.2,4"#))
        let checkpoint = try export(store, id, "checkpoint")
        #expect(checkpoint[0] == "id,runId,sequence,pass,position,stateBlobBytes,metricBlobBytes,stateDigest,createdAt")
        #expect(checkpoint[1].hasPrefix("1,\(id),10,0,10,64,"))
        let run = try export(store, id, "run")
        #expect(run.count == 2 && run[1].contains("\"preset: rram\nseed: 7\n\""))
    }

    @Test func fieldsWithLineBreaksOrCombinedMarksAreQuoted() {
        // "\r\n" is one Character, as is "," followed by a combining accent.
        #expect(CSV.field("a\r\nb") == "\"a\r\nb\"")
        #expect(CSV.field("a\rb") == "\"a\rb\"")
        #expect(CSV.field(",\u{301}") == "\",\u{301}\"")
        #expect(CSV.field("\"\u{301}") == "\"\"\"\u{301}\"")
        #expect(CSV.field("plain") == "plain")
    }

    @Test(arguments: Schema.tables)
    func everyTableExportsAHeader(table: String) throws {
        let store = try RecordStore.inMemory()
        let id = try #require(try store.createRun(Fixture.run()).id)
        let lines = try export(store, id, table)
        let columns = try store.read { db in try db.columns(in: table).count }
        #expect(lines[0].split(separator: ",").count == columns)
        #expect(lines.count == (table == "run" ? 2 : 1))
    }

    @Test func unknownTablesAndRunsAreRefused() throws {
        let store = try RecordStore.inMemory()
        let id = try #require(try store.createRun(Fixture.run()).id)
        #expect(throws: StoreError.invalid(path: ":memory:", message: "no table 'grdb_migrations' (tables: \(Schema.tables.joined(separator: ", ")))")) {
            try export(store, id, "grdb_migrations")
        }
        #expect(throws: StoreError.notFound(path: ":memory:", what: "run 99")) { try export(store, 99, "event") }
    }
}
