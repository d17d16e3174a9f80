// letapis watch add|list|run: RSS/Atom feeds fetched politely and their new articles ingested.
#include <chrono>
#include <iostream>
#include <set>

#include <fmt/format.h>

#include "cli/commands.h"
#include "fetch/watch.h"
#include "letapis/extractor.h"

namespace letapis::cli {
namespace {

// Checks every watched feed, ingests the new articles and records each check.
int RunWatch(Store* store, const FetchOptions& options) {
  Extractor extractor;
  if (Status s = LoadExtractor(&extractor); !s.ok()) return Fail(s);
  std::vector<WatchedFeed> feeds;
  std::vector<WatchedItem> items;
  if (Status s = store->ListWatched(&feeds, &items); !s.ok()) return Fail(s);
  std::set<std::string> known;
  for (const WatchedItem& item : items) known.insert(item.url);
  Fetcher fetcher(options);
  size_t added = 0, duplicates = 0, problems = 0;
  bool failed = false;
  for (const WatchedFeed& feed : feeds) {
    FeedCheck check;
    CheckFeed(&fetcher, feed, known, &check);
    for (const Document& doc : check.docs) {
      bool was_added = false;
      if (Status s = store->AddReport(doc, extractor.Run(doc), "watch", &was_added); !s.ok()) {
        std::cerr << "letapis: " << s.message() << "\n";
        failed = true;
        continue;
      }
      was_added ? ++added : ++duplicates;
    }
    if (Status s = store->SaveFeedCheck(check.feed, check.items, "watch"); !s.ok()) {
      std::cerr << "letapis: " << s.message() << "\n";
      failed = true;
    }
    for (const ReadProblem& p : check.problems) {
      std::cerr << "letapis: skipped " << p.ToString() << "\n";
    }
    problems += check.problems.size();
    std::cout << fmt::format("{}: {}\n", feed.url, check.feed.last_result);
  }
  std::cout << fmt::format("ingested {} new article(s), {} already stored, {} skipped\n", added,
                           duplicates, problems);
  if (failed) return kExitError;
  return problems > 0 ? kExitSkipped : kExitOk;
}

}  // namespace

void AddWatchCommand(CLI::App& app, GlobalOptions& global, int* exit_code) {
  CLI::App* cmd = app.add_subcommand("watch", "watch RSS/Atom feeds and ingest their new articles");
  cmd->require_subcommand(1);

  auto url = std::make_shared<std::string>();
  CLI::App* add = cmd->add_subcommand("add", "start watching a feed (http or https URL)");
  add->add_option("url", *url, "address of the RSS or Atom feed")->required();
  add->callback([&global, exit_code, url] {
    if (!url->starts_with("http://") && !url->starts_with("https://")) {
      *exit_code = Fail(Status::InvalidInput(*url + ": expected an http:// or https:// URL"));
      return;
    }
    std::unique_ptr<Store> store;
    bool added = false;
    Status s = OpenStore(global, &store);
    if (s.ok()) s = store->AddWatchedFeed(*url, "cli", &added);
    if (!s.ok()) {
      *exit_code = Fail(s);
      return;
    }
    std::cout << (added ? "watching " : "already watching ") << *url << "\n";
  });

  CLI::App* list = cmd->add_subcommand("list", "list watched feeds and their last check");
  list->callback([&global, exit_code] {
    std::unique_ptr<Store> store;
    std::vector<WatchedFeed> feeds;
    std::vector<WatchedItem> items;
    Status s = OpenStore(global, &store);
    if (s.ok()) s = store->ListWatched(&feeds, &items);
    if (!s.ok()) {
      *exit_code = Fail(s);
      return;
    }
    for (const WatchedFeed& feed : feeds) {
      size_t fetched = 0;
      for (const WatchedItem& item : items) fetched += item.feed_url == feed.url ? 1 : 0;
      std::cout << fmt::format(
          "{}  {} article(s); last check: {}\n", feed.url, fetched,
          feed.checked_at.empty() ? "never" : feed.checked_at + " " + feed.last_result);
    }
  });

  auto options = std::make_shared<FetchOptions>();
  auto delay_ms = std::make_shared<long>(2000);
  auto timeout_s = std::make_shared<long>(30);
  auto backoff_ms = std::make_shared<long>(1000);
  CLI::App* run = cmd->add_subcommand("run", "fetch every watched feed and ingest new articles");
  run->add_option("--delay-ms", *delay_ms, "pause between two requests to one host (ms)")
      ->check(CLI::Range(0L, 600000L));
  run->add_option("--timeout", *timeout_s, "timeout of one request (s)")
      ->check(CLI::Range(1L, 600L));
  run->add_option("--retries", options->retries, "further attempts after a server error")
      ->check(CLI::Range(0, 10));
  run->add_option("--backoff-ms", *backoff_ms, "pause before the first retry, doubled after")
      ->check(CLI::Range(0L, 600000L));
  run->callback([&global, exit_code, options, delay_ms, timeout_s, backoff_ms] {
    std::unique_ptr<Store> store;
    if (Status s = OpenStore(global, &store); !s.ok()) {
      *exit_code = Fail(s);
      return;
    }
    FetchOptions o = *options;
    o.host_delay = std::chrono::milliseconds(*delay_ms);
    o.timeout = std::chrono::seconds(*timeout_s);
    o.retry_backoff = std::chrono::milliseconds(*backoff_ms);
    *exit_code = RunWatch(store.get(), o);
  });
}

}  // namespace letapis::cli
