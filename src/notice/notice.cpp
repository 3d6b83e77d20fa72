// import_holiday_notice: normalize → what the page is (one yearly notice, a
// special notice, both, a local notice) → grammar (grammar.cpp) → the checker
// (checker.cpp reads and checks a yearly notice, amend.cpp a special one and
// applies it) → YearArrangement.
#include <optional>
#include <string>
#include <vector>

#include "common/text.hpp"
#include "notice/checker.hpp"
#include "notice/grammar.hpp"
#include "notice/normalize.hpp"
#include "shixian/notice.hpp"

namespace shixian {

namespace {

namespace ast = notice::ast;
using notice::cn_date;
using notice::find_in;
using notice::kSalutation;
using notice::NoticeChecker;
using notice::special_kind;
using notice::Title;

}  // namespace

namespace {

// One notice's stretch of the normalized text.
struct Segment {
  const char* first = nullptr;
  const char* last = nullptr;
};

class Importer {
 public:
  Importer(std::string_view original, const notice::NormalizedText& normalized, std::string_view source,
           const NoticeImportOptions& options)
      : original_(original), normalized_(normalized), source_(source), options_(options), page_(original, normalized, source) {}

  expected<YearArrangement, Error> run() {
    std::optional<Segment> yearly, special;
    Title special_title;
    std::optional<ast::Notice> tree;
    const char* const begin = normalized_.text.data();
    const char* const end = begin + normalized_.text.size();
    const std::vector<std::size_t> notices = page_.salutations();
    if (notices.size() >= 3) {
      return unexpected(page_.error_at(page_.at_offset(notices[2]), ErrorCode::invalid_argument,
                                       "文本中有" + std::to_string(notices.size()) +
                                           "份通知（各有“各省、自治区、直辖市人民政府”的称呼）；一次只能导入一份全年通知，或一份全年通知及其专项通知"));
    }
    if (notices.size() == 2) {
      // Two notices, each with its salutation: the second starts at its title.
      const Title first = page_.title_around(notices[0]), second = page_.title_around(notices[1]);
      const std::size_t split = second.at != std::string_view::npos && second.at > notices[0] ? second.at : notices[1];
      const bool first_special = special_kind(first.text).has_value(), second_special = special_kind(second.text).has_value();
      const auto named = [&](const Title& t, const char* fallback) { return t.text.empty() ? std::string(fallback) : t.text; };
      const std::string both = "文本中有两份通知：“" + named(first, "第一份") + "”（第" +
                               std::to_string(page_.line_of(page_.at_offset(notices[0]))) + "行）和“" +
                               named(second, "第二份") + "”（第" + std::to_string(page_.line_of(page_.at_offset(notices[1]))) + "行）";
      if (first_special == second_special) {
        return unexpected(page_.error_at(
            page_.at_offset(notices[1]), ErrorCode::invalid_argument,
            both + (first_special ? "，都是专项通知；一次只能导入一份，请分开导入（各用 --onto 指明年份文件）"
                                  : "；一次只能导入一份全年安排通知，请分开导入")));
      }
      yearly = first_special ? Segment{begin + split, end} : Segment{begin, begin + split};
      special = first_special ? Segment{begin, begin + split} : Segment{begin + split, end};
      special_title = first_special ? first : second;
      two_notices_ = both;
      two_notices_at_ = page_.at_offset(notices[1]);
    } else if (const Title own = notices.size() == 1 ? page_.title_around(notices[0]) : Title{}; special_kind(own.text)) {
      // The salutation's own title is a special notice's: so is the page, whatever titles its links name.
      special = Segment{begin, end};
      special_title = own;
    } else {
      auto whole = parse_yearly({begin, end});
      if (notices.size() == 1) {
        // A notice's items follow its salutation; items before it are a site's summary
        // (【…】①元旦…②春节:…) — read from the salutation on, the title from before it.
        const char* salutation = begin + notices[0];
        if (!whole || (!whole->items.empty() && whole->items.front().at < salutation)) {
          auto body = parse_yearly({salutation, end});
          if (body && !body->items.empty()) {
            const ast::Notice header = notice::parse_notice_header(begin, salutation);
            if (!body->title_year) body->title_year = header.title_year;
            if (!body->news_year) body->news_year = header.news_year;
            if (body->number.empty()) body->number = header.number;
            whole = std::move(body);
          }
        }
      }
      if (!whole) return unexpected(whole.error());
      tree = std::move(*whole);
      const auto local = read_local(*tree, notices.empty());
      if (!local) return unexpected(local.error());
      if (*local != nullptr) {  // 附：国务院办公厅关于YYYY年部分节假日安排的通知 — read from the attachment on
        auto attached = parse_yearly({*local, end});
        if (!attached) return unexpected(attached.error());
        tree = std::move(*attached);
        yearly = Segment{*local, end};
      } else if (!tree->title_year) {
        special_title = find_special_title();
      }
      if (!special_title.text.empty()) {
        special = Segment{begin, end};
      } else if (!yearly) {
        yearly = Segment{begin, end};
      }
    }

    std::optional<YearArrangement> year;
    if (yearly) {
      if (!tree) {
        auto parsed = parse_yearly(*yearly);
        if (!parsed) return unexpected(parsed.error());
        tree = std::move(*parsed);
      }
      NoticeChecker reader(original_, normalized_, source_);
      reader.set_segment_end(yearly->last);
      auto read = reader.read_yearly(*tree);
      if (!read) return unexpected(read.error());
      year = std::move(*read);
      if (options_.onto) {
        return unexpected(page_.error_at(nullptr, ErrorCode::invalid_argument,
                                         special ? "文本已含" + std::to_string(year->year) + "年的全年通知，专项通知就修改它；不需要 --onto"
                                                 : std::string("这是全年通知，不修改别的年份文件；--onto 只用于专项通知（延长、调整、纪念日放假）")));
      }
      if (!special) {
        if (!options_.published.empty()) {
          return unexpected(page_.error_at(nullptr, ErrorCode::invalid_argument,
                                           "--published 是专项通知（amended行）的发布日期；全年通知的日期取自它的落款，文本中没有专项通知"));
        }
        return std::move(*year);
      }
    }
    return read_and_apply(*special, special_title, year);
  }

