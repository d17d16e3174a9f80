// Fetcher: libcurl requests with robots.txt, host delay, retries, timeout and size limit.
#include "fetch/http.h"

#include <curl/curl.h>

#include <cctype>
#include <memory>
#include <thread>

#include <fmt/format.h>

namespace letapis {
namespace {

struct UrlParts {
  std::string origin;  // scheme://host[:port]
  std::string host;    // host[:port]
  std::string path;    // path and query, from '/'
};

std::string UrlPart(CURLU* url, CURLUPart part) {
  char* value = nullptr;
  if (curl_url_get(url, part, &value, 0) != CURLUE_OK || value == nullptr) return "";
  std::string out(value);
  curl_free(value);
  return out;
}

Status SplitUrl(const std::string& text, UrlParts* out) {
  std::unique_ptr<CURLU, void (*)(CURLU*)> url(curl_url(), &curl_url_cleanup);
  if (url == nullptr || curl_url_set(url.get(), CURLUPART_URL, text.c_str(), 0) != CURLUE_OK) {
    return Status::InvalidInput("not a valid URL");
  }
  const std::string scheme = UrlPart(url.get(), CURLUPART_SCHEME);
  if (scheme != "http" && scheme != "https") {
    return Status::InvalidInput("only http and https URLs are fetched");
  }
  const std::string port = UrlPart(url.get(), CURLUPART_PORT);
  out->host = UrlPart(url.get(), CURLUPART_HOST) + (port.empty() ? "" : ":" + port);
  out->origin = scheme + "://" + out->host;
  out->path = UrlPart(url.get(), CURLUPART_PATH);
  if (out->path.empty()) out->path = "/";
  const std::string query = UrlPart(url.get(), CURLUPART_QUERY);
  if (!query.empty()) out->path += "?" + query;
  return Status::Ok();
}

struct Sink {
  FetchResult* result;
  size_t max_bytes;
  bool over = false;
};

size_t WriteBody(char* data, size_t size, size_t count, void* user) {
  auto* sink = static_cast<Sink*>(user);
  const size_t n = size * count;
  if (sink->result->body.size() + n > sink->max_bytes) {
    sink->over = true;
    return 0;  // aborts the transfer
  }
  sink->result->body.append(data, n);
  return n;
}

// Keeps ETag, Last-Modified and Content-Type of the final response.
size_t WriteHeader(char* data, size_t size, size_t count, void* user) {
  auto* result = static_cast<FetchResult*>(user);
  const std::string_view line(data, size * count);
  if (line.starts_with("HTTP/")) {  // a new response (after a redirect): start over
    result->etag.clear();
    result->last_modified.clear();
    result->content_type.clear();
  }
  const size_t colon = line.find(':');
  if (colon == std::string_view::npos) return size * count;
  std::string name(line.substr(0, colon));
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string_view value = line.substr(colon + 1);
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == '\r' || value.back() == '\n' || value.back() == ' ')) {
    value.remove_suffix(1);
  }
  if (name == "etag") result->etag = value;
  if (name == "last-modified") result->last_modified = value;
  if (name == "content-type") {
    std::string type(value.substr(0, value.find(';')));
    for (char& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    while (!type.empty() && type.back() == ' ') type.pop_back();
    result->content_type = type;
  }
  return size * count;
}

}  // namespace

Fetcher::Fetcher(FetchOptions options) : options_(std::move(options)) {
  static const CURLcode global = curl_global_init(CURL_GLOBAL_DEFAULT);
  (void)global;
  curl_ = curl_easy_init();
}

Fetcher::~Fetcher() { curl_easy_cleanup(static_cast<CURL*>(curl_)); }

Status Fetcher::Request(const std::string& url, const std::string& host, const std::string& etag,
                        const std::string& last_modified, FetchResult* out) {
  auto* curl = static_cast<CURL*>(curl_);
  if (curl == nullptr) return Status::IoError("cannot start libcurl");
  if (auto it = last_request_.find(host); it != last_request_.end()) {
    std::this_thread::sleep_until(it->second + options_.host_delay);
  }
  *out = FetchResult{};
  Sink sink{out, options_.max_bytes};
  std::unique_ptr<curl_slist, void (*)(curl_slist*)> headers(nullptr, &curl_slist_free_all);
  auto add_header = [&headers](const std::string& header) {
    headers.reset(curl_slist_append(headers.release(), header.c_str()));
  };
  if (!etag.empty()) add_header("If-None-Match: " + etag);
  if (!last_modified.empty()) add_header("If-Modified-Since: " + last_modified);
  curl_easy_reset(curl);
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(curl, CURLOPT_MAXREDIRS, 5L);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(options_.timeout.count()));
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_USERAGENT, options_.user_agent.c_str());
  curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers.get());
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, &WriteBody);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &sink);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, &WriteHeader);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, out);
  const CURLcode code = curl_easy_perform(curl);
  last_request_[host] = std::chrono::steady_clock::now();
  if (sink.over) {
    return Status::Limit(fmt::format("response over the limit of {} bytes", options_.max_bytes));
  }
  if (code != CURLE_OK) return Status::IoError(curl_easy_strerror(code));
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &out->status);
  return Status::Ok();
}

Status Fetcher::Robots(const std::string& origin, const std::string& host,
                       const RobotsRules** out) {
  auto it = robots_.find(origin);
  if (it == robots_.end()) {
    FetchResult result;
    const Status s = Request(origin + "/robots.txt", host, "", "", &result);
    HostRobots robots;
    if (!s.ok()) {
      robots.unavailable = s.message();
    } else if (result.status >= 500) {
      robots.unavailable = fmt::format("HTTP status {}", result.status);
    } else if (result.status >= 200 && result.status < 300) {
      robots.rules = RobotsRules(result.body, options_.user_agent);
    }
    it = robots_.emplace(origin, std::move(robots)).first;
  }
  if (!it->second.unavailable.empty()) {
    return Status::IoError(fmt::format("robots.txt of {} could not be read ({}); not fetching",
                                       origin, it->second.unavailable));
  }
  *out = &it->second.rules;
  return Status::Ok();
}

Status Fetcher::Get(const std::string& url, const std::string& etag,
                    const std::string& last_modified, FetchResult* out) {
  UrlParts parts;
  if (Status s = SplitUrl(url, &parts); !s.ok()) return s;
  const RobotsRules* rules = nullptr;
  if (Status s = Robots(parts.origin, parts.host, &rules); !s.ok()) return s;
  if (!rules->Allowed(parts.path)) {
    return Status::InvalidInput("disallowed by robots.txt");
  }
  Status last;
  std::chrono::milliseconds backoff = options_.retry_backoff;
  for (int attempt = 0; attempt <= options_.retries; ++attempt) {
    if (attempt > 0) {
      std::this_thread::sleep_for(backoff);
      backoff *= 2;
    }
    last = Request(url, parts.host, etag, last_modified, out);
    if (last.code() == Status::Code::kLimit) return last;
    if (last.ok() && out->status != 429 && out->status < 500) return last;
    if (last.ok()) last = Status::IoError(fmt::format("HTTP status {}", out->status));
  }
  return last.WithContext(fmt::format("after {} attempts", options_.retries + 1));
}

}  // namespace letapis
