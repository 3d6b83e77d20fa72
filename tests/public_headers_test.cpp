// Spirit stays inside src/: no public header (outside the opt-in interop/
// headers) may mention boost/, so users' builds never see X3.
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
