#include "dates.hpp"

#define NPY_NO_DEPRECATED_API NPY_1_7_API_VERSION
#define PY_ARRAY_UNIQUE_SYMBOL shixian_ARRAY_API
#include <datetime.h>
#include <numpy/arrayobject.h>
#include <numpy/arrayscalars.h>

#include <cstring>
#include <string>

#include "errors.hpp"

namespace shixian::python {

namespace {

int import_numpy() {
  import_array1(-1);
  return 0;
}

// Days since 1970-01-01 of a datetime64 value in `unit`, floored; nullopt for months/years and
// the exotic units, which numpy itself converts.
std::optional<std::int64_t> days_of(npy_datetime value, NPY_DATETIMEUNIT unit, int num) {
  if (value == NPY_DATETIME_NAT) return kNaT;
  const auto floor_div = [](std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); };
  const std::int64_t v = value * num;
  switch (unit) {
    case NPY_FR_D: return v;
    case NPY_FR_W: return v * 7;
    case NPY_FR_h: return floor_div(v, 24);
    case NPY_FR_m: return floor_div(v, 24 * 60);
    case NPY_FR_s: return floor_div(v, 86400);
    case NPY_FR_ms: return floor_div(v, 86400LL * 1000);
    case NPY_FR_us: return floor_div(v, 86400LL * 1000000);
    case NPY_FR_ns: return floor_div(v, 86400LL * 1000000000);
    default: return std::nullopt;
  }
}

std::int64_t civil_days(int y, unsigned m, unsigned d) {
  using namespace std::chrono;
  return sys_days{year{y} / month{m} / day{d}}.time_since_epoch().count();
}

}  // namespace

void init_dates() {
  if (import_numpy() < 0) throw py::error_already_set();
  PyDateTime_IMPORT;
  if (PyDateTimeAPI == nullptr) throw py::error_already_set();
}

std::optional<std::int64_t> scalar_days(py::handle value) {
  PyObject* o = value.ptr();
  if (value.is_none() || std::strcmp(Py_TYPE(o)->tp_name, "NaTType") == 0) return kNaT;  // pandas.NaT is a datetime
  if (PyDate_Check(o)) {  // datetime.datetime and pandas.Timestamp are dates too: their civil date
    return civil_days(PyDateTime_GET_YEAR(o), PyDateTime_GET_MONTH(o), PyDateTime_GET_DAY(o));
  }
  if (PyArray_IsScalar(o, Datetime)) {
    const auto* s = reinterpret_cast<PyDatetimeScalarObject*>(o);
    if (auto d = days_of(s->obval, s->obmeta.base, s->obmeta.num)) return d;
    py::object day = value.attr("astype")("datetime64[D]");
    return days_of(reinterpret_cast<PyDatetimeScalarObject*>(day.ptr())->obval, NPY_FR_D, 1);
  }
  if (PyUnicode_Check(o)) {
    auto d = parse_iso_date(py::cast<std::string_view>(value));
    if (!d.has_value()) raise(d.error());
    return d->days_since_epoch();
  }
  if (PyArray_Check(o) && PyArray_NDIM(reinterpret_cast<PyArrayObject*>(o)) == 0) {
    return scalar_days(py::reinterpret_steal<py::object>(PyArray_Return(
        reinterpret_cast<PyArrayObject*>(py::reinterpret_borrow<py::object>(value).release().ptr()))));
  }
  if (PyBool_Check(o) || PyLong_Check(o) || PyFloat_Check(o)) {
    raise_invalid(std::string("期望日期（datetime.date、numpy.datetime64 或 yyyy-mm-dd），得到 ") +
                  Py_TYPE(o)->tp_name);
  }
  return std::nullopt;
}

