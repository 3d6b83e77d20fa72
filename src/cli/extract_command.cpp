// `shixian extract DOC [--year Y] [--format text|jsonl]` and
// `shixian extract DOC --tasks [-o tasks.csv]`.
#include <iconv.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/input_file.hpp"
#include "cli/output_file.hpp"
#include "common/escape.hpp"
#include "common/text.hpp"
#include "shixian/extract.hpp"
#include "shixian/parse.hpp"

namespace shixian::cli {

namespace {

constexpr std::string_view kUsage =
    "用法：shixian extract DOC [--year Y] [--format text|jsonl] [--encoding utf-8|gb18030] [--html]\n"
    "      shixian extract DOC --tasks [-o tasks.csv] [--year Y]\n";

expected<std::string, std::string> from_gb18030(const std::string& bytes) {
  iconv_t cd = iconv_open("UTF-8", "GB18030");
  if (cd == reinterpret_cast<iconv_t>(-1)) return unexpected(std::string("本机的 iconv 不支持 GB18030"));
  std::string out(bytes.size() * 2 + 16, '\0');
  char* in = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size();
  char* dst = out.data();
  std::size_t out_left = out.size();
  while (in_left > 0) {
    if (iconv(cd, &in, &in_left, &dst, &out_left) == static_cast<std::size_t>(-1)) {
      if (errno == E2BIG) {
        const std::size_t used = static_cast<std::size_t>(dst - out.data());
        out.resize(out.size() * 2);
        dst = out.data() + used;
        out_left = out.size() - used;
        continue;
      }
      const std::size_t at = bytes.size() - in_left;
      iconv_close(cd);
      return unexpected("输入不是有效的 GB18030（第" + std::to_string(at + 1) + "字节）");
    }
  }
  iconv_close(cd);
  out.resize(static_cast<std::size_t>(dst - out.data()));
  return out;
}


std::string json_string(std::string_view s) {
  std::string out;
  detail::append_json_string(out, s);
  return out;
}

// The document's text at character offsets [b, e), with line breaks shown as ⏎.
std::string context(const std::string& text, const std::vector<std::size_t>& offs, std::size_t b, std::size_t e) {
  std::string out = text.substr(offs[b], offs[e] - offs[b]);
  std::string shown;
  for (char c : out) {
    if (c == '\n') shown += "⏎";
    else if (c == '\t') shown += " ";
    else if (c != '\r') shown += c;
  }
  return detail::escape_for_terminal(shown);
}

// The listing to -o (or stdout); exit 2 with the reason when it cannot be written.
int emit(const std::string& output, const std::string& listing, const std::string& input) {
  if (auto err = write_whole(output, listing, {input})) {
    std::cerr << "shixian extract: " << *err << "\n";
    return kExitUsage;
  }
  return kExitOk;
}

}  // namespace

int extract_command(int argc, char** argv, int first) {
  auto args = parse_args(argc, argv, first,
                         {{"--year", true}, {"--format", true}, {"--encoding", true}, {"--html", false},
                          {"--tasks", false}, {"-o", true}, {"--output", true}});
  if (!args || args->positional.size() != 1) {
    std::cerr << "shixian extract: " << (args ? std::string(kUsage) : args.error() + "\n" + std::string(kUsage));
    return kExitUsage;
  }
  if (args->has("--output")) args->options.emplace("-o", args->value("--output"));
  const std::string format = args->value("--format", "text");
  if (format != "text" && format != "jsonl") {
    std::cerr << "shixian extract: --format 只能是 text 或 jsonl\n";
    return kExitUsage;
  }
  const std::string path = args->positional[0];
  auto raw = read_input(path);
  if (!raw) {
    std::cerr << "shixian extract: " << detail::escape_for_terminal(raw.error()) << "\n";
    return kExitUsage;
  }
  std::string text = std::move(*raw);
  const std::string encoding = args->value("--encoding", "utf-8");
  if (text.find('\0') != std::string::npos) {
    std::cerr << "shixian extract: " << path << " 是二进制文件（含 NUL 字节），不是文本文档\n";
    return kExitUsage;
  }
  if (encoding == "gb18030" || encoding == "GB18030" || encoding == "gbk" || encoding == "GBK") {
    auto utf8 = from_gb18030(text);
    if (!utf8) {
      std::cerr << "shixian extract: " << path << "：" << utf8.error() << "\n";
      return kExitUsage;
    }
    text = std::move(*utf8);
  } else if (encoding != "utf-8" && encoding != "UTF-8" && encoding != "utf8") {
    std::cerr << "shixian extract: 不支持的编码“" << encoding << "”（可用：utf-8, gb18030）\n";
    return kExitUsage;
  } else if (const auto bad = invalid_utf8_at(text)) {
    const Location at = detail::locate(text, *bad);
    std::cerr << "shixian extract: " << path << ":" << at.line << ":" << at.column << ": 不是有效的 UTF-8（第"
              << *bad + 1 << "字节）；若为 GB18030/GBK 编码，请加 --encoding gb18030\n";
    return kExitUsage;
  }
  if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
  if (args->has("--html") || looks_like_html(text)) text = html_to_text(text);

  std::optional<int> year;
  if (args->has("--year")) {
    const std::string y = ascii_digits(args->value("--year"));
    char* end = nullptr;
    const long v = std::strtol(y.c_str(), &end, 10);
    if (y.empty() || *end != '\0' || v < 1900 || v > 2200) {
      std::cerr << "shixian extract: --year 应为1900–2200之间的年份，而不是“" << detail::escape_for_terminal(args->value("--year")) << "”\n";
      return kExitUsage;
    }
    year = static_cast<int>(v);
  } else {
    year = detect_plan_year(text);
  }

  if (args->has("--tasks")) {
    const auto tasks = extract_tasks(text);
    if (tasks.empty()) {
      std::cerr << "shixian extract: " << path << " 中没有找到任务表（需要含“牵头单位”或“完成时限”等列的表头）\n";
      return kExitUsage;
    }
    if (auto err = write_whole(args->value("-o"), tasks_csv(tasks, year), {path})) {
      std::cerr << "shixian extract: " << *err << "\n";
      return kExitUsage;
    }
    std::size_t with_rule = 0;
    for (const auto& t : tasks) with_rule += t.rule.empty() ? 0 : 1;
    for (const auto& t : tasks)
      if (!t.note.empty()) std::cerr << "第" << t.id << "项：" << t.note << "\n";
    std::cerr << "任务 " << tasks.size() << " 项，其中 " << with_rule << " 项有时限规则"
              << (year ? "；计划年度 " + std::to_string(*year) : std::string("；未识别计划年度（可用 --year 指定）"))
              << "\n";
    return kExitOk;
  }

  const auto result = extract_all(text);
  // Into one string, written by the output layer: -o is honoured here too,
  // and a failed write is an error.
  std::ostringstream out;
  if (format == "jsonl") {
    for (const auto& f : result.found) {
      out << "{\"start\":" << f.start << ",\"end\":" << f.end << ",\"text\":" << json_string(f.text)
                << ",\"canonical\":" << json_string(f.canonical) << ",\"kind\":\"" << to_string(f.kind)
                << "\",\"trigger\":" << json_string(f.trigger) << ",\"action\":" << json_string(f.action)
                << ",\"line\":" << f.line;
      if (!f.note.empty()) out << ",\"note\":" << json_string(f.note);
      out << "}\n";
    }
    for (const auto& u : result.unrecognized) {
      out << "{\"start\":" << u.start << ",\"end\":" << u.end << ",\"text\":" << json_string(u.text)
                << ",\"canonical\":\"\",\"kind\":\"unrecognized\",\"trigger\":\"\",\"action\":\"\",\"line\":" << u.line;
      if (!u.reason.empty()) out << ",\"reason\":" << json_string(u.reason);
      out << "}\n";
    }
    return emit(args->value("-o"), out.str(), path);
  }
  // text: each rule in its context, 【highlighted】.
  std::vector<std::size_t> offs;
  for (std::size_t i = 0; i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) offs.push_back(i);
  offs.push_back(text.size());
  const std::size_t n = offs.size() - 1;
  out << (year ? "计划年度：" + std::to_string(*year) : std::string("计划年度：未识别")) << "；找到时限规则 "
            << result.found.size() << " 条";
  if (!result.unrecognized.empty()) out << "，未能解析 " << result.unrecognized.size() << " 处";
  out << "\n";
  for (const auto& f : result.found) {
    const std::size_t b = f.start > 12 ? f.start - 12 : 0;
    const std::size_t e = std::min<std::size_t>(n, f.end + 12);
    out << "\n第" << f.line << "行  " << f.canonical << "  [" << to_string(f.kind);
    if (!f.trigger.empty()) out << "；触发：" << f.trigger;
    if (!f.action.empty()) out << "；动作：" << f.action;
    if (!f.note.empty()) out << "；" << f.note;
    out << "]\n  …" << context(text, offs, b, f.start) << "【" << context(text, offs, f.start, f.end) << "】"
              << context(text, offs, f.end, e) << "…\n";
  }
  for (const auto& u : result.unrecognized) {
    out << "\n第" << u.line << "行  未能解析（" << (u.reason.empty() ? std::string("语法不认识的时间表达") : u.reason)
        << "）\n  【" << context(text, offs, u.start, u.end)
              << "】\n";
  }
  return emit(args->value("-o"), out.str(), path);
}

}  // namespace shixian::cli
