/// A minimal SVG writer: shapes and text appended in drawing order, rendered to a string.
///
/// Why our own and not a package: no maintained Swift SVG or charting library is on the
/// package lists this project may use (Swift Charts is Apple-only and renders views, not
/// files), and the charts a report needs — lines, bars, histograms, heat maps — take a few
/// hundred lines. Owning them buys what the golden-file tests need: byte-identical output
/// for identical input (fixed attribute order, fixed number formatting through
/// ``Format/coordinate(_:)``, no ids from counters or clocks), every text escaped in one
/// place, and documents that are well-formed XML by construction.
///
/// Coordinates are SVG user units (CSS pixels at 100 % zoom); y grows downwards.
public struct SVGCanvas: Sendable, Equatable {
    public enum Anchor: String, Sendable { case start, middle, end }

    /// Canvas size, user units.
    public let width: Double
    public let height: Double
    /// Accessible name of the picture (`<title>`, `aria-label`).
    public let title: String
    private var elements: [String] = []

    public init(width: Double, height: Double, title: String) {
        self.width = width
        self.height = height
        self.title = title
    }

    /// A filled rectangle; `tooltip` becomes a `<title>` child (shown on hover in browsers).
    public mutating func rect(
        x: Double, y: Double, width: Double, height: Double, fill: String,
        stroke: String? = nil, tooltip: String? = nil
    ) {
        var a = "<rect x=\"\(c(x))\" y=\"\(c(y))\" width=\"\(c(max(width, 0)))\" height=\"\(c(max(height, 0)))\" fill=\"\(fill)\""
        if let stroke { a += " stroke=\"\(stroke)\" stroke-width=\"0.5\"" }
        if let tooltip {
            elements.append(a + "><title>\(Escape.xml(tooltip))</title></rect>")
        } else {
            elements.append(a + "/>")
        }
    }

    /// A straight line; `dash` is an SVG `stroke-dasharray` such as `"4 3"`.
    public mutating func line(
        x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1,
        dash: String? = nil
    ) {
        var a = "<line x1=\"\(c(x1))\" y1=\"\(c(y1))\" x2=\"\(c(x2))\" y2=\"\(c(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(c(width))\""
        if let dash { a += " stroke-dasharray=\"\(dash)\"" }
        elements.append(a + "/>")
    }

    /// An open polyline through `points` (x, y), unfilled.
    public mutating func polyline(
        _ points: [(x: Double, y: Double)], stroke: String, width: Double = 1.5, dash: String? = nil
    ) {
        guard !points.isEmpty else { return }
        let list = points.map { "\(c($0.x)),\(c($0.y))" }.joined(separator: " ")
        var a = "<polyline points=\"\(list)\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(c(width))\" stroke-linejoin=\"round\""
        if let dash { a += " stroke-dasharray=\"\(dash)\"" }
        elements.append(a + "/>")
    }

    /// A small filled circle (a data point that has no neighbour to join).
    public mutating func dot(x: Double, y: Double, radius: Double = 2.5, fill: String) {
        elements.append("<circle cx=\"\(c(x))\" cy=\"\(c(y))\" r=\"\(c(radius))\" fill=\"\(fill)\"/>")
    }

    /// A line of text; `rotate` in degrees about the anchor point (−90 for a y-axis label).
    public mutating func text(
        _ s: String, x: Double, y: Double, size: Double = 11, anchor: Anchor = .start,
        fill: String = Palette.ink, bold: Bool = false, rotate: Double? = nil
    ) {
        var a = "<text x=\"\(c(x))\" y=\"\(c(y))\" font-size=\"\(c(size))\" text-anchor=\"\(anchor.rawValue)\" fill=\"\(fill)\""
        if bold { a += " font-weight=\"bold\"" }
        if let rotate { a += " transform=\"rotate(\(c(rotate)) \(c(x)) \(c(y)))\"" }
        elements.append(a + ">\(Escape.xml(s))</text>")
    }

    /// The SVG document. `standalone` adds the XML declaration and the SVG namespace (for
    /// `.svg` files); inline SVG inside HTML needs neither, and leaving the namespace URI
    /// out keeps the HTML free of any URL.
    public func render(standalone: Bool) -> String {
        var head = standalone ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"" : "<svg"
        head += " width=\"\(c(width))\" height=\"\(c(height))\" viewBox=\"0 0 \(c(width)) \(c(height))\""
        head += " role=\"img\" aria-label=\"\(Escape.xml(title))\""
        head += " font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\">"
        var lines = [head, "<title>\(Escape.xml(title))</title>"]
        lines.append("<rect x=\"0\" y=\"0\" width=\"\(c(width))\" height=\"\(c(height))\" fill=\"#ffffff\"/>")
        lines += elements
        lines.append("</svg>")
        return lines.joined(separator: "\n") + "\n"
    }

    private func c(_ v: Double) -> String { Format.coordinate(v) }
}
