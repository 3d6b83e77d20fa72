// The vectorised calendar kernels behind shixian.is_workday, add_workdays,
// workdays_between, day_info and the numpy spellings: one conversion of the
// input to datetime64[D] (dates.hpp), then a C++ loop over the days with the GIL
// released. Every answer comes from shixian::Calendar; roll= and numpy's
// half-open counts are translated into Calendar calls, not computed here.
#include "calendar_ops.hpp"

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <algorithm>
#include <unordered_map>

#include "dates.hpp"
#include "errors.hpp"

namespace shixian::python {

namespace {

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
    static const py::handle np = forever(py::module_::import("numpy"));
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

// Runs fn(i) for every element i with the GIL released (fn touches no Python object).
template <class Fn>
void for_each(std::size_t n, Fn fn) {
  py::gil_scoped_release release;
  for (std::size_t i = 0; i < n; ++i) fn(i);
}

[[noreturn]] void element_error(const Error& e, std::size_t i, std::size_t n) { raise_at(e, i, n); }

}  // namespace

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

namespace {

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

}  // namespace

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
  py::array result = output(out, day_dtype(), shape);
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
    const Date a = to_date(p, i, n), b = to_date(q, i, n);
    if (!numpy_count) {
      auto r = cal.workdays_between(a, b);
      if (!r.has_value()) element_error(r.error(), i, n);
      return *r;
    }
    // Working days in [lo, hi) = (lo-1, hi-1], negated when b < a (numpy's sign).
    const Date lo = std::min(a, b), hi = std::max(a, b);
    const std::int64_t sign = a <= b ? 1 : -1;
    if (auto r = cal.workdays_between(lo - 1, hi - 1); r.has_value()) return sign * *r;
    // lo is the calendar's first day: (lo, hi] plus lo itself, minus hi.
    auto r = cal.workdays_between(lo, hi);
    if (!r.has_value()) element_error(r.error(), i, n);
    auto at_lo = cal.is_workday(lo), at_hi = cal.is_workday(hi);
    if (!at_lo.has_value()) element_error(at_lo.error(), i, n);
    if (!at_hi.has_value()) element_error(at_hi.error(), i, n);
    return sign * (std::int64_t{*r} + (*at_lo ? 1 : 0) - (*at_hi ? 1 : 0));
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

}  // namespace shixian::python
