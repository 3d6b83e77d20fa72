// shixian.Calendar and the calendar functions, vectorised: one conversion of
// the input to datetime64[D] (numpy's own C loop), then a C++ loop over the
// days with the GIL released. Every answer comes from shixian::Calendar; the
// numpy spellings (is_busday, busday_offset, busday_count) only translate
// numpy's conventions (half-open counts, roll=) into Calendar calls.
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <fstream>
#include <memory>
#include <sstream>
#include <unordered_map>

#include "bindings.hpp"
#include "dates.hpp"
#include "errors.hpp"
#include "shixian/calendar.hpp"
#include "shixian/overlay.hpp"

namespace shixian::python {

namespace {

// A Calendar the Python object owns, or the shared national one.
struct PyCalendar {
  std::shared_ptr<const Calendar> owned;
  const Calendar* cal = &Calendar::china();
};


std::string read_text_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) raise(Error{ErrorCode::io_error, "无法读取文件", {}, path});
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

std::string path_string(py::handle p) {
  return py::str(py::module_::import("os").attr("fspath")(p)).cast<std::string>();
}

PyCalendar make_calendar(bool strict, const py::iterable& years, const py::iterable& overlays, bool builtin_data,
                         int first_year, int last_year) {
  CalendarOptions options;
  options.strict = strict;
  options.builtin_data = builtin_data;
  options.first_year = first_year;
  options.last_year = last_year;
  for (py::handle item : years) {
    const std::string path = path_string(item);
    const std::string text = read_text_file(path);
    auto year = parse_year_file(text, path);
    if (!year.has_value()) raise(year.error(), render_error(text, year.error()));
    options.years.push_back(std::move(*year));
  }
  for (py::handle item : overlays) {
    const std::string path = path_string(item);
    const std::string text = read_text_file(path);
    auto overlay = parse_overlay(text, path);
    if (!overlay.has_value()) raise(overlay.error(), render_error(text, overlay.error()));
    options.overlays.push_back(std::move(*overlay));
  }
  auto built = Calendar::build(options);
  if (!built.has_value()) raise(built.error());
  PyCalendar out;
  out.owned = std::make_shared<const Calendar>(std::move(*built));
  out.cal = out.owned.get();
  return out;
}

// ---------------------------------------------------------------------------
// The vectorised kernels: inputs as flat int64 views with a step (0 for a
// scalar broadcast over the other argument), output written in place.
// ---------------------------------------------------------------------------

struct Operand {
  // Not a py::array member: its default constructor allocates an empty numpy
  // array, a cost every scalar call would pay.
  py::object held;              // keeps the data alive (an ndarray when !scalar)
  py::array array() const { return py::reinterpret_borrow<py::array>(held); }
  const std::int64_t* data = nullptr;
  std::size_t size = 1;
  bool scalar = true;
  std::int64_t value = 0;       // when scalar
};

Operand dates_operand(py::handle value) {
  Operand op;
  if (auto d = scalar_days(value)) {
    op.value = *d;
    op.data = &op.value;
    return op;
  }
  op.held = as_day_array(value);
  op.scalar = false;
  op.size = static_cast<std::size_t>(op.array().size());
  op.data = static_cast<const std::int64_t*>(op.array().data());
  return op;
}

Operand ints_operand(py::handle value) {
  Operand op;
  if (PyLong_Check(value.ptr()) && !PyBool_Check(value.ptr())) {
    int overflow = 0;
    op.value = PyLong_AsLongLongAndOverflow(value.ptr(), &overflow);
    if (overflow != 0) raise(Error{ErrorCode::out_of_range, "工作日数超出范围", {}, {}});
    op.data = &op.value;
    return op;
  }
  op.held = as_int_array(value);
  if (op.array().ndim() == 0) {
    op.value = *static_cast<const std::int64_t*>(op.array().data());
    op.data = &op.value;
    return op;
  }
  op.scalar = false;
  op.size = static_cast<std::size_t>(op.array().size());
  op.data = static_cast<const std::int64_t*>(op.array().data());
  return op;
}

// Shape of the result: the array operand's (both arrays: they must match, or numpy broadcasts them).
std::vector<py::ssize_t> result_shape(Operand& a, Operand& b) {
  if (a.scalar && b.scalar) return {};
  if (a.scalar) return {b.array().shape(), b.array().shape() + b.array().ndim()};
  if (b.scalar) return {a.array().shape(), a.array().shape() + a.array().ndim()};
  const std::vector<py::ssize_t> sa(a.array().shape(), a.array().shape() + a.array().ndim());
  const std::vector<py::ssize_t> sb(b.array().shape(), b.array().shape() + b.array().ndim());
  if (sa != sb) {
    static const py::object np = py::module_::import("numpy");
    py::tuple both = np.attr("broadcast_arrays")(a.array(), b.array());  // raises numpy's ValueError when they do not
    for (int k = 0; k < 2; ++k) {
      Operand& op = k == 0 ? a : b;
      op.held = py::cast<py::array>(np.attr("ascontiguousarray")(both[k]));
      op.size = static_cast<std::size_t>(op.array().size());
      op.data = static_cast<const std::int64_t*>(op.array().data());
    }
    return {a.array().shape(), a.array().shape() + a.array().ndim()};
  }
  return sa;
}

std::size_t size_of(const std::vector<py::ssize_t>& shape) {
  std::size_t n = 1;
  for (auto s : shape) n *= static_cast<std::size_t>(s);
  return n;
}

// `out=` (numpy spellings): an array of the result's dtype and shape, written in place.
py::array output(py::handle out, const py::dtype& dtype, const std::vector<py::ssize_t>& shape) {
  if (out.is_none()) return py::array(dtype, shape);
  if (!py::isinstance<py::array>(out)) raise_invalid("out 应为 numpy 数组");
  py::array arr = py::reinterpret_borrow<py::array>(out);
  const std::vector<py::ssize_t> got(arr.shape(), arr.shape() + arr.ndim());
  if (!arr.dtype().is(dtype) && !arr.dtype().equal(dtype)) {
    raise_invalid("out 的 dtype 应为 " + std::string(py::str(static_cast<py::handle>(dtype))));
  }
  if (got != shape) raise_invalid("out 的形状与结果不符");
  if (!(arr.flags() & py::array::c_style) || !arr.writeable()) raise_invalid("out 应为可写的 C 连续数组");
  return arr;
}

template <class T>
py::dtype dtype_for() {
  if constexpr (std::is_same_v<T, bool>) return py::dtype::of<bool>();
  else return py::dtype::of<std::int64_t>();
}

// Runs fn(i, a_i) or fn(i, a_i, b_i) for every element with the GIL released.
template <class Fn>
void for_each(std::size_t n, Fn fn) {
  py::gil_scoped_release release;
  for (std::size_t i = 0; i < n; ++i) fn(i);
}

[[noreturn]] void element_error(const Error& e, std::size_t i, std::size_t n) { raise_at(e, i, n); }

// --- is_workday --------------------------------------------------------------

py::object is_workday_impl(const Calendar& cal, py::handle dates, py::handle out) {
  Operand d = dates_operand(dates);
  if (d.scalar && out.is_none()) {
    auto r = cal.is_workday(to_date(d.value));
    if (!r.has_value()) raise(r.error());
    return py::bool_(*r);
  }
  const std::vector<py::ssize_t> shape = d.scalar ? std::vector<py::ssize_t>{} : std::vector<py::ssize_t>(
      d.array().shape(), d.array().shape() + d.array().ndim());
  py::array result = output(out, py::dtype::of<bool>(), shape);
  auto* o = static_cast<bool*>(result.mutable_data());
  const std::size_t n = size_of(shape);
  const std::int64_t* in = d.data;
  for_each(n, [&](std::size_t i) {
    auto r = cal.is_workday(to_date(in[i], i, n));
    if (!r.has_value()) element_error(r.error(), i, n);
    o[i] = *r;
  });
  return like_input(dates, result);
}

// --- add_workdays ------------------------------------------------------------

// Where numpy's roll= moves a date before the offset is applied.
enum class RollMode { none, raise, nat, following, preceding, modified_following, modified_preceding };

RollMode roll_mode(std::string_view roll) {
  if (roll == "raise") return RollMode::raise;
  if (roll == "nat") return RollMode::nat;
  if (roll == "forward" || roll == "following") return RollMode::following;
  if (roll == "backward" || roll == "preceding") return RollMode::preceding;
  if (roll == "modifiedfollowing") return RollMode::modified_following;
  if (roll == "modifiedpreceding") return RollMode::modified_preceding;
  raise_invalid("roll 应为 raise、nat、forward、following、backward、preceding、modifiedfollowing 或 "
                "modifiedpreceding，得到“" + std::string(roll) + "”");
}

// The rolled date, or nullopt for NaT (roll="nat" on a rest day).
std::optional<Date> rolled(const Calendar& cal, Date d, RollMode mode, std::size_t i, std::size_t n) {
  if (mode == RollMode::none) return d;
  auto work = cal.is_workday(d);
  if (!work.has_value()) element_error(work.error(), i, n);
  if (*work) return d;
  const auto take = [&](expected<Date, Error> r) {
    if (!r.has_value()) element_error(r.error(), i, n);
    return *r;
  };
  switch (mode) {
    case RollMode::raise:
      element_error(Error{ErrorCode::invalid_argument,
                          to_string(d) + " 不是工作日（roll='raise'；可用 roll='following' 等）", {}, {}}, i, n);
    case RollMode::nat: return std::nullopt;
    // following(d) is the first working day after d - 1 (preceding: before d + 1): the same
    // answer through add_workdays' inline fast path; following()/preceding() at the range's ends.
    case RollMode::following: {
      auto r = cal.add_workdays(d - 1, 1);
      return r.has_value() ? *r : take(cal.following(d));
    }
    case RollMode::preceding: {
      auto r = cal.add_workdays(d + 1, -1);
      return r.has_value() ? *r : take(cal.preceding(d));
    }
    case RollMode::modified_following: {
      const Date f = take(cal.following(d));
      return f.month() == d.month() ? f : take(cal.preceding(d));
    }
    case RollMode::modified_preceding: {
      const Date p = take(cal.preceding(d));
      return p.month() == d.month() ? p : take(cal.following(d));
    }
    case RollMode::none: break;
  }
  return d;
}

py::object add_workdays_impl(const Calendar& cal, py::handle dates, py::handle offsets, RollMode mode,
                             py::handle out) {
  Operand d = dates_operand(dates);
  Operand k = ints_operand(offsets);
  const auto step = [](std::int64_t v, std::size_t i, std::size_t n) {
    if (v < INT32_MIN / 2 || v > INT32_MAX / 2) {
      raise_at(Error{ErrorCode::out_of_range, "工作日数超出范围：" + std::to_string(v), {}, {}}, i, n);
    }
    return static_cast<int>(v);
  };
  if (d.scalar && k.scalar && out.is_none()) {
    if (d.value == kNaT) return py::module_::import("numpy").attr("datetime64")("NaT");
    auto start = rolled(cal, to_date(d.value), mode, 0, 1);
    if (!start) return py::module_::import("numpy").attr("datetime64")("NaT");
    auto r = cal.add_workdays(*start, step(k.value, 0, 1));
    if (!r.has_value()) raise(r.error());
    return date_object(*r);
  }
  const std::vector<py::ssize_t> shape = result_shape(d, k);
  static const py::dtype day_dtype("datetime64[D]");
  py::array result = output(out, day_dtype, shape);
  auto* o = static_cast<std::int64_t*>(result.mutable_data());
  const std::size_t n = size_of(shape);
  const std::int64_t* dd = d.data;
  const std::int64_t* kk = k.data;
  const std::size_t ds = d.scalar ? 0 : 1, ks = k.scalar ? 0 : 1;
  if (mode == RollMode::none) {
    for_each(n, [&](std::size_t i) {
      const std::int64_t day = dd[i * ds];
      if (day == kNaT) { o[i] = kNaT; return; }
      auto r = cal.add_workdays(to_date(day, i, n), step(kk[i * ks], i, n));
      if (!r.has_value()) element_error(r.error(), i, n);
      o[i] = r->days_since_epoch();
    });
  } else {
    for_each(n, [&](std::size_t i) {
      const std::int64_t day = dd[i * ds];
      if (day == kNaT) { o[i] = kNaT; return; }
      const Date d0 = to_date(day, i, n);
      const int k = step(kk[i * ks], i, n);
      // Rolling forward then k >= 0 working days on is the (k+1)-th working day after d - 1 (and
      // backward then k <= 0 the (1-k)-th before d + 1): one add_workdays instead of a roll and an offset.
      if (mode == RollMode::following && k >= 0) {
        if (auto r = cal.add_workdays(d0 - 1, k + 1); r.has_value()) { o[i] = r->days_since_epoch(); return; }
      } else if (mode == RollMode::preceding && k <= 0) {
        if (auto r = cal.add_workdays(d0 + 1, k - 1); r.has_value()) { o[i] = r->days_since_epoch(); return; }
      }
      auto start = rolled(cal, d0, mode, i, n);  // the general way (also the errors at the range's ends)
      if (!start) { o[i] = kNaT; return; }
      auto r = cal.add_workdays(*start, k);
      if (!r.has_value()) element_error(r.error(), i, n);
      o[i] = r->days_since_epoch();
    });
  }
  return like_input(d.scalar ? offsets : dates, result);
}

// --- workdays_between / busday_count ------------------------------------------

// numpy=false: shixian's (a, b]; numpy=true: numpy's [a, b) (negative when b < a).
py::object between_impl(const Calendar& cal, py::handle a, py::handle b, bool numpy_count, py::handle out) {
  Operand x = dates_operand(a);
  Operand y = dates_operand(b);
  const auto count = [&](std::int64_t p, std::int64_t q, std::size_t i, std::size_t n) -> std::int64_t {
    Date from = to_date(p, i, n), to = to_date(q, i, n);
    if (numpy_count) {
      // Working days in [from, to) = (from-1, to-1]; for to < from, minus those in [to, from) = (to-1, from-1].
      if (from <= to) from = from - 1, to = to - 1;
      else std::swap(from, to), from = from - 1, to = to - 1;
    }
    auto r = cal.workdays_between(from, to);
    if (!r.has_value()) element_error(r.error(), i, n);
    return numpy_count && p > q ? -std::int64_t{*r} : std::int64_t{*r};
  };
  if (x.scalar && y.scalar && out.is_none()) return py::int_(count(x.value, y.value, 0, 1));
  const std::vector<py::ssize_t> shape = result_shape(x, y);
  py::array result = output(out, py::dtype::of<std::int64_t>(), shape);
  auto* o = static_cast<std::int64_t*>(result.mutable_data());
  const std::size_t n = size_of(shape);
  const std::int64_t* xx = x.data;
  const std::int64_t* yy = y.data;
  const std::size_t xs = x.scalar ? 0 : 1, ys = y.scalar ? 0 : 1;
  for_each(n, [&](std::size_t i) { o[i] = count(xx[i * xs], yy[i * ys], i, n); });
  return like_input(x.scalar ? b : a, result);
}

// --- day_info ----------------------------------------------------------------

struct PyDayInfo {
  Date date;
  bool workday;
  std::string kind;
  std::string kind_zh;
  std::string festival;
  bool projected;
};

PyDayInfo day_info_of(const DayInfo& info) {
  return {info.date, info.workday, std::string(to_string(info.kind)), std::string(chinese_name(info.kind)),
          std::string(info.festival), info.projected};
}

py::object day_info_impl(const Calendar& cal, py::handle dates) {
  Operand d = dates_operand(dates);
  if (d.scalar) {
    auto r = cal.day(to_date(d.value));
    if (!r.has_value()) raise(r.error());
    return py::cast(day_info_of(*r));
  }
  const std::vector<py::ssize_t> shape(d.array().shape(), d.array().shape() + d.array().ndim());
  const std::size_t n = size_of(shape);
  py::array_t<bool> workday(shape), projected(shape);
  py::array_t<std::uint8_t> kinds(shape);
  std::vector<const char*> festival_ptr(n);  // the Calendar's own strings (live as long as it does)
  std::vector<std::size_t> festival_len(n);
  bool* w = workday.mutable_data();
  bool* p = projected.mutable_data();
  std::uint8_t* k = kinds.mutable_data();
  const std::int64_t* in = d.data;
  for_each(n, [&](std::size_t i) {
    auto r = cal.day(to_date(in[i], i, n));
    if (!r.has_value()) element_error(r.error(), i, n);
    w[i] = r->workday;
    p[i] = r->projected;
    k[i] = static_cast<std::uint8_t>(r->kind);
    festival_ptr[i] = r->festival.data();
    festival_len[i] = r->festival.size();
  });
  // Object arrays of str: one Python string per distinct name, shared by reference.
  py::array kind_names(py::dtype("O"), shape), festivals(py::dtype("O"), shape);
  auto** kn = static_cast<PyObject**>(kind_names.mutable_data());
  auto** fs = static_cast<PyObject**>(festivals.mutable_data());
  py::object names[5];
  for (int j = 0; j < 5; ++j) names[j] = py::str(std::string(to_string(static_cast<DayKind>(j))));
  std::unordered_map<const char*, py::object> festival_names;
  py::object empty = py::str("");
  for (std::size_t i = 0; i < n; ++i) {
    PyObject* kn_i = names[k[i]].ptr();
    Py_INCREF(kn_i);
    Py_XDECREF(kn[i]);
    kn[i] = kn_i;
    PyObject* f = empty.ptr();
    if (festival_len[i] != 0) {
      auto [it, added] = festival_names.try_emplace(festival_ptr[i]);
      if (added) it->second = py::str(festival_ptr[i], festival_len[i]);
      f = it->second.ptr();
    }
    Py_INCREF(f);
    Py_XDECREF(fs[i]);
    fs[i] = f;
  }
  py::dict out;
  out["date"] = d.array();
  out["workday"] = workday;
  out["kind"] = kind_names;
  out["festival"] = festivals;
  out["projected"] = projected;
  const std::string module = py::str(py::type::of(dates).attr("__module__"));
  if (module.rfind("pandas", 0) == 0) return py::module_::import("shixian._pandas").attr("frame")(dates, out);
  return py::object(std::move(out));
}

// --- year-level queries -------------------------------------------------------

struct PyHolidayBlock {
  Date first, last;
  std::string festival;
};

std::vector<PyHolidayBlock> holiday_blocks_impl(const Calendar& cal, int year) {
  auto r = cal.holiday_blocks(year);
  if (!r.has_value()) raise(r.error());
  std::vector<PyHolidayBlock> out;
  for (const HolidayBlock& b : *r) out.push_back({b.first, b.last, std::string(b.festival)});
  return out;
}

YearSource year_source_impl(const Calendar& cal, int year) {
  auto r = cal.year_source(year);
  if (!r.has_value()) raise(r.error());
  return *r;
}

void check_numpy_only(py::handle weekmask, py::handle holidays) {
  if (!weekmask.is_none() || !holidays.is_none()) {
    throw py::type_error(
        "shixian 的日历不是周掩码加假日列表：它按国务院办公厅通知（含调休上班日）给出工作日。"
        "weekmask/holidays 不可用；地方或单位的日子请用 shixian.Calendar(overlays=[...])，"
        "并以 busdaycal= 传入");
  }
}

}  // namespace

