import Testing
import XMLTestSupport

/// The well-formedness check itself must be able to fail, or "every SVG parses" proves
/// nothing.
@Suite struct XMLCheckTests {
    @Test(arguments: [
        "<a><b></a>",               // unclosed, XMLParser on Linux accepts it
        "<a/><b/>",                 // two roots, XMLParser on Linux stops after the first
        "<a>",                      // unclosed root
        "<a></b>",                  // crossed
        "<a x=1/>",                 // unquoted attribute
        "<a x=\"1\" x=\"2\"/>",     // duplicate attribute
        "<a>fish & chips</a>",      // raw ampersand
        "<a>&nbsp;</a>",            // HTML entity, not XML
        "<a t=\"<\"/>",             // < in an attribute
        "text<a/>",                 // text outside the root
        "",                         // nothing
    ])
    func rejectsMalformed(_ xml: String) {
        #expect(XMLCheck.problem(xml) != nil)
    }

    @Test(arguments: [
        "<a/>",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"><text x=\"1\">a &lt; b &amp; &#39;c&#39;</text></svg>\n",
        "<a t='x &quot;y&quot;'><b/><c>é ∞ −</c></a>",
    ])
    func acceptsWellFormed(_ xml: String) {
        #expect(XMLCheck.problem(xml) == nil)
    }
}
