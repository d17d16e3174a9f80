// CheckFeed: one polite pass over a feed and its new articles.
#include "fetch/watch.h"

#include <fmt/format.h>

#include "fetch/feed.h"

namespace letapis {
namespace {

// Reads a fetched article into a Document.
Status ArticleDocument(const FeedItem& item, FetchResult* fetched, Document* out) {
  SourceMeta meta;
  meta.name = item.link;
  meta.url = item.link;
  const bool pdf = fetched->content_type == "application/pdf";
  meta.format = pdf ? "pdf" : "html";
  Status s = pdf ? MakePdfDocument(std::move(fetched->body), meta, out)
                 : MakeDocument(std::move(fetched->body), meta, out);
  if (!s.ok()) return s;
  if (out->meta.title.empty()) out->meta.title = item.title;
  if (!out->meta.published.known()) out->meta.published = item.published;
  return Status::Ok();
}

}  // namespace

void CheckFeed(Fetcher* fetcher, const WatchedFeed& feed, const std::set<std::string>& known_urls,
               FeedCheck* out) {
  *out = FeedCheck{};
  out->feed = feed;
  FetchResult result;
  Status s = fetcher->Get(feed.url, feed.etag, feed.last_modified, &result);
  if (s.ok() && result.status == 304) {
    out->feed.last_result = "304 not modified";
    return;
  }
  if (s.ok() && result.status != 200)
    s = Status::IoError(fmt::format("HTTP status {}", result.status));
  std::vector<FeedItem> items;
  if (s.ok()) s = ParseFeed(result.body, &items);
  if (!s.ok()) {
    out->feed.last_result = "error: " + s.message();
    out->problems.push_back(ReadProblem{feed.url, 0, s.message()});
    return;
  }
  out->feed.etag = result.etag;
  out->feed.last_modified = result.last_modified;
  std::set<std::string> seen;
  for (const FeedItem& item : items) {
    if (known_urls.contains(item.link) || !seen.insert(item.link).second) continue;
    FetchResult article;
    Status a = fetcher->Get(item.link, "", "", &article);
    if (a.ok() && article.status != 200) {
      a = Status::IoError(fmt::format("HTTP status {}", article.status));
    }
    Document doc;
    const std::string etag = article.etag, last_modified = article.last_modified;
    if (a.ok()) a = ArticleDocument(item, &article, &doc);
    if (!a.ok()) {
      out->problems.push_back(ReadProblem{item.link, 0, a.message()});
      continue;
    }
    out->items.push_back(
        WatchedItem{item.link, feed.url, etag, last_modified, doc.meta.sha256, ""});
    out->docs.push_back(std::move(doc));
  }
  out->feed.last_result =
      fmt::format("200 ({} new, {} failed)", out->items.size(), out->problems.size());
}

}  // namespace letapis
