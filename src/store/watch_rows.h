// Rows of watch_feed and watch_item (internal to the store).
#pragma once

#include <string>
#include <vector>

#include "letapis/status.h"
#include "letapis/watch.h"
#include "store/sqlite_handle.h"

namespace letapis::store {

// Inserts a watched feed with an audit-log entry, in one transaction; *added is false
// (and nothing is written) when the URL is already watched.
Status InsertWatchedFeed(Database* db, const std::string& url, const std::string& actor,
                         bool* added);

// Reads every watched feed (in id order) and every fetched article.
Status SelectWatched(Database* db, std::vector<WatchedFeed>* feeds,
                     std::vector<WatchedItem>* items);

// Updates a feed's state and inserts its newly fetched articles (URLs already present
// are left alone) with an audit-log entry, in one transaction.
Status UpdateFeedCheck(Database* db, const WatchedFeed& feed, const std::vector<WatchedItem>& items,
                       const std::string& actor);

}  // namespace letapis::store
