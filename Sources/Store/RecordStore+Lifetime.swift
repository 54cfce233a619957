import GRDB

extension RecordStore {
    /// A run's lifetime records (issue #18): the controller's per-window series in window and
    /// tile order, and its newest end-of-run recent wear (one row per tile), both empty when
    /// the run recorded none.
    public func lifetimeRecords(runId: Int64) throws -> (windows: [LifetimeWindowRecord], recent: [RecentWearRecord]) {
        try read { db in
            let windows = try LifetimeWindowRecord.filter(LifetimeWindowRecord.Columns.runId == runId)
                .order(Column("windowIndex"), Column("layer"), Column("tileRow"), Column("tileCol")).fetchAll(db)
            let last = try Int.fetchOne(db, sql: "SELECT MAX(sample) FROM recentWear WHERE runId = ?", arguments: [runId])
            let recent = try last.map { s in
                try RecentWearRecord.filter(RecentWearRecord.Columns.runId == runId && RecentWearRecord.Columns.sample == s)
                    .order(Column("layer"), Column("tileRow"), Column("tileCol")).fetchAll(db)
            } ?? []
            return (windows, recent)
        }
    }
}
