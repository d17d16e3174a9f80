// Polite HTTP(S) fetching with libcurl: conditional requests, robots.txt, a per-host
// delay, retries with backoff, a timeout and a size limit.
#pragma once

#include <chrono>
#include <map>
#include <string>

#include "fetch/robots.h"
#include "letapis/status.h"

namespace letapis {

// How politely and patiently to fetch.
struct FetchOptions {
  std::chrono::milliseconds host_delay{2000};     // between two requests to one host
  std::chrono::milliseconds timeout{30000};       // per request, connection included
  std::chrono::milliseconds retry_backoff{1000};  // doubled after each failed attempt
  int retries = 2;                     // further attempts after a network error, 429 or 5xx
  size_t max_bytes = 32u << 20;        // larger responses are refused
  std::string user_agent = "letapis";  // product token; also the robots.txt agent
};

// What a fetch returned. `status` is the final HTTP status (304: not modified).
struct FetchResult {
  long status = 0;
  std::string body;
  std::string etag;           // ETag of the response ("" when none)
  std::string last_modified;  // Last-Modified of the response
  std::string content_type;   // lower case, parameters dropped
};

// Fetches URLs one at a time. Not thread-safe.
class Fetcher {
 public:
  explicit Fetcher(FetchOptions options);
  ~Fetcher();
  Fetcher(const Fetcher&) = delete;
  Fetcher& operator=(const Fetcher&) = delete;

  // GETs `url` (http or https only) with If-None-Match / If-Modified-Since when `etag` /
  // `last_modified` are given. First consults the host's robots.txt (fetched once per
  // Fetcher; a 4xx allows everything, a failure or 5xx refuses the host) and waits out
  // the host delay. Retries network errors, 429 and 5xx with backoff. Fails with
  // kInvalidInput for a bad URL or a URL robots.txt disallows, kIoError when every
  // attempt failed (naming the last error or status) and kLimit over max_bytes; the
  // messages do not repeat the URL. 2xx,
  // 304 and other 4xx statuses are results, not failures.
  Status Get(const std::string& url, const std::string& etag, const std::string& last_modified,
             FetchResult* out);

 private:
  // One request with the host delay, without robots.txt or retries.
  Status Request(const std::string& url, const std::string& host, const std::string& etag,
                 const std::string& last_modified, FetchResult* out);
  // The robots.txt rules of `origin`, fetched on first use. A host whose robots.txt could
  // not be read (network error or 5xx) is refused, naming why.
  Status Robots(const std::string& origin, const std::string& host, const RobotsRules** out);

  FetchOptions options_;
  void* curl_ = nullptr;
  std::map<std::string, std::chrono::steady_clock::time_point> last_request_;
  struct HostRobots {
    RobotsRules rules;
    std::string unavailable;  // why robots.txt could not be read, "" when it could
  };
  std::map<std::string, HostRobots> robots_;
};

}  // namespace letapis
