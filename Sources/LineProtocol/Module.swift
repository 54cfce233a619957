// LineProtocol: the wire format, one room for it (Foundation only, no NIO). It owns the JSON
// value and its parser, the one JSON writer (`JSONWriter`: `JSONValue.serialized` for
// responses, `sortedJSON` over `JSONValueEncoder` for summaries and records), CSV and
// NDJSON sample and command lines (`InputLine`, `InputLineDecoder`, `CSVSampleReader`), the
// error codes of bad lines (`LineError`), cutting byte streams into lines (`LineSplitter`),
// the request the engine receives (`EngineRequest`) and the response lines it answers with
// (`Responses`); reading-stream lines (`ReadingLineDecoder`: readings, label and flush events)
// and the window answer.
