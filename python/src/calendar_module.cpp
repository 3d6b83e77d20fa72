// shixian.Calendar, DayInfo, HolidayBlock, YearSource and the calendar
// functions of the module (the vectorised work is in calendar_ops.cpp), with
// their docstrings; the numpy spellings is_busday, busday_offset, busday_count.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <fstream>
#include <memory>
#include <sstream>

#include "bindings.hpp"
#include "calendar_ops.hpp"
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

// One path (str or os.PathLike) or an iterable of them, as a list: a lone "2027.txt" is one file,
// not seven one-character names.
py::list paths_list(py::handle value, const char* what) {
  static const py::handle path_like = forever(py::module_::import("os").attr("PathLike"));
  if (PyUnicode_Check(value.ptr()) || py::isinstance(value, path_like)) {
    py::list one;
    one.append(value);
    return one;
  }
  if (!py::isinstance<py::iterable>(value)) raise_invalid(std::string(what) + " 应为文件路径或路径的列表");
  return py::list(py::reinterpret_borrow<py::iterable>(value));
}

PyCalendar make_calendar(bool strict, const py::list& years, const py::list& overlays, bool builtin_data,
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
      .def(py::init([](bool strict, py::handle years_arg, py::handle overlays_arg, bool builtin_data,
                       int first_year, int last_year) {
             const py::list years = paths_list(years_arg, "years"), overlays = paths_list(overlays_arg, "overlays");
             if (!strict && years.empty() && overlays.empty() && builtin_data && first_year == 2001 &&
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
