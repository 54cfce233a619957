import Foundation
import LineProtocol
import Store

/// Gathers a sweep's per-run databases into one (`DIR/sweep.sqlite`): the existing schema
/// with every finished run (and all its rows) under a new run id, plus the `sweep` row and
/// one `sweepRun` row per planned run holding its axis values and what became of it.
///
/// The merged database is rebuilt from the run databases each time, so merging twice, or
/// after a resumed shard finished more runs, never duplicates a run.
public enum SweepMerge {
    /// What the merge found.
    public struct Tally: Equatable, Sendable {
        public var finished = 0, failed = 0, missing = 0
    }

    public static func merge(plan: SweepPlan, folder: SweepFolder, specText: String) throws -> Tally {
        let target = folder.database
        let building = target + ".building"
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: building + suffix) }
        var tally = Tally()
        do {
            let store = try RecordStore.open(path: building)
            var sweep = SweepRecord(name: plan.spec.name, source: plan.spec.source, specYAML: specText,
                                    axesJSON: json(plan.axisKeys), plannedRuns: plan.runs.count, createdAt: Date())
            try store.write { db in try sweep.insert(db) }
            guard let sweepId = sweep.id else { return tally }
            for run in plan.runs {
                let outcome = folder.outcome(run.index)
                var runId: Int64?
                if FileManager.default.fileExists(atPath: folder.runDatabase(run.index)),
                   let source = try? RecordStore.openForReading(path: folder.runDatabase(run.index)),
                   (try? source.latestRun())??.status == .finished {
                    runId = try store.importLatestRun(fromDatabase: folder.runDatabase(run.index))
                }
                let status = runId != nil ? "finished" : (outcome?.failed == true ? "failed" : "missing")
                switch status {
                case "finished": tally.finished += 1
                case "failed": tally.failed += 1
                default: tally.missing += 1
                }
                var row = SweepRunRecord(
                    sweepId: sweepId, runIndex: run.index, runId: runId, status: status,
                    attempts: outcome?.attempts ?? 0, axesJSON: axesObject(run.axes),
                    argumentsJSON: json(plan.arguments(of: run, database: folder.runDatabase(run.index))),
                    message: status == "failed" ? outcome?.message : nil)
                try store.write { db in try row.insert(db) }
            }
            try store.database.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        }
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: target + suffix) }
        _ = rename(building, target)
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: building + suffix) }
        return tally
    }

    static func json(_ strings: [String]) -> String {
        JSONValue.array(strings.map(JSONValue.string)).serialized
    }

    /// `{"key": "value", …}` in axis order (the one ``JSONWriter`` keeps stored order).
    static func axesObject(_ axes: [SweepSpec.Assignment]) -> String {
        JSONValue.object(axes.map { ($0.key, .string($0.value)) }).serialized
    }
}
