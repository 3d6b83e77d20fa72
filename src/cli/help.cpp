#include "cli/help.hpp"

namespace shixian::cli {

namespace {

constexpr std::string_view kUsage = R"(shixian — 政务公开时限规则与中国工作日历

用法：
  shixian demo                         2016年工作日历与一个期限计算示例
  shixian calendar YEAR [--format tsv|text] [--holidays FILE]... [--overlay FILE]... [--strict]
                                       一年中每一天：工作日/休息日、类型、节日、来源
  shixian holidays import NOTICE.txt [--onto YEARFILE] [--published YYYY-MM-DD] [-o FILE]
                                       把国务院办公厅节假日安排通知导入为年份文件
  shixian parse RULE [--json]          时限规则的规范形式与结构（JSON）
  shixian explain RULE [--year Y] [--event NAME=DATE]... [--policy KEY=VALUE]...
                                       逐项说明规则，指出有歧义的读法所用的策略，并逐步演示期限计算
  shixian due RULE [--year Y] [--event NAME=YYYY-MM-DD[THH:MM]]... [--policy KEY=VALUE]...
                   [--overlay FILE]... [--holidays FILE]... [--strict] [--json]
                                       计算规则的期限：每行“标签<TAB>日期”，或 --json
  shixian check TASKS --publications LOG [--as-of D] [--year Y] [--format text|csv|jsonl] [-o FILE]
                   [--encoding utf-8|gb18030] [--publications-encoding …] [--policy KEY=VALUE]...
                                       按任务登记表和发布记录检查每个期限：按时、逾期、缺失、未到期……
  shixian ics TASKS [--publications LOG] [--from D] [--to D] [--remind DAYS] [-o FILE]
                                       把即将到期的期限导出为iCalendar日历（.ics）
  shixian extract DOC [--year Y] [--format text|jsonl] [--encoding utf-8|gb18030] [--html]
                                       找出文档中的每条时限规则（偏移量按字符计）
  shixian extract DOC --tasks [-o tasks.csv] [--year Y]
                                       由任务表式的计划起草任务台账（CSV：id,title,lead,units,rule,year,events）
  shixian --help | --version

退出码：0 成功；1 check 发现逾期、缺失、公示期不足或次数不足；2 参数或输入错误（含规则解析错误）；
        3 缺少上下文（计划年度或事件日期）。
)";

constexpr std::string_view kExitCodes = "退出码：";

}  // namespace

std::string_view program_usage() { return kUsage; }

std::optional<std::string> command_usage(std::string_view command) {
  // The command's lines of the program's usage (its "  shixian COMMAND" lines
  // and their indented continuations), then the exit codes: one text, so the
  // two never disagree.
  const std::string head = "  shixian " + std::string(command) + " ";
  const std::string bare = "  shixian " + std::string(command) + "\n";
  std::string out = "用法：\n";
  bool in_command = false, found = false;
  std::size_t at = 0;
  const std::string_view text = kUsage;
  while (at < text.size()) {
    std::size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(at, end - at + 1);
    if (line.starts_with("  shixian ")) in_command = line.starts_with(head) || line == bare;
    else if (!line.starts_with("   ")) in_command = false;
    if (in_command) out += line, found = true;
    at = end + 1;
  }
  if (!found) return std::nullopt;
  const std::size_t codes = text.find(kExitCodes);
  if (codes != std::string_view::npos) out += "\n" + std::string(text.substr(codes));
  return out;
}

}  // namespace shixian::cli