std::optional<int> year_arg(py::handle year, int first, int last) {
  if (year.is_none()) return std::nullopt;
  if (!PyLong_Check(year.ptr()) || PyBool_Check(year.ptr())) {
    raise_invalid(std::string("年份应为整数（如 2016），得到 ") + Py_TYPE(year.ptr())->tp_name);
  }
  const long long y = PyLong_AsLongLong(year.ptr());
  if (PyErr_Occurred()) PyErr_Clear();
  if (y < first || y > last) {
    raise(Error{ErrorCode::out_of_range,
                "年份 " + py::str(year).cast<std::string>() + " 超出日历范围（" + std::to_string(first) + "–" +
                    std::to_string(last) + "）",
                {}, {}});
  }
  return static_cast<int>(y);
}

std::optional<int> year_arg(py::handle year, const Calendar& calendar) {
  return year_arg(year, calendar.first_day().year(), calendar.last_day().year());
}

const Calendar& calendar_of(py::handle calendar) {
  if (calendar.is_none()) return Calendar::china();
  if (!py::isinstance<PyCalendar>(calendar)) raise_invalid("calendar 应为 shixian.Calendar");
  return *py::cast<const PyCalendar&>(calendar).cal;
}

void bind_calendar(py::module_& m) {
  py::class_<PyCalendar>(m, "Calendar", R"doc(
A working-day calendar. ``shixian.Calendar()`` is the national one (the
built-in State Council notices 2001–2026, projected by law afterwards);
options build others:

    strict=True          refuse projected years (ProjectedYearError)
    years=[path, ...]    holidays/YYYY.txt files that add or replace a year
    overlays=[path, ...] regional or unit overlays (holidays/OVERLAYS.md)
    builtin_data=False   only `years` and the projection
    first_year, last_year  the range (2001–2100)

Every calendar function takes it as ``calendar=`` (numpy spellings: ``busdaycal=``).
)doc")
      .def(py::init([](bool strict, const py::iterable& years, const py::iterable& overlays, bool builtin_data,
                       int first_year, int last_year) {
             if (!strict && py::len(years) == 0 && py::len(overlays) == 0 && builtin_data && first_year == 2001 &&
                 last_year == 2100) {
               return PyCalendar{};
             }
             return make_calendar(strict, years, overlays, builtin_data, first_year, last_year);
           }),
           py::kw_only(), py::arg("strict") = false, py::arg("years") = py::tuple(), py::arg("overlays") = py::tuple(),
           py::arg("builtin_data") = true, py::arg("first_year") = 2001, py::arg("last_year") = 2100)
      .def_property_readonly("strict", [](const PyCalendar& c) { return c.cal->strict(); })
      .def_property_readonly("first_day", [](const PyCalendar& c) { return date_object(c.cal->first_day()); })
      .def_property_readonly("last_day", [](const PyCalendar& c) { return date_object(c.cal->last_day()); })
      .def_property_readonly("first_projected_day",
                             [](const PyCalendar& c) { return date_object(c.cal->first_projected_day()); })
      .def("is_workday", [](const PyCalendar& c, py::handle d) { return is_workday_impl(*c.cal, d, py::none()); },
           py::arg("dates"))
      .def("add_workdays",
           [](const PyCalendar& c, py::handle d, py::handle n) {
             return add_workdays_impl(*c.cal, d, n, RollMode::none, py::none());
           },
           py::arg("dates"), py::arg("n"))
      .def("workdays_between",
           [](const PyCalendar& c, py::handle a, py::handle b) { return between_impl(*c.cal, a, b, false, py::none()); },
           py::arg("start"), py::arg("end"))
      .def("day_info", [](const PyCalendar& c, py::handle d) { return day_info_impl(*c.cal, d); }, py::arg("dates"))
      .def("holiday_blocks", [](const PyCalendar& c, int y) { return holiday_blocks_impl(*c.cal, y); }, py::arg("year"))
      .def("year_source", [](const PyCalendar& c, int y) { return year_source_impl(*c.cal, y); }, py::arg("year"))
      .def("__repr__", [](const PyCalendar& c) {
        return "shixian.Calendar(" + to_string(c.cal->first_day()) + ".." + to_string(c.cal->last_day()) +
               (c.cal->strict() ? ", strict" : "") + ")";
      });

  py::class_<PyDayInfo>(m, "DayInfo", "One day: whether it is a working day, its kind, festival and projection flag.")
      .def_property_readonly("date", [](const PyDayInfo& d) { return date_object(d.date); })
      .def_readonly("workday", &PyDayInfo::workday)
      .def_readonly("kind", &PyDayInfo::kind, "workday, weekend, holiday, swapped_rest or makeup_work")
      .def_readonly("kind_zh", &PyDayInfo::kind_zh, "工作日, 周末, 法定节假日, 调休休息日 or 调休上班")
      .def_readonly("festival", &PyDayInfo::festival)
      .def_readonly("projected", &PyDayInfo::projected, "the year has no State Council notice yet")
      .def("__repr__", [](const PyDayInfo& d) {
        return "DayInfo(" + to_string(d.date) + ", " + d.kind + (d.festival.empty() ? "" : ", " + d.festival) +
               (d.projected ? ", projected" : "") + ")";
      });

  py::class_<PyHolidayBlock>(m, "HolidayBlock", "A maximal run of rest days around a festival (last inclusive).")
      .def_property_readonly("first", [](const PyHolidayBlock& b) { return date_object(b.first); })
      .def_property_readonly("last", [](const PyHolidayBlock& b) { return date_object(b.last); })
      .def_readonly("festival", &PyHolidayBlock::festival)
      .def_property_readonly("days", [](const PyHolidayBlock& b) { return b.last - b.first + 1; })
      .def("__repr__", [](const PyHolidayBlock& b) {
        return "HolidayBlock(" + b.festival + ", " + to_string(b.first) + ".." + to_string(b.last) + ")";
      });

  py::class_<Amendment>(m, "Amendment", "A later notice that changed a year (2003 SARS, 2015 抗战胜利, 2020 疫情).")
      .def_readonly("published", &Amendment::published)
      .def_readonly("number", &Amendment::number)
      .def_readonly("title", &Amendment::title);
  py::class_<YearSource>(m, "YearSource", "Where a year's days come from: a notice, or the law it is projected from.")
      .def_readonly("year", &YearSource::year)
      .def_readonly("official", &YearSource::official)
      .def_readonly("title", &YearSource::title)
      .def_readonly("number", &YearSource::number)
      .def_readonly("published", &YearSource::published)
      .def_readonly("amendments", &YearSource::amendments)
      .def("__repr__", [](const YearSource& s) {
        return "YearSource(" + std::to_string(s.year) + (s.official ? ", official, " : ", projected, ") + s.title + ")";
      });

  m.def("is_workday", [](py::handle d, py::handle c) { return is_workday_impl(calendar_of(c), d, py::none()); },
        py::arg("dates"), py::kw_only(), py::arg("calendar") = py::none(), R"doc(
Whether each date is a working day (工作日), 调休 make-up Saturdays/Sundays included.

``dates``: datetime.date, numpy.datetime64, "yyyy-mm-dd", or an array-like of
them (datetime64[D] arrays, pandas Series/DatetimeIndex). Scalars give bool,
arrays a bool array of the same shape, a Series a Series.
)doc");
  m.def("add_workdays",
        [](py::handle d, py::handle n, py::handle c) {
          return add_workdays_impl(calendar_of(c), d, n, RollMode::none, py::none());
        },
        py::arg("dates"), py::arg("n"), py::kw_only(), py::arg("calendar") = py::none(), R"doc(
The n-th working day strictly after each date (n < 0: before; n == 0: the date).
The start day is never counted (SPEC §2), even when it is a rest day.
``dates`` and ``n`` broadcast like numpy arrays; NaT stays NaT.
)doc");
  m.def("workdays_between",
        [](py::handle a, py::handle b, py::handle c) { return between_impl(calendar_of(c), a, b, false, py::none()); },
        py::arg("start"), py::arg("end"), py::kw_only(), py::arg("calendar") = py::none(), R"doc(
Working days in (start, end] when start <= end, minus those in [end, start)
otherwise, so that workdays_between(d, add_workdays(d, n)) == n.
(numpy's busday_count counts [start, end) instead.)
)doc");
  m.def("day_info", [](py::handle d, py::handle c) { return day_info_impl(calendar_of(c), d); }, py::arg("dates"),
        py::kw_only(), py::arg("calendar") = py::none(), R"doc(
The kind of each day (workday, weekend, holiday, swapped_rest, makeup_work),
its festival and whether its year is projected. A scalar gives a DayInfo; an
array a dict of arrays (date, workday, kind, festival, projected); a pandas
Series or DatetimeIndex a DataFrame.
)doc");
  m.def("holiday_blocks", [](int y, py::handle c) { return holiday_blocks_impl(calendar_of(c), y); }, py::arg("year"),
        py::kw_only(), py::arg("calendar") = py::none(), "The year's holiday blocks in date order.");
  m.def("year_source", [](int y, py::handle c) { return year_source_impl(calendar_of(c), y); }, py::arg("year"),
        py::kw_only(), py::arg("calendar") = py::none(), "The notice (or the projection) a year's days come from.");

  // numpy spellings ------------------------------------------------------------
  m.def("is_busday",
        [](py::handle d, py::handle weekmask, py::handle holidays, py::handle busdaycal, py::handle out) {
          check_numpy_only(weekmask, holidays);
          return is_workday_impl(calendar_of(busdaycal), d, out);
        },
        py::arg("dates"), py::arg("weekmask") = py::none(), py::arg("holidays") = py::none(),
        py::arg("busdaycal") = py::none(), py::arg("out") = py::none(), R"doc(
numpy.is_busday with shixian's calendar: 调休 make-up Saturdays/Sundays are
business days, statutory holidays and swapped rest days are not. numpy's
weekmask/holidays cannot express make-up days and are not accepted; pass a
shixian.Calendar as busdaycal instead.
)doc");
  m.def("busday_offset",
        [](py::handle d, py::handle offsets, std::string_view roll, py::handle weekmask, py::handle holidays,
           py::handle busdaycal, py::handle out) {
          check_numpy_only(weekmask, holidays);
          return add_workdays_impl(calendar_of(busdaycal), d, offsets, roll_mode(roll), out);
        },
        py::arg("dates"), py::arg("offsets"), py::arg("roll") = "raise", py::arg("weekmask") = py::none(),
        py::arg("holidays") = py::none(), py::arg("busdaycal") = py::none(), py::arg("out") = py::none(), R"doc(
numpy.busday_offset with shixian's calendar. As in numpy, a date that is not
a business day is first rolled (roll='raise' (default): error; 'nat': NaT;
'forward'/'following', 'backward'/'preceding', 'modifiedfollowing',
'modifiedpreceding'), then moved by `offsets` business days. Differs from
numpy only where numpy's weekmask is wrong for China: 调休 make-up
Saturdays/Sundays count as business days.

Note the difference from shixian.add_workdays: there a rest-day start is
never rolled (SPEC §2, 3 working days after Saturday is Wednesday);
busday_offset(sat, 3, roll='forward') is Thursday.
)doc");
  m.def("busday_count",
        [](py::handle a, py::handle b, py::handle weekmask, py::handle holidays, py::handle busdaycal, py::handle out) {
          check_numpy_only(weekmask, holidays);
          return between_impl(calendar_of(busdaycal), a, b, true, out);
        },
        py::arg("begindates"), py::arg("enddates"), py::arg("weekmask") = py::none(), py::arg("holidays") = py::none(),
        py::arg("busdaycal") = py::none(), py::arg("out") = py::none(), R"doc(
numpy.busday_count with shixian's calendar: business days in
[begindates, enddates) (negative when enddates < begindates), 调休 make-up
days counted. shixian.workdays_between counts (start, end] instead.
)doc");
}

}  // namespace shixian::python
