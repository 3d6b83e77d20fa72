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
#include <filesystem>
#include <unordered_map>

#include "bindings.hpp"
#include "dates.hpp"
#include "errors.hpp"
#include "shixian/check.hpp"

namespace shixian::python {

namespace {

class StringPool {
 public:
  StringPool() { id(""); }  // id 0: the empty string, the most common value of several columns
  std::uint32_t id(std::string_view s) {
    if (s.empty() && !strings_.empty()) return 0;
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

// Values that change once per task (id, title, lead): appended to one arena
// when they differ from the previous row's, never hashed (a register's ids
// are unique, so interning them bought nothing and cost a quarter of the time).
class RunPool {
 public:
  std::uint32_t id(std::string_view s) {
    if (!spans_.empty() && std::string_view(arena_).substr(spans_.back().first, spans_.back().second) == s) {
      return static_cast<std::uint32_t>(spans_.size() - 1);
    }
    spans_.emplace_back(arena_.size(), s.size());
    arena_.append(s);
    return static_cast<std::uint32_t>(spans_.size() - 1);
  }
  void reserve(std::size_t bytes, std::size_t runs) { arena_.reserve(bytes), spans_.reserve(runs); }
  std::size_t size() const { return spans_.size(); }
  std::string_view at(std::uint32_t id) const {
    return std::string_view(arena_).substr(spans_[id].first, spans_[id].second);
  }

 private:
  std::string arena_;
  std::vector<std::pair<std::size_t, std::size_t>> spans_;
};

// The last value of one column and its id: a task's findings share its id, title, lead and
// (mostly) rule, so most rows need no hash lookup at all.
struct LastValue {
  std::string text;
  std::uint32_t id = 0;
  std::uint32_t get(StringPool& pool, std::string_view s) {
    if (s.empty()) return 0;
    if (s == text) return id;
    text.assign(s);
    return id = pool.id(s);
  }
};

struct Columns {
  StringPool pool;  // rule, label, message, needed, due_time: few distinct values
  RunPool task_id_runs, title_runs, lead_runs;
  LastValue last_rule, last_label, last_message, last_needed;
  std::vector<std::uint32_t> task_id, lead, title, rule, label, message, needed, due_time;
  std::vector<std::uint8_t> verdict, type;
  std::vector<std::int64_t> obligation, line, due, period_start, period_end, published, withdrawn;
  std::vector<std::int64_t> late_workdays, late_days, required, found;
  std::vector<bool> provisional;

  /// Room for about this many findings: growing 22 columns by doubling cost more (page
  /// faults and copies) than the checking itself on a large register.
  void reserve(std::size_t n, std::size_t register_bytes) {
    for (RunPool* r : {&task_id_runs, &title_runs, &lead_runs}) r->reserve(register_bytes / 2, n / 2);
    for (auto* v : {&task_id, &lead, &title, &rule, &label, &message, &needed, &due_time}) v->reserve(n);
    for (auto* v : {&verdict, &type}) v->reserve(n);
    for (auto* v : {&obligation, &line, &due, &period_start, &period_end, &published, &withdrawn, &late_workdays,
                    &late_days, &required, &found}) {
      v->reserve(n);
    }
    provisional.reserve(n);
  }

  void add(const Finding& f) {
    task_id.push_back(task_id_runs.id(f.task_id));
    lead.push_back(lead_runs.id(f.lead));
    title.push_back(title_runs.id(f.title));
    rule.push_back(last_rule.get(pool, f.rule));
    label.push_back(last_label.get(pool, f.label));
    message.push_back(last_message.get(pool, f.message));
    needed.push_back(last_needed.get(pool, f.needed));
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

// The column's vector handed to numpy without a copy: the array owns it (through a capsule).
py::array int_column(std::vector<std::int64_t>&& v, const char* dtype = nullptr) {
  auto* owned = new std::vector<std::int64_t>(std::move(v));
  py::capsule free_when_done(owned, [](void* p) { delete static_cast<std::vector<std::int64_t>*>(p); });
  const std::vector<py::ssize_t> shape{static_cast<py::ssize_t>(owned->size())};
  return dtype ? py::array(py::dtype(dtype), shape, owned->data(), free_when_done)
               : py::array(py::dtype::of<std::int64_t>(), shape, owned->data(), free_when_done);
}

// An object array of the strings `ids` name; the ids are freed once used.
py::array object_column(std::vector<std::uint32_t>&& ids_in, const std::vector<py::object>& strings) {
  const std::vector<std::uint32_t> ids = std::move(ids_in);
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

std::vector<py::object> python_strings(const RunPool& runs) {
  std::vector<py::object> out;
  out.reserve(runs.size());
  for (std::uint32_t i = 0; i < runs.size(); ++i) {
    const std::string_view s = runs.at(i);
    out.push_back(py::str(s.data(), s.size()));
  }
  return out;
}

py::dict columns_dict(Columns& c) {  // consumes the columns: peak memory one copy, not two
  std::vector<py::object> strings;
  strings.reserve(c.pool.size());
  for (std::uint32_t i = 0; i < c.pool.size(); ++i) strings.push_back(py::str(c.pool.at(i)));
  std::vector<py::object> verdicts, types;
  for (std::size_t v = 0; v < kVerdictCount; ++v) verdicts.push_back(py::str(to_string(static_cast<Verdict>(v))));
  // Obligation's four values, then a name for any value a later version might add (never an index out of range).
  const char* type_names[] = {"by", "count", "min_duration", "continuous"};
  for (const char* t : type_names) types.push_back(py::str(t));
  while (types.size() < 256) types.push_back(py::str("unknown"));
  const auto small = [](const std::vector<std::uint8_t>& v) {
    std::vector<std::uint32_t> out(v.begin(), v.end());
    return out;
  };
  py::dict d;
  d["task_id"] = object_column(std::move(c.task_id), python_strings(c.task_id_runs));
  d["obligation"] = int_column(std::move(c.obligation));
  d["line"] = int_column(std::move(c.line));
  d["lead"] = object_column(std::move(c.lead), python_strings(c.lead_runs));
  d["title"] = object_column(std::move(c.title), python_strings(c.title_runs));
  d["rule"] = object_column(std::move(c.rule), strings);
  d["label"] = object_column(std::move(c.label), strings);
  d["verdict"] = object_column(small(c.verdict), verdicts);
  d["type"] = object_column(small(c.type), types);
  d["due"] = int_column(std::move(c.due), "datetime64[D]");
  d["due_time"] = object_column(std::move(c.due_time), strings);
  d["period_start"] = int_column(std::move(c.period_start), "datetime64[D]");
  d["period_end"] = int_column(std::move(c.period_end), "datetime64[D]");
  d["published"] = int_column(std::move(c.published), "datetime64[m]");
  d["withdrawn"] = int_column(std::move(c.withdrawn), "datetime64[m]");
  d["late_workdays"] = int_column(std::move(c.late_workdays));
  d["late_days"] = int_column(std::move(c.late_days));
  d["required"] = int_column(std::move(c.required));
  d["found"] = int_column(std::move(c.found));
  py::array_t<bool> prov(static_cast<py::ssize_t>(c.provisional.size()));
  for (std::size_t i = 0; i < c.provisional.size(); ++i) prov.mutable_data()[i] = c.provisional[i];
  d["provisional"] = prov;
  d["message"] = object_column(std::move(c.message), strings);
  d["needed"] = object_column(std::move(c.needed), strings);
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
          if (!as_of_days || *as_of_days == kNaT) raise_invalid("as_of 应为日期（检查日）");
          options.as_of = to_date(*as_of_days);
          options.calendar = &calendar_of(calendar);
          options.year = year_arg(year, *options.calendar);
          options.policy = policy_from(policy);
          Columns columns;
          Checker::Sink sink;
          if (findings) {
            // About one finding per 32 bytes of register (the benchmark mix: 34); more only grows.
            std::error_code ec;
            const auto bytes = from_text ? tasks.size() : std::filesystem::file_size(tasks, ec);
            if (!ec) columns.reserve(std::min<std::uintmax_t>(bytes / 32, std::uintmax_t{1} << 28), std::min<std::uintmax_t>(bytes, std::uintmax_t{1} << 32));
            sink = [&columns](const Finding& f) { columns.add(f); };
          }
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
