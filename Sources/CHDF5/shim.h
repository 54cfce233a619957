// The system libhdf5 (serial; Debian libhdf5-dev, installed by scripts/setup), seen only by
// the NIR module. HDF5's type and property constants are macros that call into the library
// (H5OPEN …), which Swift cannot import: these inline functions hand them over.
#include <hdf5.h>

static inline hid_t spikebar_h5_default(void) { return H5P_DEFAULT; }
static inline hid_t spikebar_h5s_all(void) { return H5S_ALL; }
static inline hid_t spikebar_h5e_default(void) { return H5E_DEFAULT; }
static inline unsigned spikebar_h5f_rdonly(void) { return H5F_ACC_RDONLY; }
static inline unsigned spikebar_h5f_trunc(void) { return H5F_ACC_TRUNC; }
static inline hid_t spikebar_h5t_native_float(void) { return H5T_NATIVE_FLOAT; }
static inline hid_t spikebar_h5t_native_double(void) { return H5T_NATIVE_DOUBLE; }
static inline hid_t spikebar_h5t_native_llong(void) { return H5T_NATIVE_LLONG; }
static inline hid_t spikebar_h5t_ieee_f32le(void) { return H5T_IEEE_F32LE; }
static inline hid_t spikebar_h5t_ieee_f64le(void) { return H5T_IEEE_F64LE; }
static inline hid_t spikebar_h5t_std_i64le(void) { return H5T_STD_I64LE; }
static inline hid_t spikebar_h5t_c_s1(void) { return H5T_C_S1; }
static inline hid_t spikebar_h5p_link_create(void) { return H5P_LINK_CREATE; }
static inline size_t spikebar_h5t_variable(void) { return H5T_VARIABLE; }