 private:
  expected<ast::Notice, Error> parse_yearly(Segment segment) const {
    auto tree = notice::parse_notice_ast(segment.first, segment.last);
    if (!tree) {
      return unexpected(page_.error_after_read(tree.error().where, ErrorCode::parse_error, "此处应为" + tree.error().expected));
    }
    return std::move(*tree);
  }

  // A local or unit notice passes the State Council's on: it cites it as its
  // basis before its own items and has no salutation of the State Council's.
  // The rule, word by word:
  //   - cited: 根据《国务院办公厅关于 · 根据国务院办公厅《关于 · 根据国务院办公厅通知 · 根据国务院办公厅的通知
  //     (also 按照 for 根据),
  //     found before the first item (a related link after the notice does not count);
  //   - no salutation 各省、自治区、直辖市人民政府 anywhere (a national notice reposted by a local
  //     site keeps it: 转载文件, 首都之窗's metadata);
  //   - unless the State Council's notice follows as an attachment, 附：国务院办公厅关于YYYY年部分节假日安排的通知
  //     (a local notice with the national one appended): then the attachment is read, from its title.
  // Returns where the attachment starts, nullptr for a national notice, or the refusal.
  expected<const char*, Error> read_local(const ast::Notice& tree, bool no_salutation) const {
    if (!no_salutation) return static_cast<const char*>(nullptr);
    const std::string_view text = page_.text();
    const std::size_t bound =
        tree.items.empty() ? text.size() : static_cast<std::size_t>(tree.items.front().at - text.data());
    std::size_t cited = std::string_view::npos;
    for (std::string_view lead : {std::string_view("根据"), std::string_view("按照")}) {
      for (std::string_view what : {std::string_view("《国务院办公厅关于"), std::string_view("国务院办公厅《关于"),
                                    std::string_view("国务院办公厅通知"), std::string_view("国务院办公厅的通知")}) {
        const std::string phrase = std::string(lead) + std::string(what);
        const std::size_t at = find_in(text.substr(0, bound), phrase);
        if (at < cited) cited = at;
      }
    }
    if (cited == std::string_view::npos) return static_cast<const char*>(nullptr);
    const std::size_t attached = find_in(text, "附:国务院办公厅关于", cited);
    if (attached != std::string_view::npos && find_in(text.substr(attached, 80), "年部分节假日安排") != std::string_view::npos) {
      return text.data() + attached + std::string_view("附:").size();
    }
    return unexpected(page_.error_at(page_.at_offset(cited), ErrorCode::invalid_argument,
                                     "这是依据国务院办公厅通知发出的地方或单位通知，只转述其中部分节日，不是国务院办公厅的全年通知；"
                                     "请导入“国务院办公厅关于YYYY年部分节假日安排的通知”原文"));
  }

  // A special notice's title (关于延长… · 关于调整… · …纪念日调休放假的通知) on a page without a yearly title.
  Title find_special_title() const {
    for (std::string_view mark : {std::string_view("关于延长"), std::string_view("关于调整"),
                                  std::string_view("纪念日调休放假"), std::string_view("纪念日放假")}) {
      const std::size_t i = find_in(page_.text(), mark);
      if (i == std::string_view::npos) continue;
      Title title = page_.title_around(i + mark.size());
      if (!title.text.empty() && special_kind(title.text)) return title;
    }
    return {};
  }

