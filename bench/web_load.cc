// web_load: a bounded HTTP load client for `letapis serve` on loopback.
//
//   web_load --base http://127.0.0.1:8080 --user NAME --password-env VAR --token-env VAR
//            --page / --page /reports --api /api/v1/reports ... --clients 8 --seconds 20
//            [--max-requests N] [--json]
//
// Logs in once through the login form (GET /login for its CSRF cookie, POST /login) and
// sends every --page path with that session cookie; every --api path carries the API token
// (Authorization: Bearer). N client threads, each with its own keep-alive connection, cycle
// through all paths (each from its own starting point) until --seconds have passed or
// --max-requests were sent in all. Prints requests/s, answers by status, errors (5xx, other
// unexpected statuses, connection failures) and latency p50/p95/p99/max per group (pages, api) and
// per path; --json prints the same as one JSON object. Exits 1 when any request failed, 2 on bad
// arguments.
#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "report_util.h"

namespace {

using letapis::bench::JsonEscaped;
using letapis::bench::Quantile;

using Clock = std::chrono::steady_clock;

// One path to request and how it authenticates.
struct Target {
  std::string group;  // "pages" or "api"
  std::string path;
};

// What one client thread saw, merged at the end.
struct Tally {
  std::map<std::string, std::vector<double>> ms_by_path;  // latency of every answer
  std::map<int, int64_t> by_status;                       // 0 = no answer (connection)
  std::map<std::string, int64_t> errors_by_path;
  std::vector<std::string> first_errors;  // a few examples, for the report
};

struct Options {
  std::string base, user, password, token;
  std::vector<Target> targets;
  int clients = 4;
  double seconds = 10;
  int64_t max_requests = 1000000;
  bool json = false;
};

[[noreturn]] void Usage(const std::string& problem) {
  std::fprintf(stderr,
               "web_load: %s\nusage: web_load --base URL [--user NAME --password-env VAR] "
               "[--token-env VAR] (--page PATH | --api PATH)... [--clients N] [--seconds S] "
               "[--max-requests N] [--json]\n",
               problem.c_str());
  std::exit(2);
}

std::string Env(const std::string& var) {
  const char* v = std::getenv(var.c_str());
  if (v == nullptr || *v == '\0') Usage("environment variable " + var + " is not set");
  return v;
}

Options ParseArgs(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--json") {
      o.json = true;
      continue;
    }
    if (i + 1 >= argc) Usage(a + " needs a value");
    const std::string v = argv[++i];
    if (a == "--base") {
      o.base = v;
    } else if (a == "--user") {
      o.user = v;
    } else if (a == "--password-env") {
      o.password = Env(v);
    } else if (a == "--token-env") {
      o.token = Env(v);
    } else if (a == "--page") {
      o.targets.push_back({"pages", v});
    } else if (a == "--api") {
      o.targets.push_back({"api", v});
    } else if (a == "--clients") {
      o.clients = std::atoi(v.c_str());
    } else if (a == "--seconds") {
      o.seconds = std::atof(v.c_str());
    } else if (a == "--max-requests") {
      o.max_requests = std::atoll(v.c_str());
    } else {
      Usage("unknown option " + a);
    }
  }
  if (o.base.empty()) Usage("--base is required");
  if (o.targets.empty()) Usage("give at least one --page or --api path");
  if (o.clients < 1 || o.clients > 256) Usage("--clients must be 1..256");
  if (o.seconds <= 0 || o.seconds > 3600) Usage("--seconds must be in (0, 3600]");
  if (o.max_requests < 1) Usage("--max-requests must be positive");
  for (const Target& t : o.targets) {
    if (t.path.empty() || t.path[0] != '/') Usage("path must start with '/': " + t.path);
    if (t.group == "pages" && o.user.empty()) Usage("--page paths need --user and a password");
    if (t.group == "api" && o.token.empty()) Usage("--api paths need --token-env");
  }
  return o;
}

// The value of cookie `name` among the Set-Cookie headers of `res`, or "".
std::string SetCookie(const httplib::Result& res, const std::string& name) {
  const size_t n = res->get_header_value_count("Set-Cookie");
  for (size_t i = 0; i < n; ++i) {
    const std::string h = res->get_header_value("Set-Cookie", i);
    if (h.rfind(name + "=", 0) != 0) continue;
    const size_t end = h.find(';');
    return h.substr(name.size() + 1, end == std::string::npos ? end : end - name.size() - 1);
  }
  return "";
}

