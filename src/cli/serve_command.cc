#include <sodium.h>

#include <cstdlib>
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "letapis/person_lookup.h"
#include "letapis/tsv.h"
#include "web/public_site.h"
#include "web/server.h"

namespace letapis::cli {
namespace {

// Splits "HOST:PORT" (or ":PORT", or "PORT").
Status ParseListen(const std::string& listen, web::ServeOptions* out) {
  const size_t colon = listen.rfind(':');
  const std::string host = colon == std::string::npos ? out->host : listen.substr(0, colon);
  const std::string port = colon == std::string::npos ? listen : listen.substr(colon + 1);
  int value = 0;
  for (char c : port) {
    if (c < '0' || c > '9' || value > 65535) value = -1;
    if (value >= 0) value = value * 10 + (c - '0');
  }
  if (port.empty() || value <= 0 || value > 65535) {
    return Status::InvalidInput(fmt::format("--listen {}: expected HOST:PORT", listen));
  }
  out->host = host.empty() ? out->host : host;
  out->port = value;
  return Status::Ok();
}

bool IsLoopback(const std::string& host) {
  return host == "127.0.0.1" || host == "::1" || host == "localhost";
}

}  // namespace

void AddServeCommand(CLI::App& app, GlobalOptions& global, int* exit_code) {
  CLI::App* cmd = app.add_subcommand("serve", "serve the web UI and the JSON API (/api/v1)");
  auto listen = std::make_shared<std::string>("127.0.0.1:8080");
  auto print_routes = std::make_shared<bool>(false);
  auto public_site = std::make_shared<bool>(false);
  cmd->add_option("--listen", *listen, "address and port (default 127.0.0.1:8080)");
  cmd->add_flag("--print-routes", *print_routes, "list every route and who may use it, then exit");
  cmd->add_flag("--public", *public_site,
                "serve the public, read-only site instead: confirmed facts only, protected "
                "people as pseudonyms, no accounts (docs/security.md)");
  cmd->callback([&global, exit_code, listen, print_routes, public_site] {
    if (*print_routes) {
      for (const web::Route& r : *public_site ? web::PublicRoutes() : web::AllRoutes()) {
        const char* access = r.access == web::Access::kPublic ? "public"
                             : r.access == web::Access::kApi  ? "api"
                                                              : "page";
        std::cout << fmt::format("{}\t{}\t{}\t{}\n", r.method, r.pattern, access, r.min_rank);
      }
      return;
    }
    web::ServeOptions options;
    Status s = ParseListen(*listen, &options);
    options.public_site = *public_site;
    auto web_app = std::make_unique<web::App>();
    // The passphrase is only needed to derive the key; the key itself stays inside
    // SQLCipher's memory. Neither is written anywhere, nor passed on to children.
    std::string passphrase;
    if (s.ok()) s = ReadPassphrase(false, &passphrase);
    unsetenv("LETAPIS_PASSPHRASE");
    if (s.ok()) s = OpenSqlcipherStore(global.db, passphrase, false, &web_app->store);
    sodium_memzero(passphrase.data(), passphrase.size());
    if (s.ok() && !*public_site) s = LoadExtractor(&web_app->extractor);
    if (s.ok()) s = NameMatcher::Load(DataDir(), &web_app->matcher);
    if (s.ok() && !*public_site) s = LoadRoleWords(DataDir(), &web_app->role_words);
    if (!s.ok()) {
      *exit_code = Fail(s);
      return;
    }
    web_app->secure_cookies = !IsLoopback(options.host);
    if (web_app->secure_cookies) {
      std::cerr << "letapis: listening beyond loopback: put an HTTPS proxy in front"
                << (*public_site ? "\n" : " (cookies are marked Secure)\n");
    }
    s = web::Serve(*web_app, options, [&] {
      std::cout << fmt::format("letapis: serving {}{} on http://{}:{}/ (Ctrl-C to stop)\n",
                               *public_site ? "the public record of " : "", global.db, options.host,
                               options.port)
                << std::flush;
    });
    if (!s.ok()) *exit_code = Fail(s);
  });
}

}  // namespace letapis::cli
