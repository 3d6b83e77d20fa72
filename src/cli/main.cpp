// `shixian`: a thin command-line front end over the library.
#include <iostream>
#include <string_view>

#include "cli/commands.hpp"

namespace {

constexpr std::string_view kUsage = R"(shixian — 政务公开时限规则与中国工作日历

用法：
  shixian demo                         2016年工作日历与一个期限计算示例
  shixian calendar YEAR [--format tsv|text] [--holidays FILE]... [--overlay FILE]... [--strict]
                                       一年中每一天：工作日/休息日、类型、节日、来源
  shixian holidays import NOTICE.txt [-o FILE]
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

}  // namespace

int main(int argc, char** argv) {
  using namespace shixian::cli;
  if (argc < 2) {
    std::cerr << kUsage;
    return kExitUsage;
  }
  const std::string_view command = argv[1];
  if (command == "calendar") return calendar_command(argc, argv, 2);
  if (command == "demo") return demo_command(argc, argv, 2);
  if (command == "holidays") return holidays_command(argc, argv, 2);
  if (command == "parse") return parse_command(argc, argv, 2);
  if (command == "explain") return explain_command(argc, argv, 2);
  if (command == "due") return due_command(argc, argv, 2);
  if (command == "check") return check_command(argc, argv, 2);
  if (command == "ics") return ics_command(argc, argv, 2);
  if (command == "extract") return extract_command(argc, argv, 2);
  if (command == "--help" || command == "-h" || command == "help") {
    std::cout << kUsage;
    return kExitOk;
  }
  if (command == "--version") {
    std::cout << "shixian 0.1.0\n";
    return kExitOk;
  }
  std::cerr << "shixian: 未知命令“" << command
            << "”（可用：demo, calendar, holidays, parse, explain, due, check, ics, extract；见 shixian --help）\n";
  return kExitUsage;
}
