// shixian.check from Python: the register and the log as file paths (read by
// check_files, as the CLI does) or as CSV text (a DataFrame written by pandas,
// read by TaskReader/PublicationReader::from_string and checked by check()).
// Findings are gathered as columns while the GIL is released, strings
// interned (a rule text, a lead, a label repeats across rows), and handed
// to Python as numpy arrays: one Python object per distinct string.
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <cstring>
#include <deque>
#include <unordered_map>

#include "bindings.hpp"
#include "dates.hpp"
#include "errors.hpp"
#include "shixian/check.hpp"

namespace shixian::python {

namespace {

class StringPool {
 public:
  std::uint32_t id(std::string_view s) {
    auto it = ids_.find(s);
    if (it != ids_.end()) return it->second;
    const auto id = static_cast<std::uint32_t>(strings_.size());
    strings_.emplace_back(s);
    ids_.emplace(strings_.back(), id);
    return id;
  }
  std::size_t size() const { return strings_.size(); }
  const std::string& at(std::uint32_t id) const { return strings_[id]; }

 private:
  std::deque<std::string> strings_;  // stable addresses: the map's keys view them
  std::unordered_map<std::string_view, std::uint32_t> ids_;
};

std::int64_t minutes_of(const EventTime& t) {
  return std::int64_t{t.date.days_since_epoch()} * 1440 + (t.has_time() ? t.minute : 0);
}

struct Columns {
  StringPool pool;
  std::vector<std::uint32_t> task_id, lead, title, rule, label, message, needed, due_time;
  std::vector<std::uint8_t> verdict, type;
  std::vector<std::int64_t> obligation, line, due, period_start, period_end, published, withdrawn;
  std::vector<std::int64_t> late_workdays, late_days, required, found;
  std::vector<bool> provisional;

