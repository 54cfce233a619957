import Foundation
import Reports
import Store

/// The series along the stream: accuracy per window, failed devices against samples, and
/// the events worth marking. Sample numbers in the database are 0-based positions in the
/// stream; the report counts samples from 1, so a window ending at position k is the point
/// at sample k + 1.
enum StreamSeries {
    /// One point per `accuracyWindow` row that scored a labelled sample: cumulative
    /// prequential accuracy and the accuracy within the window.
    static func accuracy(_ rows: [AccuracyWindowRecord]) -> [AccuracyPoint] {
        rows.compactMap { r in
            r.windowAccuracy.map { AccuracyPoint(sample: r.lastSample + 1, prequential: r.prequentialAccuracy, window: $0) }
        }
    }

    /// Failed devices of the whole chip at the start and at the end of every window: the
    /// devices stuck from the start (`initiallyFailed`) plus the energy windows' `failures`
    /// (devices that wore out in the window) cumulated.
    static func failures(_ rows: [EnergyWindowRecord], initiallyFailed: Int) -> [FailurePoint] {
        var total = initiallyFailed
        return [FailurePoint(sample: 0, failedDevices: initiallyFailed)] + rows.map { r in
            total += Int(r.failures)
            return FailurePoint(sample: r.lastSample + 1, failedDevices: total)
        }
    }

    /// At most this many failure markers: a long run can fail devices in thousands of samples.
    static let maxFailureMarkers = 200

    /// Events to mark: task boundaries (named from the event, else `task j`), device failures
    /// thinned to at most ``maxFailureMarkers`` (the failures of each stretch of
    /// ⌈samples / maxFailureMarkers⌉ samples become one marker at the first of them, its
    /// detail giving their number), bad input and errors. Start, stop and checkpoint events
    /// are bookkeeping and left out.
    static func events(_ rows: [EventRecord], samples: Int) -> [ReportEvent] {
        let stretch = max(1, (samples + maxFailureMarkers - 1) / maxFailureMarkers)
        var out: [ReportEvent] = []
        var open: (bucket: Int, sample: Int, failures: Int, total: Int)?
        func closeFailures() {
            guard let f = open else { return }
            out.append(ReportEvent(sample: f.sample, kind: .failure,
                                   detail: "\(f.failures) device\(f.failures == 1 ? "" : "s") failed (\(f.total) so far)"))
            open = nil
        }
        for e in rows {
            let d = detail(e)
            let sample = e.sample + 1
            switch e.kind {
            case .deviceFailure:
                let n = int(d["failures"]) ?? 1, total = int(d["failuresTotal"]) ?? 0
                let bucket = e.sample / stretch
                if let f = open, f.bucket == bucket {
                    open = (bucket, f.sample, f.failures + n, max(f.total, total))
                } else {
                    closeFailures()
                    open = (bucket, sample, n, total)
                }
            case .taskBoundary:
                let name = (d["name"] as? String).flatMap { $0.isEmpty ? nil : $0 } ?? int(d["task"]).map { "task \($0)" } ?? "task"
                out.append(ReportEvent(sample: sample, kind: .taskBoundary, detail: name))
            case .badInput:
                let place = [d["source"] as? String, int(d["line"]).map { "line \($0)" }].compactMap { $0 }.joined(separator: ", ")
                out.append(ReportEvent(sample: sample, kind: .error,
                                       detail: "bad input\(place.isEmpty ? "" : " (\(place))"): \(d["reason"] as? String ?? "")"))
            case .error:
                out.append(ReportEvent(sample: sample, kind: .error, detail: d["message"] as? String ?? e.detailJSON))
            case .start, .stop, .checkpoint, .lifetime:
                continue
            }
        }
        closeFailures()
        return out.sorted { $0.sample < $1.sample }
    }

    static func detail(_ e: EventRecord) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(e.detailJSON.utf8))) as? [String: Any] ?? [:]
    }

    static func int(_ v: Any?) -> Int? {
        (v as? NSNumber)?.intValue ?? (v as? Int)
    }
}
