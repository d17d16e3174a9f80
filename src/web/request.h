// The server-independent form of a request and a response, as the handlers see them.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "letapis/accounts.h"

namespace letapis::web {

// A file of a multipart form.
struct UploadedFile {
  std::string field, filename, content;
};

// An authenticated request: the router has checked the session or token, the role and
// (for POST) the CSRF token before a handler sees it.
struct WebRequest {
  std::string method, path;
  std::multimap<std::string, std::string> params;  // query string and form fields
  std::vector<std::string> args;                   // captures of the route pattern
  std::vector<UploadedFile> files;
  std::string body, content_type;
  std::map<std::string, std::string> cookies;
  std::string client;  // the peer's address
  User user;
  std::string csrf;  // the session's CSRF token ("" for API tokens)

  // The first value of parameter `name`, or `fallback`.
  std::string Param(const std::string& name, const std::string& fallback = "") const;
  // Cookie `name`, or "".
  std::string Cookie(const std::string& name) const;
  // Parameter `name` as an integer in [min, max], or `fallback` when absent or not a number.
  int64_t IntParam(const std::string& name, int64_t fallback, int64_t min, int64_t max) const;
};

// What a handler answers.
struct WebResponse {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;

  // A 303 redirect to `location` (a local path).
  static WebResponse Redirect(const std::string& location);
  // A JSON body with `status`.
  static WebResponse Json(int status, const std::string& json);
};

}  // namespace letapis::web
