/// A measured potentiation/depression pulse train: the conductance read after each pulse, in
/// the order the pulses were sent, and each pulse's direction.
///
/// CSV form (what ``parse(csv:source:)`` reads; `spikebar device curve` writes it too):
///
/// ```
/// pulse,direction,conductance
/// 0,start,1.02e-5         ← the reading before the first pulse (optional)
/// 1,up,1.05e-5            ← after a SET (potentiating) pulse: up, set, +1 or 1
/// 2,down,1.03e-5          ← after a RESET (depressing) pulse: down, reset or -1
/// ```
///
/// A header names the columns; `direction` and `conductance` are required (`mean`, the
/// column `spikebar device curve` writes, is read as `conductance`), `pulse` is optional and,
/// when present, must increase by one from row to row. Conductance is in any unit (siemens,
/// microsiemens, device units): the fit reports its steps and bounds in the same unit. Blank
/// lines and lines starting with `#` are skipped; other columns are ignored.
public struct PulseTrain: Equatable, Sendable {
    /// Conductance before the first pulse and after each pulse (`count + 1` values).
    public var conductance: [Double]
    /// Direction of each pulse: true for SET (up), false for RESET (down).
    public var up: [Bool]

    public init(conductance: [Double], up: [Bool]) {
        precondition(conductance.count == up.count + 1, "one reading before the pulses and one after each")
        self.conductance = conductance
        self.up = up
    }

    /// Number of pulses.
    public var count: Int { up.count }

    /// Reads the CSV form above. A reading that follows no `start` row is taken as the state
    /// before the first pulse when the first data row is a pulse (its reading is then the
    /// first pulse's result and the train starts one pulse later).
    public static func parse(csv text: String, source: String) throws -> PulseTrain {
        var lines = text.split(omittingEmptySubsequences: true) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
            .enumerated().filter { !$0.element.allSatisfy { $0 == " " || $0 == "\t" } && !$0.element.hasPrefix("#") }
        guard let (headerIndex, header) = lines.first else { throw DeviceFitError.badData(source: source, line: nil, "the file is empty") }
        lines.removeFirst()
        let names = header.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmed.lowercased() }
        guard let dCol = names.firstIndex(of: "direction"),
              let gCol = names.firstIndex(of: "conductance") ?? names.firstIndex(of: "mean") else {
            throw DeviceFitError.badData(source: source, line: headerIndex + 1,
                                         "needs a header with the columns direction and conductance (found: \(names.joined(separator: ", ")))")
        }
        let pCol = names.firstIndex(of: "pulse")
        var g: [Double] = [], up: [Bool] = [], started = false, lastPulse: Int?
        for (i, line) in lines {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(\.trimmed)
            guard f.count > max(dCol, gCol, pCol ?? 0) else {
                throw DeviceFitError.badData(source: source, line: i + 1, "has \(f.count) fields, the header \(names.count)")
            }
            guard let value = Double(f[gCol]), value.isFinite else {
                throw DeviceFitError.badData(source: source, line: i + 1, "conductance '\(f[gCol])' is not a finite number")
            }
            if let pCol {
                guard let p = Int(f[pCol]), lastPulse.map({ p == $0 + 1 }) ?? true else {
                    throw DeviceFitError.badData(source: source, line: i + 1, "pulse '\(f[pCol])' does not follow \(lastPulse.map(String.init) ?? "-") by one")
                }
                lastPulse = p
            }
            switch f[dCol].lowercased() {
            case "start", "0", "":
                guard g.isEmpty else { throw DeviceFitError.badData(source: source, line: i + 1, "'start' is allowed on the first row only") }
                started = true
                g.append(value)
            case "up", "set", "+1", "1":
                if g.isEmpty && !started { started = true; g.append(value); continue }
                up.append(true); g.append(value)
            case "down", "reset", "-1":
                if g.isEmpty && !started { started = true; g.append(value); continue }
                up.append(false); g.append(value)
            default:
                throw DeviceFitError.badData(source: source, line: i + 1, "direction '\(f[dCol])' is not up, down or start")
            }
        }
        guard up.contains(true), up.contains(false) else {
            throw DeviceFitError.badData(source: source, line: nil, "needs both up and down pulses (found \(up.filter { $0 }.count) up, \(up.filter { !$0 }.count) down)")
        }
        guard let lo = g.min(), let hi = g.max(), hi > lo else {
            throw DeviceFitError.badData(source: source, line: nil, "the conductance never changes")
        }
        return PulseTrain(conductance: g, up: up)
    }
}

/// Why a fit cannot be made.
public enum DeviceFitError: Error, Equatable, Sendable, CustomStringConvertible {
    case badData(source: String, line: Int?, String)
    case unsupportedModel(String)

    public var description: String {
        switch self {
        case let .badData(source, line, message): return "\(source)\(line.map { ":\($0)" } ?? ""): \(message)"
        case let .unsupportedModel(m):
            return "cannot fit model '\(m)' (choices: \(FitModel.allCases.map(\.rawValue).joined(separator: ", ")))"
        }
    }
}

extension Substring {
    var trimmed: String {
        var s = self
        while let c = s.first, c == " " || c == "\t" || c == "\"" { s.removeFirst() }
        while let c = s.last, c == " " || c == "\t" || c == "\"" { s.removeLast() }
        return String(s)
    }
}
