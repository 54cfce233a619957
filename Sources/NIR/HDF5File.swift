import CHDF5

/// A thin reader over libhdf5 for the few things a NIR file holds: groups, numeric
/// datasets (any float or integer type, converted by the library) and string datasets
/// (variable or fixed length). Paths are absolute (`/node/nodes/fc1/weight`). HDF5's own
/// error printing is switched off; every failure becomes a ``NIRError`` naming the path.
final class HDF5File {
    let id: hid_t
    let path: String

    init(readingFrom path: String) throws {
        H5Eset_auto2(spikebar_h5e_default(), nil, nil)
        self.path = path
        guard H5Fis_hdf5(path) > 0 else {
            throw NIRError.unreadable(path: path, reason: "not an HDF5 file (missing, unreadable or corrupted)")
        }
        let f = H5Fopen(path, spikebar_h5f_rdonly(), spikebar_h5_default())
        guard f >= 0 else { throw NIRError.unreadable(path: path, reason: "HDF5 could not open it (corrupted?)") }
        id = f
    }

    deinit { H5Fclose(id) }

    /// Whether every component of `name` exists (HDF5 asks one link at a time).
    func exists(_ name: String) -> Bool {
        var prefix = ""
        for part in name.split(separator: "/") {
            prefix += "/" + part
            guard H5Lexists(id, prefix, spikebar_h5_default()) > 0 else { return false }
        }
        return true
    }

    /// Names of the members of group `name`, in HDF5's name order.
    func members(_ name: String) throws -> [String] {
        let g = H5Gopen2(id, name, spikebar_h5_default())
        guard g >= 0 else { throw malformed("no group \(name)") }
        defer { H5Gclose(g) }
        var info = H5G_info_t()
        guard H5Gget_info(g, &info) >= 0 else { throw malformed("cannot list \(name)") }
        var names: [String] = []
        for i in 0..<info.nlinks {
            let size = H5Lget_name_by_idx(g, ".", H5_INDEX_NAME, H5_ITER_INC, i, nil, 0, spikebar_h5_default())
            guard size >= 0 else { throw malformed("cannot list \(name)") }
            var buffer = [CChar](repeating: 0, count: Int(size) + 1)
            H5Lget_name_by_idx(g, ".", H5_INDEX_NAME, H5_ITER_INC, i, &buffer, Int(size) + 1, spikebar_h5_default())
            names.append(String(decoding: buffer.prefix(Int(size)).map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        return names
    }

    /// A numeric dataset as Double values (row-major) and its shape (`[]` for a scalar).
    func numbers(_ name: String) throws -> (values: [Double], shape: [Int]) {
        try withDataset(name) { d, space in
            let shape = try self.shape(space, name)
            let count = shape.reduce(1, *)
            var values = [Double](repeating: 0, count: count)
            let ok = values.withUnsafeMutableBytes {
                H5Dread(d, spikebar_h5t_native_double(), spikebar_h5s_all(), spikebar_h5s_all(), spikebar_h5_default(), $0.baseAddress)
            }
            guard ok >= 0 else { throw malformed("\(name) is not numeric") }
            return (values, shape)
        }
    }

    /// A string dataset (any shape) as its strings, row-major.
    func strings(_ name: String) throws -> [String] {
        try withDataset(name) { d, space in
            let count = try self.shape(space, name).reduce(1, *)
            let fileType = H5Dget_type(d)
            defer { H5Tclose(fileType) }
            guard H5Tget_class(fileType) == H5T_STRING else { throw malformed("\(name) is not a string") }
            let memType = H5Tcopy(spikebar_h5t_c_s1())
            defer { H5Tclose(memType) }
            H5Tset_cset(memType, H5Tget_cset(fileType))   // h5py writes UTF-8; HDF5 will not convert between sets
            if H5Tis_variable_str(fileType) > 0 {
                H5Tset_size(memType, spikebar_h5t_variable())
                var pointers = [UnsafeMutablePointer<CChar>?](repeating: nil, count: count)
                guard H5Dread(d, memType, spikebar_h5s_all(), spikebar_h5s_all(), spikebar_h5_default(), &pointers) >= 0 else {
                    throw malformed("cannot read \(name)")
                }
                let out = pointers.map { $0.map { String(cString: $0) } ?? "" }
                H5Dvlen_reclaim(memType, space, spikebar_h5_default(), &pointers)
                return out
            }
            let width = H5Tget_size(fileType)
            H5Tset_size(memType, width)
            var bytes = [UInt8](repeating: 0, count: count * width)
            guard H5Dread(d, memType, spikebar_h5s_all(), spikebar_h5s_all(), spikebar_h5_default(), &bytes) >= 0 else {
                throw malformed("cannot read \(name)")
            }
            return (0..<count).map { k in
                String(decoding: bytes[(k * width)..<((k + 1) * width)].prefix { $0 != 0 }, as: UTF8.self)
            }
        }
    }

    private func withDataset<T>(_ name: String, _ body: (hid_t, hid_t) throws -> T) throws -> T {
        let d = H5Dopen2(id, name, spikebar_h5_default())
        guard d >= 0 else { throw malformed("no dataset \(name)") }
        defer { H5Dclose(d) }
        let space = H5Dget_space(d)
        defer { H5Sclose(space) }
        return try body(d, space)
    }

    private func shape(_ space: hid_t, _ name: String) throws -> [Int] {
        let rank = H5Sget_simple_extent_ndims(space)
        guard rank >= 0 else { throw malformed("\(name) has no simple shape") }
        var dims = [hsize_t](repeating: 0, count: Int(rank))
        H5Sget_simple_extent_dims(space, &dims, nil)
        return dims.map { Int($0) }
    }

    func malformed(_ reason: String) -> NIRError { .malformed(path: path, reason: reason) }
}
