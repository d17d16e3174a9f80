#include "web/request.h"

#include <algorithm>
#include <charconv>

namespace letapis::web {

std::string WebRequest::Param(const std::string& name, const std::string& fallback) const {
  auto it = params.find(name);
  return it == params.end() ? fallback : it->second;
}

std::string WebRequest::Cookie(const std::string& name) const {
  auto it = cookies.find(name);
  return it == cookies.end() ? "" : it->second;
}

int64_t WebRequest::IntParam(const std::string& name, int64_t fallback, int64_t min,
                             int64_t max) const {
  const std::string text = Param(name);
  int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size()) return fallback;
  return std::clamp(value, min, max);
}

WebResponse WebResponse::Redirect(const std::string& location) {
  WebResponse r;
  r.status = 303;
  r.headers.emplace_back("Location", location);
  return r;
}

WebResponse WebResponse::Json(int status, const std::string& json) {
  WebResponse r;
  r.status = status;
  r.content_type = "application/json; charset=utf-8";
  r.body = json;
  return r;
}

}  // namespace letapis::web
