// libFuzzer target: ParseFeed and RobotsRules on arbitrary bytes. Every parsed item must
// have a link; matching must terminate.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "fetch/feed.h"
#include "fetch/robots.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  std::vector<letapis::FeedItem> items;
  if (letapis::ParseFeed(input, &items).ok()) {
    for (const letapis::FeedItem& item : items) {
      if (item.link.empty()) std::abort();
    }
  }
  const letapis::RobotsRules rules(input, "letapis");
  (void)rules.Allowed("/news/2026/03/article.html?id=7");
  (void)rules.Allowed(input.substr(0, 256));
  return 0;
}
