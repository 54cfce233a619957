// LineProtocol: the wire format, one room for it (Foundation only, no NIO). It owns the JSON
// value and its parser, the JSON writers (`JSONValue.serialized`, `sortedJSON`), CSV and
// NDJSON sample and command lines (`InputLine`, `InputLineDecoder`, `CSVSampleReader`), the
// error codes of bad lines (`LineError`), cutting byte streams into lines (`LineSplitter`),
// the request the engine receives (`EngineRequest`) and the response lines it answers with
// (`Responses`); reading-stream lines (`ReadingLineDecoder`: readings, label and flush events)
// and the window answer.
