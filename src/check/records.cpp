// Task register and publication log rows → TaskRecord / PublicationRecord.
// A row that cannot be used becomes an InputProblem (file, line, column,
// message) and the reader moves on.
#include <algorithm>
#include <charconv>

#include "check/reader.hpp"
#include "check/util.hpp"

namespace shixian {

namespace {

enum TaskColumn : std::size_t { t_id, t_title, t_lead, t_units, t_rule, t_year, t_events };
enum PubColumn : std::size_t { p_task, p_published, p_withdrawn, p_url, p_title, p_obligation };

std::vector<detail::ColumnSpec> task_columns() {
  return {
      {{"id", "编号", "序号", "任务编号", "task_id"}, true},
      {{"title", "事项", "工作事项", "任务", "公开事项"}, false},
      {{"lead", "牵头单位", "责任部门"}, false},
      {{"units", "责任单位", "配合单位"}, false},
      {{"rule", "时限要求", "公开时限", "时间要求", "时限", "rules"}, true},
      {{"year", "年度", "计划年度"}, false},
      {{"events", "事件", "事件日期"}, false},
  };
}

std::vector<detail::ColumnSpec> publication_columns() {
  return {
      {{"task_id", "task", "id", "任务编号", "编号"}, true},
      {{"published", "发布时间", "发布日期", "公开时间", "公开日期"}, true},
      {{"withdrawn", "撤下时间", "撤下日期", "撤除日期", "公示结束"}, false},
      {{"url", "链接", "网址"}, false},
      {{"title", "标题"}, false},
      {{"obligation", "规则序号"}, false},
  };
}

}  // namespace

expected<Encoding, Error> parse_encoding(std::string_view name) {
  std::string n(name);
  for (char& c : n)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  if (n == "utf-8" || n == "utf8") return Encoding::utf8;
  if (n == "gb18030" || n == "gbk" || n == "gb2312" || n == "cp936") return Encoding::gb18030;
  return unexpected(Error{ErrorCode::invalid_argument, "未知的编码“" + std::string(name) + "”（可用：utf-8, gb18030）", {}, {}});
}

std::string InputProblem::to_string() const {
  std::string out = file;
  if (line) out += ":" + std::to_string(line);
  if (line && column) out += ":" + std::to_string(column);
  return out + ": " + message;
}

namespace detail {

// Readers for consecutive pieces of one file (Reader::open_parts). Reader is
// TaskReader or PublicationReader: each wraps one RecordReader.
template <typename Reader>
expected<std::vector<Reader>, Error> open_parts(const std::string& path, const ReadOptions& options, std::size_t parts) {
  constexpr std::uint64_t kMinPart = 4 << 20;  // smaller files: one thread reads them faster than two start
  auto whole = Reader::open(path, options);
  if (!whole) return unexpected(std::move(whole).error());
  std::vector<Reader> out;
  const RecordReader& first = *whole->reader_;
  parts = std::min<std::uint64_t>(parts, first.size() / kMinPart);
  if (parts > 1 && first.from_file()) {
    auto cuts = record_cuts(path, !first.jsonl(), parts);
    if (!cuts) return unexpected(std::move(cuts).error());
    for (std::size_t i = 0; i < cuts->size(); ++i) {
      auto part = i == 0 ? std::move(whole) : Reader::open(path, options);
      if (!part) return unexpected(std::move(part).error());
      const std::uint64_t end = i + 1 < cuts->size() ? (*cuts)[i + 1].offset : UINT64_MAX;
      if (!part->reader_->restrict_to((*cuts)[i], end)) {
        out.clear();  // the header reached past the first cut: read it whole
        break;
      }
      out.push_back(std::move(*part));
    }
    if (!out.empty()) return out;
    whole = Reader::open(path, options);
    if (!whole) return unexpected(std::move(whole).error());
  }
  out.push_back(std::move(*whole));
  return out;
}

}  // namespace detail

// ----------------------------------------------------------------------------
// TaskReader

TaskReader::TaskReader(std::unique_ptr<detail::RecordReader> r) : reader_(std::move(r)) {}
TaskReader::TaskReader(TaskReader&&) noexcept = default;
TaskReader& TaskReader::operator=(TaskReader&&) noexcept = default;
TaskReader::~TaskReader() = default;

expected<TaskReader, Error> TaskReader::open(const std::string& path, const ReadOptions& options) {
  auto r = detail::RecordReader::open(path, options, task_columns());
  if (!r) return unexpected(std::move(r).error());
  return TaskReader(std::move(*r));
}

expected<TaskReader, Error> TaskReader::from_string(std::string text, std::string name, const ReadOptions& options) {
  auto r = detail::RecordReader::from_string(std::move(text), std::move(name), options, task_columns());
  if (!r) return unexpected(std::move(r).error());
  return TaskReader(std::move(*r));
}

expected<std::vector<TaskReader>, Error> TaskReader::open_parts(const std::string& path, const ReadOptions& options,
                                                               std::size_t parts) {
  return detail::open_parts<TaskReader>(path, options, parts);
}

bool TaskReader::shares_ids_with(const TaskReader& earlier) const {
  if (earlier.seen_.empty()) return false;
  for (const std::uint64_t h : seen_) {
    if (h != 0 && earlier.seen_[earlier.seen_slot(h)] == h) return true;
  }
  return false;
}

std::size_t TaskReader::seen_slot(std::uint64_t h) const {
  const std::size_t mask = seen_.size() - 1;
  std::size_t slot = (h >> 7) & mask;
  while (seen_[slot] != 0 && seen_[slot] != h) slot = (slot + 1) & mask;
  return slot;
}

std::uint64_t TaskReader::part_position() const { return reader_->part_position(); }
std::uint64_t TaskReader::position() const { return reader_->position(); }
std::uint64_t TaskReader::size() const { return reader_->size(); }

void TaskReader::grow_seen() {
  std::vector<std::uint64_t> old = std::move(seen_);
  std::vector<std::uint32_t> old_lines = std::move(seen_lines_);
  seen_.assign(std::max<std::size_t>(1024, old.size() * 2), 0);
  seen_lines_.assign(seen_.size(), 0);
  for (std::size_t i = 0; i < old.size(); ++i) {
    if (old[i] == 0) continue;
    const std::size_t slot = seen_slot(old[i]);
    seen_[slot] = old[i], seen_lines_[slot] = old_lines[i];
  }
}

bool TaskReader::next(TaskRecord& out, std::vector<InputProblem>& problems) {
  detail::RecordReader& r = *reader_;
  while (r.next(problems)) {
    const std::string_view id = r.value(t_id);
    if (id.empty()) {
      problems.push_back(r.problem(t_id, "缺少任务编号（id），本行跳过"));
      continue;
    }
    // Duplicate ids: an open-addressing set of 64-bit hashes with the line of
    // the first occurrence, filled to 3/4: about 16 bytes per task. The slot
    // is fetched now and looked at after the row is parsed: for a large
    // register the set is far bigger than the cache.
    const std::uint64_t h = detail::table_hash(id) | 1;  // 0 marks an empty slot
    if ((seen_count_ + 1) * 4 > seen_.size() * 3) grow_seen();
    __builtin_prefetch(&seen_[(h >> 7) & (seen_.size() - 1)]);
    const std::string_view rule = r.value(t_rule);
    if (rule.empty()) {
      problems.push_back(r.problem(t_rule, "任务“" + std::string(id) + "”缺少时限要求（rule），本行跳过"));
      continue;
    }
    std::optional<int> year;
    if (r.has(t_year)) {
      const std::string_view y = r.value(t_year);
      int v = 0;
      const auto [p, ec] = std::from_chars(y.data(), y.data() + y.size(), v);
      std::string_view rest(p, static_cast<std::size_t>(y.data() + y.size() - p));
      if (rest == "年") rest = {};
      if (ec != std::errc() || !rest.empty() || v < 1900 || v > 2200) {
        problems.push_back(r.problem(t_year, "年度“" + std::string(y) + "”无效（应为1900–2200的年份），本行跳过"));
        continue;
      }
      year = v;
    }
    out.events.clear();
    bool bad = false;
    if (r.has(t_events)) {
      std::string message;
      bad = !detail::parse_events(r.value(t_events), out.events, message);
      if (bad) problems.push_back(r.problem(t_events, "任务“" + std::string(id) + "”的事件" + message + "，本行跳过"));
    }
    if (bad) continue;
    out.id.assign(id);
    out.title.assign(r.value(t_title));
    out.lead.assign(r.value(t_lead));
    out.units.assign(r.value(t_units));
    out.rule.assign(rule);
    // Stored field by field: copying the optional whole made GCC reload it as
    // one 8-byte word over two narrower stores, a store-forwarding stall
    // that waited for every store before it (a third of this function).
    if (year) out.year.emplace(*year);
    else out.year.reset();
    out.line = r.line();
    const std::size_t slot = seen_slot(h);
    if (seen_[slot] == h) {
      problems.push_back(r.problem(t_id, "任务编号“" + std::string(id) + "”重复（首次出现在第" +
                                             std::to_string(seen_lines_[slot]) + "行），本行跳过"));
      continue;
    }
    seen_[slot] = h, seen_lines_[slot] = r.line();
    ++seen_count_;
    return true;
  }
  return false;
}

// ----------------------------------------------------------------------------
// PublicationReader

PublicationReader::PublicationReader(std::unique_ptr<detail::RecordReader> r) : reader_(std::move(r)) {}
PublicationReader::PublicationReader(PublicationReader&&) noexcept = default;
PublicationReader& PublicationReader::operator=(PublicationReader&&) noexcept = default;
PublicationReader::~PublicationReader() = default;

expected<PublicationReader, Error> PublicationReader::open(const std::string& path, const ReadOptions& options) {
  auto r = detail::RecordReader::open(path, options, publication_columns());
  if (!r) return unexpected(std::move(r).error());
  return PublicationReader(std::move(*r));
}

expected<std::vector<PublicationReader>, Error> PublicationReader::open_parts(const std::string& path,
                                                                             const ReadOptions& options,
                                                                             std::size_t parts) {
  return detail::open_parts<PublicationReader>(path, options, parts);
}

expected<PublicationReader, Error> PublicationReader::from_string(std::string text, std::string name,
                                                                  const ReadOptions& options) {
  auto r = detail::RecordReader::from_string(std::move(text), std::move(name), options, publication_columns());
  if (!r) return unexpected(std::move(r).error());
  return PublicationReader(std::move(*r));
}

std::uint64_t PublicationReader::part_position() const { return reader_->part_position(); }
std::uint64_t PublicationReader::part_size() const { return reader_->part_size(); }

bool PublicationReader::next(PublicationRecord& out, std::vector<InputProblem>& problems) {
  detail::RecordReader& r = *reader_;
  while (r.next(problems)) {
    const std::string_view id = r.value(p_task);
    if (id.empty()) {
      problems.push_back(r.problem(p_task, "缺少任务编号（task_id），本行跳过"));
      continue;
    }
    if (!r.has(p_published)) {
      problems.push_back(r.problem(p_published, "缺少发布时间（published），本行跳过"));
      continue;
    }
    auto published = detail::parse_timestamp(r.value(p_published));
    if (!published) {
      problems.push_back(r.problem(p_published, "发布时间“" + std::string(r.value(p_published)) + "”无效：" +
                                                    published.error().message + "，本行跳过"));
      continue;
    }
    std::optional<EventTime> withdrawn;
    if (r.has(p_withdrawn)) {
      auto w = detail::parse_timestamp(r.value(p_withdrawn));
      if (!w) {
        problems.push_back(r.problem(p_withdrawn, "撤下时间“" + std::string(r.value(p_withdrawn)) + "”无效：" +
                                                      w.error().message + "，本行跳过"));
        continue;
      }
      // Date-times where both have one (published 15:00, withdrawn 09:00 the same day is a bad row);
      // a date-only side covers the whole day.
      const bool same_day_earlier = w->date == published->date && w->has_time() && published->has_time() &&
                                    w->minute < published->minute;
      if (w->date < published->date || same_day_earlier) {
        problems.push_back(r.problem(p_withdrawn, "撤下时间早于发布时间，本行跳过"));
        continue;
      }
      withdrawn = *w;
    }
    std::uint16_t obligation = 0;
    if (r.has(p_obligation)) {
      const std::string_view o = r.value(p_obligation);
      unsigned v = 0;
      const auto [p, ec] = std::from_chars(o.data(), o.data() + o.size(), v);
      if (ec != std::errc() || p != o.data() + o.size() || v < 1 || v > 999) {
        problems.push_back(r.problem(p_obligation, "规则序号“" + std::string(o) + "”无效（应为从1起的序号），本行跳过"));
        continue;
      }
      obligation = static_cast<std::uint16_t>(v);
    }
    out.task_id.assign(id);
    out.published = *published;
    out.withdrawn = withdrawn;
    out.url.assign(keep_text_ ? r.value(p_url) : std::string_view());
    out.title.assign(keep_text_ ? r.value(p_title) : std::string_view());
    out.obligation = obligation;
    out.line = r.line();
    return true;
  }
  return false;
}

}  // namespace shixian
