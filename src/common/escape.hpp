// User bytes made safe to print: what a file or an argument holds is echoed in
// messages (error snippets, carets, check's problems), and a terminal obeys
// the control sequences in it (ESC ] 0 ; retitles the window, ESC [ 2 J clears
// it; U+202E turns the rest of the line around). One function, used by every
// path that prints user data.
#pragma once

#include <string>
#include <string_view>

namespace shixian::detail {

/// `text` with C0 controls, DEL, C1 controls (U+0080–U+009F), bidi and other
/// format controls (U+061C, U+200B–U+200F, U+2028–U+202E, U+2060–U+206F,
/// U+FEFF, U+FFF9–U+FFFB) and bytes that are not UTF-8 shown as visible ASCII
/// escapes: \x1b, \u202e, \xff. The characters in `keep` (say "\n") pass
/// unchanged. Everything else is copied byte for byte, so the display width
/// of the result is that of what a terminal shows.
std::string escape_for_terminal(std::string_view text, std::string_view keep = {});

}  // namespace shixian::detail
