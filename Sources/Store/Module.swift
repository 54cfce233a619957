// Store: the SQLite records of runs (GRDB). It owns the schema and its migrations, one
// record type per table, batched flushes in one transaction, and the read queries behind
// exports and reports. It knows nothing about learners: rows in, rows out.
