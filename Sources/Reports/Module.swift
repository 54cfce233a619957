// Reports: report rendering without I/O (Foundation only for number formatting). It owns
// the report model (query results in), the HTML, Markdown and CSV documents, the SVG charts,
// the lifetime projection and the report sections: strings out. Loading a run from the
// database is Recording's job (Recording/Reports).
