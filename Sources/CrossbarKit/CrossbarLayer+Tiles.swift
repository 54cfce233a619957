extension CrossbarLayer {
    /// The synapse rows and columns of tile (`row`, `col`) of the layer's tile grid
    /// (``rowTiles`` × ``colTiles``): `tileRows × tileCols`, smaller at the bottom and right
    /// edges. Device `i` of a population is synapse `r·cols + c`.
    public func tileRanges(row: Int, col: Int) -> (rows: Range<Int>, cols: Range<Int>) {
        precondition(row >= 0 && row < rowTiles && col >= 0 && col < colTiles, "tile outside the layer's grid")
        let tr = config.tileRows, tc = config.tileCols
        return ((row * tr)..<min((row + 1) * tr, rows), (col * tc)..<min((col + 1) * tc, cols))
    }
}