namespace {

// An object array (dates, datetimes, Timestamps, strings, None/NaT) converted element by element
// with scalar_days: the civil date of each, as for a scalar. numpy's own conversion would move
// timezone-aware datetimes to UTC (a different day for 00:00–08:00 in China).
py::array days_of_objects(const py::array& objects) {
  static const py::handle np = forever(py::module_::import("numpy"));
  py::array flat = py::cast<py::array>(np.attr("ascontiguousarray")(objects));
  py::array out = new_day_array(std::vector<py::ssize_t>(flat.shape(), flat.shape() + flat.ndim()));
  auto* const* in = static_cast<PyObject* const*>(flat.data());
  auto* days = static_cast<std::int64_t*>(out.mutable_data());
  const auto n = static_cast<std::size_t>(flat.size());
  for (std::size_t i = 0; i < n; ++i) {
    std::optional<std::int64_t> d;
    try {
      d = scalar_days(py::handle(in[i]));
    } catch (const PythonError& e) {
      raise_at(e.error, i, n);  // the same message, with the element it is about
    }
    if (!d) {
      raise_at(Error{ErrorCode::invalid_argument, std::string("不是日期：") + Py_TYPE(in[i])->tp_name, {}, {}}, i, n);
    }
    days[i] = *d;
  }
  return out;
}

}  // namespace

py::array as_day_array(py::handle value) {
  static const py::handle np = forever(py::module_::import("numpy"));
    py::object source = py::reinterpret_borrow<py::object>(value);
  const std::string module = py::str(py::type::of(value).attr("__module__"));
  if (module.rfind("pandas", 0) == 0) source = py::module_::import("shixian._pandas").attr("wall_clock")(value);
  py::object arr = np.attr("asarray")(source);
  const char kind = py::cast<py::array>(arr).dtype().kind();
  if (kind == 'O') return days_of_objects(py::cast<py::array>(arr));
  // Strings are read as scalars are (parse_iso_date: exactly yyyy-mm-dd), not by numpy's more
  // lenient parser ("2016" would be 2016-01-01).
  if (kind == 'U') return days_of_objects(py::cast<py::array>(arr.attr("astype")("O")));
  if (kind != 'M' && kind != 'O' && kind != 'U' && kind != 'S') {
    raise_invalid("期望日期数组（datetime64、datetime.date 或 yyyy-mm-dd），得到 dtype " +
                  py::str(py::cast<py::array>(arr).dtype()).cast<std::string>());
  }
  try {
    // datetime64[ns] → [D] floors; strings and date objects are parsed by numpy (one C loop).
    arr = np.attr("ascontiguousarray")(arr, day_dtype());
  } catch (py::error_already_set& e) {
    if (!e.matches(PyExc_ValueError) && !e.matches(PyExc_TypeError)) throw;
    raise_invalid(std::string("无法把输入转换为日期：") + e.what());
  }
  return py::cast<py::array>(arr);
}

py::array as_int_array(py::handle value) {
  static const py::handle np = forever(py::module_::import("numpy"));
  py::array arr = py::cast<py::array>(np.attr("asarray")(value));
  const char kind = arr.dtype().kind();
  if (kind != 'i' && kind != 'u' && kind != 'b') {
    raise_invalid("期望整数（工作日数），得到 dtype " + py::str(arr.dtype()).cast<std::string>());
  }
  return py::cast<py::array>(np.attr("ascontiguousarray")(arr, "int64"));
}

Date to_date(std::int64_t days, std::size_t index, std::size_t size) {
  if (days == kNaT) raise_at(Error{ErrorCode::invalid_argument, "日期为 NaT", {}, {}}, index, size);
  if (days < INT32_MIN || days > INT32_MAX) {
    raise_at(Error{ErrorCode::out_of_range, "日期超出范围", {}, {}}, index, size);
  }
  return Date::from_days(static_cast<std::int32_t>(days));
}

py::object date_object(Date d) {
  const auto ymd = d.ymd();
  PyObject* o = PyDate_FromDate(static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                                static_cast<unsigned>(ymd.day()));
  if (o == nullptr) throw py::error_already_set();
  return py::reinterpret_steal<py::object>(o);
}

py::array new_day_array(const std::vector<py::ssize_t>& shape) {
  return py::array(day_dtype(), shape);
}

py::object like_input(py::handle like, py::object result) {
  if (py::isinstance<py::array>(like) || PyList_Check(like.ptr()) || PyTuple_Check(like.ptr())) return result;
  const std::string module = py::str(py::type::of(like).attr("__module__"));
  if (module.rfind("pandas", 0) != 0) return result;
  return py::module_::import("shixian._pandas").attr("like")(like, result);
}

}  // namespace shixian::python
