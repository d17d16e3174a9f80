#include "fetch/http.h"

#include <gtest/gtest.h>

namespace letapis {
namespace {

// Requests that never reach a server: bad URLs and a closed local port.
TEST(FetcherTest, BadUrlsAndUnreachableHostsAreClearErrors) {
  FetchOptions options;
  options.retries = 1;
  options.retry_backoff = std::chrono::milliseconds(0);
  options.host_delay = std::chrono::milliseconds(0);
  Fetcher fetcher(options);
  FetchResult result;
  Status s = fetcher.Get("ftp://example.org/feed.xml", "", "", &result);
  EXPECT_EQ(s.code(), Status::Code::kInvalidInput);
  EXPECT_EQ(s.message(), "only http and https URLs are fetched");
  s = fetcher.Get("not a url at all", "", "", &result);
  EXPECT_EQ(s.code(), Status::Code::kInvalidInput);
  // Port 9 (discard) is closed on test machines: the connection is refused at once.
  s = fetcher.Get("http://127.0.0.1:9/feed.xml", "", "", &result);
  EXPECT_EQ(s.code(), Status::Code::kIoError);
  EXPECT_NE(s.message().find("robots.txt of http://127.0.0.1:9 could not be read"),
            std::string::npos)
      << s.message();
}

}  // namespace
}  // namespace letapis
