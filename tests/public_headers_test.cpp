// Spirit stays inside src/: no public header (outside the opt-in interop/
// headers) may mention boost/, so users' builds never see X3. And no public
// header shows the implementation's working state (issue 15): Report's
// kept-item heaps and lookup tables and PublicationIndex's parts live in
// src/check/. tests/package/package_test.cmake checks the installed copies.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

TEST(PublicHeaders, DoNotMentionBoost) {
  const fs::path root = fs::path(SHIXIAN_SOURCE_DIR) / "include" / "shixian";
  ASSERT_TRUE(fs::exists(root));
  int checked = 0;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file()) continue;
    const fs::path rel = fs::relative(entry.path(), root);
    if (*rel.begin() == "interop") continue;
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    EXPECT_EQ(text.str().find("boost/"), std::string::npos) << rel << " mentions boost/";
    ++checked;
  }
  EXPECT_GE(checked, 2);
}

// The names of the internals that moved behind the implementation; a header
// comment saying "Internal:" is the sign of another one.
TEST(PublicHeaders, DoNotShowInternals) {
  const fs::path root = fs::path(SHIXIAN_SOURCE_DIR) / "include" / "shixian";
  const char* internals[] = {"Internal:", "internal:", "item_heaps", "kept_problems", "lead_units", "unit_index",
                             "last_lead", "keep_item", "add_lead", "struct Part {", "group_of", "struct Slot"};
  int checked = 0;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    for (const char* name : internals) {
      EXPECT_EQ(text.str().find(name), std::string::npos) << fs::relative(entry.path(), root) << " shows " << name;
    }
    ++checked;
  }
  EXPECT_GE(checked, 2);
}
