// Rules from Python: parse, due, explain, extract. Each is one call of the
// C++ API (shixian/parse.hpp, evaluate.hpp, extract.hpp); this file only
// converts arguments and results.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <fstream>
#include <sstream>

#include "bindings.hpp"
#include "dates.hpp"
#include "errors.hpp"
#include "shixian/evaluate.hpp"
#include "shixian/extract.hpp"
#include "shixian/parse.hpp"

namespace shixian::python {

namespace {

// An event's time: a datetime (or a datetime64 finer than a day) has a time of
// day, a date does not; strings are read by parse_event_time.
EventTime event_time(const std::string& name, py::handle value) {
  PyObject* o = value.ptr();
  if (PyUnicode_Check(o)) {
    auto t = parse_event_time(py::cast<std::string>(value));
    if (!t.has_value()) {
      Error e = t.error();
      e.message = "事件“" + name + "”：" + e.message;
      raise(std::move(e));
    }
    return *t;
  }
  static const py::handle datetime_type = forever(py::module_::import("datetime").attr("datetime"));
  static const py::handle datetime64 = forever(py::module_::import("numpy").attr("datetime64"));
  std::optional<std::int64_t> days;
  try {
    days = scalar_days(value);
  } catch (PythonError& e) {
    e.error.message = "事件“" + name + "”：" + e.error.message;
    throw;
  }
  if (!days) raise_invalid("事件“" + name + "”的日期应为 datetime.date、datetime.datetime、numpy.datetime64 或字符串");
  EventTime t{to_date(*days), -1};
  if (py::isinstance(value, datetime_type)) {
    t.minute = static_cast<std::int16_t>(value.attr("hour").cast<int>() * 60 + value.attr("minute").cast<int>());
  } else if (py::isinstance(value, datetime64)) {
    const std::string unit = py::str(value.attr("dtype").attr("str"));
    if (unit.find("[D]") == std::string::npos && unit.find("[W]") == std::string::npos &&
        unit.find("[M]") == std::string::npos && unit.find("[Y]") == std::string::npos) {
      py::object minutes = value.attr("astype")("datetime64[m]").attr("astype")("int64");
      const std::int64_t m = minutes.cast<std::int64_t>();
      t.minute = static_cast<std::int16_t>(((m % 1440) + 1440) % 1440);
    }
  }
  return t;
}

Context make_context(py::handle year, py::handle events, const Calendar& calendar) {
  Context ctx;
  if (auto y = year_arg(year, calendar)) ctx.year(*y);
  if (!events.is_none()) {
    if (!py::isinstance<py::dict>(events)) raise_invalid("events 应为 dict：事件名 → 日期");
    for (auto [k, v] : py::reinterpret_borrow<py::dict>(events)) {
      const std::string name = py::str(k);
      ctx.event(name, event_time(name, v));
    }
  }
  return ctx;
}

Rule parse_or_raise(const std::string& text) {
  auto r = parse(text);
  if (!r.has_value()) raise(r.error(), text);
  return std::move(*r);
}

struct PyDeadline {
  Deadline d;
};

struct PySchedule {
  std::string rule, canonical, kind, classification;
  std::vector<std::string> readings, notes;
  std::vector<PyDeadline> deadlines;
};

py::object optional_date(bool has, Date d) { return has ? date_object(d) : py::object(py::none()); }

std::string read_document(py::handle text_or_path) {
  static const py::handle path_like = forever(py::module_::import("os").attr("PathLike"));
  if (py::isinstance(text_or_path, path_like)) {
    const std::string path = py::str(py::module_::import("os").attr("fspath")(text_or_path));
    std::ifstream in(path, std::ios::binary);
    if (!in) raise(Error{ErrorCode::io_error, "无法读取文件", {}, path});
    std::ostringstream buf;
    buf << in.rdbuf();
    std::string bytes = buf.str();
    if (bytes.rfind("\xEF\xBB\xBF", 0) == 0) bytes.erase(0, 3);
    if (auto at = invalid_utf8_at(bytes)) {
      raise(Error{ErrorCode::invalid_argument, "文件不是有效的 UTF-8（第" + std::to_string(*at + 1) + "字节）", {}, path});
    }
    return bytes;
  }
  if (!PyUnicode_Check(text_or_path.ptr())) raise_invalid("期望文本（str）或文件路径（pathlib.Path）");
  Py_ssize_t size = 0;
  const char* utf8 = PyUnicode_AsUTF8AndSize(text_or_path.ptr(), &size);
  if (utf8 == nullptr) {  // lone surrogates: not encodable as UTF-8
    PyErr_Clear();
    raise_invalid("文本含有无法编码为 UTF-8 的字符（孤立的代理项）");
  }
  return std::string(utf8, static_cast<std::size_t>(size));
}

py::dict found_dict(const Found& f) {
  py::dict d;
  d["start"] = f.start;
  d["end"] = f.end;
  d["line"] = f.line;
  d["text"] = f.text;
  d["canonical"] = f.canonical;
  d["kind"] = to_string(f.kind);
  d["trigger"] = f.trigger;
  d["action"] = f.action;
  d["note"] = f.note;  // 同上: the line whose rule it takes; else ""
  return d;
}

}  // namespace

Policy policy_from(py::handle policy) {
  Policy p;
  if (policy.is_none()) return p;
  if (!py::isinstance<py::dict>(policy)) raise_invalid("policy 应为 dict：键 → 值（见 shixian.policy_keys()）");
  for (auto [k, v] : py::reinterpret_borrow<py::dict>(policy)) {
    std::string value;
    if (PyBool_Check(v.ptr())) value = v.cast<bool>() ? "yes" : "no";
    else if (py::isinstance<py::list>(v) || py::isinstance<py::tuple>(v)) {
      for (py::handle x : v) value += (value.empty() ? "" : ",") + py::str(x).cast<std::string>();
    } else value = py::str(v);
    auto ok = set_policy(p, py::str(k).cast<std::string>(), value);
    if (!ok.has_value()) raise(ok.error());
  }
  return p;
}

void bind_rules(py::module_& m) {
  py::class_<PyDeadline>(m, "Deadline", "One deadline of a rule: label, due date, the period it covers, flags.")
      .def_property_readonly("label", [](const PyDeadline& x) { return std::string(x.d.label); })
      .def_property_readonly("type", [](const PyDeadline& x) { return to_string(x.d.type); },
                             "by, count, min_duration or continuous")
      .def_property_readonly("has_due", [](const PyDeadline& x) { return x.d.has_due; })
      .def_property_readonly("due", [](const PyDeadline& x) { return optional_date(x.d.has_due, x.d.due); },
                             "by the end of this day (or at `time` for hour rules); None when unknown")
      .def_property_readonly("time",
                             [](const PyDeadline& x) -> py::object {
                               if (!x.d.has_time()) return py::none();
                               return py::module_::import("datetime").attr("time")(x.d.minute / 60, x.d.minute % 60);
                             })
      .def_property_readonly("due_string", [](const PyDeadline& x) { return x.d.due_string(); })
      .def_property_readonly("period_start", [](const PyDeadline& x) { return optional_date(x.d.has_due, x.d.period_start); })
      .def_property_readonly("period_end", [](const PyDeadline& x) { return optional_date(x.d.has_due, x.d.period_end); })
      .def_property_readonly("period",
                             [](const PyDeadline& x) {
                               return py::make_tuple(optional_date(x.d.has_due, x.d.period_start),
                                                     optional_date(x.d.has_due, x.d.period_end));
                             })
      .def_property_readonly("at_least", [](const PyDeadline& x) { return x.d.at_least; })
      .def_property_readonly("min_days", [](const PyDeadline& x) { return x.d.min_days; })
      .def_property_readonly("min_working_days", [](const PyDeadline& x) { return x.d.min_working_days; })
      .def_property_readonly("provisional", [](const PyDeadline& x) { return x.d.provisional; },
                             "rests on a projected calendar year")
      .def_property_readonly("assumed",
                             [](const PyDeadline& x) {
                               std::vector<std::string> out;
                               for (auto a : assumption_names(x.d.assumed)) out.emplace_back(a);
                               return out;
                             })
      .def_property_readonly("item", [](const PyDeadline& x) { return x.d.item; })
      .def("__repr__", [](const PyDeadline& x) {
        std::string s = "Deadline(" + std::string(x.d.label) + ", " + (x.d.has_due ? x.d.due_string() : "no due");
        if (x.d.provisional) s += ", provisional";
        return s + ")";
      });

  py::class_<PySchedule>(m, "Schedule", "The deadlines of a rule for a context; a sequence of Deadline.")
      .def_readonly("rule", &PySchedule::rule)
      .def_readonly("canonical", &PySchedule::canonical)
      .def_readonly("kind", &PySchedule::kind)
      .def_readonly("classification", &PySchedule::classification, "checkable, ongoing, unspecified or external")
      .def_readonly("readings", &PySchedule::readings)
      .def_readonly("notes", &PySchedule::notes)
      .def_readonly("deadlines", &PySchedule::deadlines)
      .def("__len__", [](const PySchedule& s) { return s.deadlines.size(); })
      .def("__getitem__",
           [](const PySchedule& s, py::ssize_t i) {
             const auto n = static_cast<py::ssize_t>(s.deadlines.size());
             if (i < 0) i += n;
             if (i < 0 || i >= n) throw py::index_error("Schedule index out of range");
             return s.deadlines[static_cast<std::size_t>(i)];
           })
      .def("__iter__",
           [](const PySchedule& s) { return py::make_iterator(s.deadlines.begin(), s.deadlines.end()); },
           py::keep_alive<0, 1>())
      .def("__repr__", [](const PySchedule& s) {
        std::string out = "Schedule(" + s.canonical + ": ";
        for (std::size_t i = 0; i < s.deadlines.size(); ++i) {
          out += (i ? ", " : "") + std::string(s.deadlines[i].d.label) + " " + s.deadlines[i].d.due_string();
        }
        return out + ")";
      });

  m.def("parse",
        [](const std::string& rule) {
          const Rule r = parse_or_raise(rule);
          py::dict d = py::module_::import("json").attr("loads")(to_json(r));
          d["rule"] = rule;
          return d;
        },
        py::arg("rule"), R"doc(
Parses a time rule: a dict with "kind", "canonical" (the one canonical phrase)
and "items" (each with its "type", fields, "label" and "span" in UTF-8 bytes).
Raises shixian.ParseError with the position and a caret line.
)doc");
  m.def("canonical", [](const std::string& rule) { return canonical(parse_or_raise(rule)); }, py::arg("rule"),
        "The canonical phrase of a rule: 三个工作日内 → 3个工作日内.");
  m.def("due",
        [](const std::string& rule, py::handle year, py::handle events, py::handle policy, py::handle calendar) {
          const Rule r = parse_or_raise(rule);
          const Calendar& cal = calendar_of(calendar);
          const Context ctx = make_context(year, events, cal);
          const Policy p = policy_from(policy);
          auto s = compile(r, cal, p).evaluate(ctx);
          if (!s.has_value()) raise(s.error());
          PySchedule out{rule, canonical(r), to_string(r.kind), to_string(s->classification),
                         {s->readings.begin(), s->readings.end()}, s->notes, {}};
          for (const Deadline& d : *s) out.deadlines.push_back({d});
          return out;
        },
        py::arg("rule"), py::arg("year") = py::none(), py::arg("events") = py::none(), py::arg("policy") = py::none(),
        py::kw_only(), py::arg("calendar") = py::none(), R"doc(
The deadlines of a rule: a Schedule (a sequence of Deadline with label, due,
period_start/period_end, provisional, assumed …).

year: the plan year; events: {event name: date, datetime or "yyyy-mm-dd[THH:MM]"}
(names match the rule's trigger directly or through the lexicon: 文件形成 ≡ 形成文件);
policy: {key: value} as shixian.policy_keys() lists. Raises ParseError,
MissingContextError (its `needed` names what would do) or ProjectedYearError.
)doc");
  m.def("explain",
        [](const std::string& rule, py::handle year, py::handle events, py::handle policy, py::handle calendar) {
          const Rule r = parse_or_raise(rule);
          const Calendar& cal = calendar_of(calendar);
          const Context ctx = make_context(year, events, cal);
          const Policy p = policy_from(policy);
          return compile(r, cal, p).explain(ctx);
        },
        py::arg("rule"), py::arg("year") = py::none(), py::arg("events") = py::none(), py::arg("policy") = py::none(),
        py::kw_only(), py::arg("calendar") = py::none(),
        "The computation of due() as steps a person can check (Chinese text).");
  m.def("policy_keys", [] { return policy_keys(); }, "The policy keys and their defaults: [(key, default), …].");
  m.def("canonical_event",
        [](const std::string& trigger) -> py::object {
          auto e = canonical_event(trigger);
          if (!e) return py::none();
          return py::str(std::string(*e));
        },
        py::arg("trigger"), "The event key a trigger phrase stands for (文件形成 → 形成文件), or None.");
  m.def("extract",
        [](py::handle text_or_path, py::handle year, py::handle html) {
          const std::optional<int> given = year_arg(year, 1900, 2200);  // the CLI's --year range
          std::string text = read_document(text_or_path);
          const bool is_html = html.is_none() ? looks_like_html(text) : html.cast<bool>();
          if (is_html) text = html_to_text(text);
          Extraction found;
          std::optional<int> plan_year;
          {
            py::gil_scoped_release release;
            found = extract_all(text);
            plan_year = detect_plan_year(text);
          }
          py::dict out;
          if (given) plan_year = given;
          out["year"] = plan_year ? py::object(py::int_(*plan_year)) : py::object(py::none());
          py::list rules, unrecognized;
          for (const Found& f : found.found) rules.append(found_dict(f));
          for (const Unrecognized& u : found.unrecognized) {
            py::dict d;
            d["start"] = u.start;
            d["end"] = u.end;
            d["line"] = u.line;
            d["text"] = u.text;
            d["reason"] = u.reason;  // why, where extract knows more than "does not parse"; else ""
            unrecognized.append(d);
          }
          out["found"] = rules;
          out["unrecognized"] = unrecognized;
          return out;
        },
        py::arg("text_or_path"), py::kw_only(), py::arg("year") = py::none(), py::arg("html") = py::none(), R"doc(
The time rules in a plan document: {"year": plan year (given, or detected from
the title, or None), "found": [{start, end, line, text, canonical, kind,
trigger, action, note}], "unrecognized": [{start, end, line, text, reason}]}.
note says how a table cell 同上 was read (the row whose rule it takes), reason
why a span is not a rule where extract knows (同上 with nothing above, 年底或次年初);
both "" otherwise. Offsets count
characters. A str is the text itself; a pathlib.Path (os.PathLike) is read as
a UTF-8 file. HTML is converted to text (detected, or html=True/False).
)doc");
  m.def("_extract_tasks",
        [](py::handle text_or_path, py::handle year, py::handle html) {
          std::string text = read_document(text_or_path);
          const bool is_html = html.is_none() ? looks_like_html(text) : html.cast<bool>();
          if (is_html) text = html_to_text(text);
          std::optional<int> plan_year = year_arg(year, 1900, 2200);
          if (!plan_year) plan_year = detect_plan_year(text);
          std::vector<Task> tasks = extract_tasks(text);
          py::list rows;
          for (const Task& t : tasks) {
            py::dict d;
            d["id"] = t.id;
            d["title"] = t.title;
            d["lead"] = t.lead;
            d["units"] = t.units;
            d["rule"] = t.rule;
            d["year"] = plan_year ? py::object(py::int_(*plan_year)) : py::object(py::none());
            rows.append(d);
          }
          return py::make_tuple(rows, plan_year ? py::object(py::int_(*plan_year)) : py::object(py::none()),
                                tasks_csv(tasks, plan_year));
        },
        py::arg("text_or_path"), py::arg("year") = py::none(), py::arg("html") = py::none());
}

}  // namespace shixian::python