  expected<YearArrangement, Error> read_and_apply(Segment segment, const Title& title, const std::optional<YearArrangement>& year) {
    // The body: from the title, or from the salutation when that comes first (a title at the page's end).
    const char* body = page_.at_offset(title.at);
    if (const std::size_t salutation = find_in(std::string_view(segment.first, static_cast<std::size_t>(segment.last - segment.first)), kSalutation);
        salutation != std::string_view::npos && segment.first + salutation < body) {
      body = segment.first + salutation;
    }
    if (body < segment.first || body > segment.last) body = segment.first;
    auto tree = notice::parse_special_notice_ast(body, segment.last);
    if (!tree) return unexpected(page_.error_after_read(tree.error().where, ErrorCode::parse_error, "此处应为" + tree.error().expected));
    if (tree->number.empty()) tree->number = notice::find_doc_number(page_.at_offset(title.at), segment.last);
    if (tree->number.empty()) tree->number = notice::find_doc_number(segment.first, segment.last);
    NoticeChecker reader(original_, normalized_, source_);
    auto change = reader.read_special(*tree, title, *special_kind(title.text));
    if (!change) return unexpected(change.error());
    const std::string what = "专项通知“" + change->title + "”";

    // The amended line's date: --published, else a 发布日期 of the text close after its signature.
    std::string published;
    std::string missing_date;
    const auto text_date = notice::find_publication_date(segment.first, segment.last);
    std::optional<Date> written;
    if (text_date) {
      auto d = Date::from_ymd(static_cast<int>(*text_date->year), *text_date->month, text_date->day);
      if (!d) return unexpected(page_.error_at(text_date->at, ErrorCode::invalid_argument, "发布日期：" + d.error().message));
      written = *d;
    }
    const std::string signed_words = change->signed_on ? "落款日期为" + cn_date(*change->signed_on) : std::string("文本中没有落款日期");
    if (!options_.published.empty()) {
      auto d = parse_iso_date(options_.published);
      if (!d) {
        return unexpected(page_.error_at(nullptr, ErrorCode::invalid_argument, "--published " + options_.published + "：" + d.error().message));
      }
      if (written && *written != *d) {
        return unexpected(page_.error_at(text_date->at, ErrorCode::invalid_argument,
                                         "文本写明发布日期" + to_string(*written) + "，与 --published " + to_string(*d) +
                                             " 不一致；请核对后只保留正确的一个"));
      }
      if (change->signed_on && *d < *change->signed_on) {
        return unexpected(page_.error_at(nullptr, ErrorCode::invalid_argument,
                                         "--published " + to_string(*d) + " 早于" + what + "的落款日期" + cn_date(*change->signed_on)));
      }
      published = to_string(*d);
    } else if (written && change->signed_on && *change->signed_on <= *written && *written - *change->signed_on <= 7) {
      published = to_string(*written);
    } else if (written) {
      missing_date = "文本中的发布日期" + to_string(*written) + (change->signed_on ? "与" + signed_words.substr(std::string("落款日期为").size()) + "的落款相差超过7天或在其前" : "无法与落款核对（" + signed_words + "）") +
                     "，可能是转载网站的日期；请用 --published YYYY-MM-DD 给出它在中国政府网发布的日期";
    } else {
      missing_date = change->signed_on ? "还需要它的发布日期：文本中没有（" + signed_words + "，发布日期可能晚一两天），请用 --published YYYY-MM-DD 给出"
                                       : std::string("还需要它的发布日期：文本中没有，落款日期也不全，请用 --published YYYY-MM-DD 给出");
    }

    const YearArrangement* base = year ? &*year : options_.onto ? &*options_.onto : nullptr;
    if (base == nullptr || !missing_date.empty()) {
      std::string message = two_notices_.empty() ? "这是" + what : two_notices_ + "；后一份是" + what;
      message += "，它修改已公布的" + std::to_string(change->year) + "年安排，作为该年年份文件的修改（amended行）导入";
      if (year) message = two_notices_ + "，其中" + what + "修改" + std::to_string(change->year) + "年的全年安排，两者一并导入";
      std::vector<std::string> needs;
      if (base == nullptr) {
        needs.push_back("它不是全年通知，单独成不了年份文件：请用 --onto holidays/" + std::to_string(change->year) +
                        ".txt 指明它修改的年份文件（修改之前的）");
      }
      if (!missing_date.empty()) needs.push_back(missing_date);
      for (const std::string& need : needs) message += "；" + need;
      return unexpected(page_.error_at(two_notices_.empty() ? change->at : two_notices_at_, ErrorCode::invalid_argument, message));
    }
    return reader.amend(*base, *change, Amendment{published, change->number, change->title});
  }

  std::string_view original_;
  const notice::NormalizedText& normalized_;
  std::string_view source_;
  const NoticeImportOptions& options_;
  NoticeChecker page_;  // positions, titles and messages over the whole page
  std::string two_notices_;  // "文本中有两份通知：…" when the page carries the year and its special notice
  ast::Pos two_notices_at_ = nullptr;
};

}  // namespace

expected<YearArrangement, Error> import_holiday_notice(std::string_view text, const NoticeImportOptions& options,
                                                       std::string_view source_name) {
  auto normalized = notice::normalize_notice(text);
  if (!normalized) {
    Error e = std::move(normalized).error();
    e.source = std::string(source_name);
    return unexpected(std::move(e));
  }
  if (normalized->text.empty()) {
    return unexpected(Error{ErrorCode::parse_error, "通知内容为空", {}, std::string(source_name)});
  }
  return Importer(text, *normalized, source_name, options).run();
}

expected<YearArrangement, Error> parse_holiday_notice(std::string_view text, std::string_view source_name) {
  return import_holiday_notice(text, NoticeImportOptions{}, source_name);
}

}  // namespace shixian