  void add(const Finding& f) {
    task_id.push_back(pool.id(f.task_id));
    lead.push_back(pool.id(f.lead));
    title.push_back(pool.id(f.title));
    rule.push_back(pool.id(f.rule));
    label.push_back(pool.id(f.label));
    message.push_back(pool.id(f.message));
    needed.push_back(pool.id(f.needed));
    verdict.push_back(static_cast<std::uint8_t>(f.verdict));
    type.push_back(static_cast<std::uint8_t>(f.type));
    obligation.push_back(f.obligation);
    line.push_back(f.line);
    due.push_back(f.has_due ? f.due.days_since_epoch() : kNaT);
    if (f.has_due && f.due_minute >= 0) {
      const int h = f.due_minute / 60 % 24, m = f.due_minute % 60;  // [0, 1439] by contract
      const char hhmm[5] = {static_cast<char>('0' + h / 10), static_cast<char>('0' + h % 10), ':',
                            static_cast<char>('0' + m / 10), static_cast<char>('0' + m % 10)};
      due_time.push_back(pool.id(std::string_view(hhmm, 5)));
    } else {
      due_time.push_back(pool.id(""));
    }
    period_start.push_back(f.has_due ? f.period_start.days_since_epoch() : kNaT);
    period_end.push_back(f.has_due ? f.period_end.days_since_epoch() : kNaT);
    published.push_back(f.has_published ? minutes_of(f.published) : kNaT);
    withdrawn.push_back(f.withdrawn ? minutes_of(*f.withdrawn) : kNaT);
    late_workdays.push_back(f.late_workdays);
    late_days.push_back(f.late_days);
    required.push_back(f.required);
    found.push_back(f.found);
    provisional.push_back(f.provisional);
  }
};

py::array int_column(const std::vector<std::int64_t>& v, const char* dtype = nullptr) {
  const std::vector<py::ssize_t> shape{static_cast<py::ssize_t>(v.size())};
  py::array a = dtype ? py::array(py::dtype(dtype), shape) : py::array(py::dtype::of<std::int64_t>(), shape);
  if (!v.empty()) std::memcpy(a.mutable_data(), v.data(), v.size() * sizeof(std::int64_t));
  return a;
}

py::array object_column(const std::vector<std::uint32_t>& ids, const std::vector<py::object>& strings) {
  const std::vector<py::ssize_t> shape{static_cast<py::ssize_t>(ids.size())};
  py::array a(py::dtype("O"), shape);
  auto** p = static_cast<PyObject**>(a.mutable_data());
  for (std::size_t i = 0; i < ids.size(); ++i) {
    PyObject* s = strings[ids[i]].ptr();
    Py_INCREF(s);
    Py_XDECREF(p[i]);
    p[i] = s;
  }
  return a;
}

py::dict columns_dict(const Columns& c) {
  std::vector<py::object> strings;
  strings.reserve(c.pool.size());
  for (std::uint32_t i = 0; i < c.pool.size(); ++i) strings.push_back(py::str(c.pool.at(i)));
  std::vector<py::object> verdicts, types;
  for (std::size_t v = 0; v < kVerdictCount; ++v) verdicts.push_back(py::str(to_string(static_cast<Verdict>(v))));
  const char* type_names[] = {"by", "count", "min_duration", "continuous"};
  for (const char* t : type_names) types.push_back(py::str(t));
  const auto small = [](const std::vector<std::uint8_t>& v) {
    std::vector<std::uint32_t> out(v.begin(), v.end());
    return out;
  };
  py::dict d;
  d["task_id"] = object_column(c.task_id, strings);
  d["obligation"] = int_column(c.obligation);
  d["line"] = int_column(c.line);
  d["lead"] = object_column(c.lead, strings);
  d["title"] = object_column(c.title, strings);
  d["rule"] = object_column(c.rule, strings);
  d["label"] = object_column(c.label, strings);
  d["verdict"] = object_column(small(c.verdict), verdicts);
  d["type"] = object_column(small(c.type), types);
  d["due"] = int_column(c.due, "datetime64[D]");
  d["due_time"] = object_column(c.due_time, strings);
  d["period_start"] = int_column(c.period_start, "datetime64[D]");
  d["period_end"] = int_column(c.period_end, "datetime64[D]");
  d["published"] = int_column(c.published, "datetime64[m]");
  d["withdrawn"] = int_column(c.withdrawn, "datetime64[m]");
  d["late_workdays"] = int_column(c.late_workdays);
  d["late_days"] = int_column(c.late_days);
  d["required"] = int_column(c.required);
  d["found"] = int_column(c.found);
  py::array_t<bool> prov(static_cast<py::ssize_t>(c.provisional.size()));
  for (std::size_t i = 0; i < c.provisional.size(); ++i) prov.mutable_data()[i] = c.provisional[i];
  d["provisional"] = prov;
  d["message"] = object_column(c.message, strings);
  d["needed"] = object_column(c.needed, strings);
  return d;
}

py::dict item_dict(const ReportItem& r) {
  py::dict d;
  d["task_id"] = r.task_id;
  d["line"] = r.line;
  d["obligation"] = r.obligation;
  d["title"] = r.title;
  d["lead"] = r.lead;
  d["rule"] = r.rule;
  d["label"] = r.label;
  d["verdict"] = to_string(r.verdict);
  d["due"] = r.due;
  d["published"] = r.published;
  d["late_workdays"] = r.late_workdays;
  d["late_days"] = r.late_days;
  d["required"] = r.required;
  d["found"] = r.found;
  d["provisional"] = r.provisional;
  d["message"] = r.message;
  return d;
}

py::dict summary_dict(const Report& r) {
  py::dict d;
  d["tasks"] = r.tasks;
  d["publications"] = r.publications;
  d["deadlines"] = r.deadlines();
  d["decided"] = r.decided();
  d["failures"] = r.failures();
  d["on_time_rate"] = r.on_time_rate();
  d["provisional"] = r.provisional;
  d["rules_compiled"] = r.rules_compiled;
  py::dict counts;
  for (std::size_t v = 0; v < kVerdictCount; ++v) counts[to_string(static_cast<Verdict>(v))] = r.counts[v];
  d["counts"] = counts;
  py::list units;
  for (const UnitTotals& u : r.units) {
    py::dict x;
    x["unit"] = u.unit;
    for (std::size_t v = 0; v < kVerdictCount; ++v) x[to_string(static_cast<Verdict>(v))] = u.counts[v];
    x["on_time_rate"] = u.on_time_rate();
    units.append(x);
  }
  d["units"] = units;
  py::list attention, unresolved, problems;
  for (const ReportItem& i : r.attention) attention.append(item_dict(i));
  for (const ReportItem& i : r.unresolved) unresolved.append(item_dict(i));
  for (const InputProblem& p : r.problems) problems.append(p.to_string());
  d["attention"] = attention;
  d["unresolved"] = unresolved;
  d["problems"] = problems;
  d["problems_total"] = std::max<std::uint64_t>(r.problems_total, r.problems.size());
  d["summary_line"] = r.summary_line();
  d["text"] = render_text(r);
  return d;
}

ReadOptions read_options(py::handle encoding) {
  ReadOptions o;
  if (encoding.is_none()) return o;
  auto e = parse_encoding(py::cast<std::string>(encoding));
  if (!e.has_value()) raise(e.error());
  o.encoding = *e;
  return o;
}

}  // namespace

void bind_check(py::module_& m) {
  // _check(tasks, publications, from_text, as_of, year, calendar, policy_dict, findings, encodings)
  // → (columns dict or None, summary dict). The public shixian.check (shixian/_check.py) turns
  // DataFrames into CSV text and the columns into a DataFrame.
  m.def("_check",
        [](const std::string& tasks, const std::string& publications, bool from_text, py::handle as_of,
           py::handle year, py::handle calendar, py::handle policy, bool findings, py::handle tasks_encoding,
           py::handle publications_encoding) {
          CheckOptions options;
          auto as_of_days = scalar_days(as_of);
          if (!as_of_days) raise_invalid("as_of 应为日期");
          options.as_of = to_date(*as_of_days);
          if (!year.is_none()) options.year = year.cast<int>();
          options.calendar = &calendar_of(calendar);
          options.policy = policy_from(policy);
          Columns columns;
          Checker::Sink sink;
          if (findings) sink = [&columns](const Finding& f) { columns.add(f); };
          const ReadOptions tasks_read = read_options(tasks_encoding);
          const ReadOptions publications_read = read_options(publications_encoding);
          Report report;
          std::optional<Error> failure;
          {
            py::gil_scoped_release release;
            if (!from_text) {
              auto r = check_files(tasks, publications, options, sink, tasks_read, publications_read);
              if (r.has_value()) report = std::move(*r);
              else failure = r.error();
            } else {
              std::vector<InputProblem> problems;
              std::vector<TaskRecord> task_rows;
              std::vector<PublicationRecord> publication_rows;
              auto tr = TaskReader::from_string(tasks, "tasks", tasks_read);
              auto pr = PublicationReader::from_string(publications, "publications", publications_read);
              if (!tr.has_value()) failure = tr.error();
              else if (!pr.has_value()) failure = pr.error();
              else {
                TaskRecord t;
                while (tr->next(t, problems)) task_rows.push_back(t);
                PublicationRecord p;
                while (pr->next(p, problems)) publication_rows.push_back(p);
                report = check(task_rows, publication_rows, options, sink);
                report.problems.insert(report.problems.begin(), problems.begin(), problems.end());
                report.problems_total += problems.size();
              }
            }
          }
          if (failure) raise(*failure);
          py::object cols = findings ? py::object(columns_dict(columns)) : py::object(py::none());
          return py::make_tuple(cols, summary_dict(report));
        },
        py::arg("tasks"), py::arg("publications"), py::arg("from_text"), py::arg("as_of"), py::arg("year"),
        py::arg("calendar"), py::arg("policy"), py::arg("findings"), py::arg("tasks_encoding"),
        py::arg("publications_encoding"));
}

}  // namespace shixian::python
