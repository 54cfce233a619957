import CHDF5

/// Writes the few things a NIR file holds, in the types the `nir` package writes (h5py):
/// groups, float32 and int64 arrays, float64 scalars, and variable-length UTF-8 strings.
final class HDF5Writer {
    let id: hid_t
    let path: String

    init(creating path: String) throws {
        H5Eset_auto2(spikebar_h5e_default(), nil, nil)
        self.path = path
        let f = H5Fcreate(path, spikebar_h5f_trunc(), spikebar_h5_default(), spikebar_h5_default())
        guard f >= 0 else { throw NIRError.unreadable(path: path, reason: "cannot create it") }
        id = f
    }

    deinit { H5Fclose(id) }

    func group(_ name: String) throws {
        let g = H5Gcreate2(id, name, spikebar_h5_default(), spikebar_h5_default(), spikebar_h5_default())
        guard g >= 0 else { throw failed(name) }
        H5Gclose(g)
    }

    func floats(_ name: String, _ values: [Float], shape: [Int]) throws {
        try dataset(name, shape: shape, fileType: spikebar_h5t_ieee_f32le(), memType: spikebar_h5t_native_float()) { d, mem in
            values.withUnsafeBytes { H5Dwrite(d, mem, spikebar_h5s_all(), spikebar_h5s_all(), spikebar_h5_default(), $0.baseAddress) }
        }
    }

    func double(_ name: String, _ value: Double) throws {
        try dataset(name, shape: [], fileType: spikebar_h5t_ieee_f64le(), memType: spikebar_h5t_native_double()) { d, mem in
            withUnsafeBytes(of: value) { H5Dwrite(d, mem, spikebar_h5s_all(), spikebar_h5s_all(), spikebar_h5_default(), $0.baseAddress) }
        }
    }

    func ints(_ name: String, _ values: [Int64]) throws {
        try dataset(name, shape: [values.count], fileType: spikebar_h5t_std_i64le(), memType: spikebar_h5t_native_llong()) { d, mem in
            values.withUnsafeBytes { H5Dwrite(d, mem, spikebar_h5s_all(), spikebar_h5s_all(), spikebar_h5_default(), $0.baseAddress) }
        }
    }

    /// Strings (row-major) of `shape` (`[]`: one scalar string).
    func strings(_ name: String, _ values: [String], shape: [Int]) throws {
        let type = H5Tcopy(spikebar_h5t_c_s1())
        defer { H5Tclose(type) }
        H5Tset_size(type, spikebar_h5t_variable())
        H5Tset_cset(type, H5T_CSET_UTF8)
        // NUL-terminated copies that stay put for the write (HDF5 reads char* pointers).
        let copies: [UnsafeMutablePointer<CChar>?] = values.map { value in
            let bytes = Array(value.utf8CString)
            let p = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count)
            p.initialize(from: bytes, count: bytes.count)
            return p
        }
        defer { copies.forEach { $0?.deallocate() } }
        try dataset(name, shape: shape, fileType: type, memType: type) { d, mem in
            copies.withUnsafeBytes { H5Dwrite(d, mem, spikebar_h5s_all(), spikebar_h5s_all(), spikebar_h5_default(), $0.baseAddress) }
        }
    }

    private func dataset(_ name: String, shape: [Int], fileType: hid_t, memType: hid_t,
                         _ write: (hid_t, hid_t) -> herr_t) throws {
        let dims = shape.map { hsize_t($0) }
        let space = dims.isEmpty ? H5Screate(H5S_SCALAR) : H5Screate_simple(Int32(dims.count), dims, nil)
        defer { H5Sclose(space) }
        let d = H5Dcreate2(id, name, fileType, space, spikebar_h5_default(), spikebar_h5_default(), spikebar_h5_default())
        guard d >= 0 else { throw failed(name) }
        defer { H5Dclose(d) }
        guard write(d, memType) >= 0 else { throw failed(name) }
    }

    private func failed(_ name: String) -> NIRError { .unreadable(path: path, reason: "cannot write \(name)") }
}