// Logs in through the form; returns the session cookie or exits with a message.
std::string LogIn(const Options& o) {
  httplib::Client cli(o.base);
  cli.set_read_timeout(60, 0);  // a busy server may take a while
  auto form = cli.Get("/login");
  if (!form || form->status != 200) Usage("GET /login failed");
  const std::string csrf = SetCookie(form, "letapis_login");
  if (csrf.empty()) Usage("GET /login set no letapis_login cookie");
  httplib::Headers headers = {{"Cookie", "letapis_login=" + csrf}};
  httplib::Params params = {{"csrf", csrf}, {"name", o.user}, {"password", o.password}};
  auto res = cli.Post("/login", headers, params);
  if (!res) Usage("POST /login: no answer");
  const std::string session = SetCookie(res, "letapis_session");
  if (res->status / 100 != 3 || session.empty()) {
    Usage("POST /login answered " + std::to_string(res->status) + " without a session");
  }
  return session;
}

void RunClient(const Options& o, const std::string& session, int index, Clock::time_point stop,
               std::atomic<int64_t>* budget, Tally* out) {
  httplib::Client cli(o.base);
  cli.set_keep_alive(true);
  cli.set_tcp_nodelay(true);
  cli.set_connection_timeout(10, 0);
  cli.set_read_timeout(60, 0);
  const httplib::Headers page_headers = {{"Cookie", "letapis_session=" + session}};
  const httplib::Headers api_headers = {{"Authorization", "Bearer " + o.token}};
  // Clients start spread over the paths, so that slow pages do not keep every client away
  // from the rest of the list.
  const size_t first = static_cast<size_t>(index) * o.targets.size() / o.clients;
  for (size_t i = first; Clock::now() < stop && budget->fetch_sub(1) > 0; ++i) {
    const Target& t = o.targets[i % o.targets.size()];
    const auto start = Clock::now();
    auto res = cli.Get(t.path, t.group == "api" ? api_headers : page_headers);
    const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    const int status = res ? res->status : 0;
    ++out->by_status[status];
    if (status != 200) {
      ++out->errors_by_path[t.path];
      if (out->first_errors.size() < 5) {
        out->first_errors.push_back(t.path + ": " +
                                    (res ? std::to_string(status) + " " + res->body.substr(0, 200)
                                         : "no answer (" + httplib::to_string(res.error()) + ")"));
      }
      continue;
    }
    out->ms_by_path[t.path].push_back(ms);
  }
}

// One row of the latency table, as text or JSON.
struct Row {
  std::string name;
  int64_t ok = 0, errors = 0;
  double p50 = 0, p95 = 0, p99 = 0, max = 0;
};

Row MakeRow(const std::string& name, std::vector<double> ms, int64_t errors) {
  std::sort(ms.begin(), ms.end());
  Row r{name, static_cast<int64_t>(ms.size()), errors};
  r.p50 = Quantile(ms, 0.50);
  r.p95 = Quantile(ms, 0.95);
  r.p99 = Quantile(ms, 0.99);
  r.max = ms.empty() ? 0 : ms.back();
  return r;
}

}  // namespace

