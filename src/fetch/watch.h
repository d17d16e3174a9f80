// Checking a watched feed: the feed, then the articles it links to that are new.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "fetch/http.h"
#include "letapis/document.h"
#include "letapis/ingest.h"
#include "letapis/watch.h"

namespace letapis {

// What one check of a feed found.
struct FeedCheck {
  WatchedFeed feed;                   // the feed's new state (etag, last_modified, last_result)
  std::vector<WatchedItem> items;     // the articles fetched
  std::vector<Document> docs;         // their documents, ready for extraction
  std::vector<ReadProblem> problems;  // the feed's or an article's failure, by URL
};

// Fetches `feed` conditionally (its etag / last_modified). On 304 nothing else is done.
// On 200 the feed is parsed (a malformed or truncated feed is a problem and the feed's
// validators are kept, so the next run fetches it whole again) and every item whose
// link is not in `known_urls` is fetched and read as HTML (or PDF, by content type);
// the page's own metadata wins, the item's title and date fill gaps. An article that
// fails (robots.txt, HTTP error, unreadable) is a problem and is tried again next run.
void CheckFeed(Fetcher* fetcher, const WatchedFeed& feed, const std::set<std::string>& known_urls,
               FeedCheck* out);

}  // namespace letapis