int main(int argc, char** argv) {
  const Options o = ParseArgs(argc, argv);
  std::string session;
  for (const Target& t : o.targets) {
    if (t.group == "pages") {
      session = LogIn(o);
      break;
    }
  }
  std::atomic<int64_t> budget{o.max_requests};
  std::vector<Tally> tallies(static_cast<size_t>(o.clients));
  std::vector<std::thread> threads;
  const auto start = Clock::now();
  const auto stop =
      start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(o.seconds));
  for (int i = 0; i < o.clients; ++i) {
    threads.emplace_back(RunClient, std::cref(o), std::cref(session), i, stop, &budget,
                         &tallies[static_cast<size_t>(i)]);
  }
  for (std::thread& t : threads) t.join();
  const double wall = std::chrono::duration<double>(Clock::now() - start).count();

  Tally all;
  for (const Tally& t : tallies) {
    for (const auto& [path, ms] : t.ms_by_path) {
      auto& v = all.ms_by_path[path];
      v.insert(v.end(), ms.begin(), ms.end());
    }
    for (const auto& [k, n] : t.by_status) all.by_status[k] += n;
    for (const auto& [k, n] : t.errors_by_path) all.errors_by_path[k] += n;
    for (const std::string& e : t.first_errors) {
      if (all.first_errors.size() < 5) all.first_errors.push_back(e);
    }
  }
  int64_t total = 0, errors = 0;
  for (const auto& [status, n] : all.by_status) {
    total += n;
    if (status != 200) errors += n;
  }
  std::vector<Row> rows;
  std::map<std::string, std::vector<double>> by_group;
  std::map<std::string, int64_t> group_errors;
  std::vector<std::string> seen;
  for (const Target& t : o.targets) {
    if (std::find(seen.begin(), seen.end(), t.path) != seen.end()) continue;
    seen.push_back(t.path);
    const auto& ms = all.ms_by_path[t.path];
    by_group[t.group].insert(by_group[t.group].end(), ms.begin(), ms.end());
    group_errors[t.group] += all.errors_by_path[t.path];
    rows.push_back(MakeRow(t.path, ms, all.errors_by_path[t.path]));
  }
  std::vector<Row> groups;
  for (const auto& [g, ms] : by_group) groups.push_back(MakeRow(g, ms, group_errors[g]));

  if (o.json) {
    auto row_json = [](const Row& r) {
      char buf[512];
      std::snprintf(buf, sizeof buf,
                    "{\"name\":\"%s\",\"ok\":%lld,\"errors\":%lld,\"p50_ms\":%.2f,"
                    "\"p95_ms\":%.2f,\"p99_ms\":%.2f,\"max_ms\":%.2f}",
                    JsonEscaped(r.name).c_str(), static_cast<long long>(r.ok),
                    static_cast<long long>(r.errors), r.p50, r.p95, r.p99, r.max);
      return std::string(buf);
    };
    std::string out =
        "{\"clients\":" + std::to_string(o.clients) + ",\"seconds\":" + std::to_string(wall) +
        ",\"requests\":" + std::to_string(total) + ",\"errors\":" + std::to_string(errors) +
        ",\"requests_per_s\":" + std::to_string(total / wall) + ",\"by_status\":{";
    bool first = true;
    for (const auto& [status, n] : all.by_status) {
      out += (first ? "\"" : ",\"") + std::to_string(status) + "\":" + std::to_string(n);
      first = false;
    }
    out += "},\"groups\":[";
    for (size_t i = 0; i < groups.size(); ++i) out += (i ? "," : "") + row_json(groups[i]);
    out += "],\"paths\":[";
    for (size_t i = 0; i < rows.size(); ++i) out += (i ? "," : "") + row_json(rows[i]);
    out += "],\"first_errors\":[";
    for (size_t i = 0; i < all.first_errors.size(); ++i) {
      out += (i ? ",\"" : "\"") + JsonEscaped(all.first_errors[i]) + "\"";
    }
    out += "]}";
    std::printf("%s\n", out.c_str());
  } else {
    std::printf("%lld requests in %.1f s from %d clients: %.1f requests/s, %lld errors\n",
                static_cast<long long>(total), wall, o.clients, total / wall,
                static_cast<long long>(errors));
    for (const auto& [status, n] : all.by_status) {
      std::printf("  status %s: %lld\n",
                  status == 0 ? "none (connection failed)" : std::to_string(status).c_str(),
                  static_cast<long long>(n));
    }
    std::printf("%-48s %8s %7s %9s %9s %9s %9s\n", "group / path", "ok", "errors", "p50 ms",
                "p95 ms", "p99 ms", "max ms");
    for (const std::vector<Row>* list : {&groups, &rows}) {
      for (const Row& r : *list) {
        std::printf("%-48s %8lld %7lld %9.1f %9.1f %9.1f %9.1f\n", r.name.substr(0, 48).c_str(),
                    static_cast<long long>(r.ok), static_cast<long long>(r.errors), r.p50, r.p95,
                    r.p99, r.max);
      }
    }
    for (const std::string& e : all.first_errors) std::printf("error: %s\n", e.c_str());
  }
  return errors == 0 ? 0 : 1;
}
