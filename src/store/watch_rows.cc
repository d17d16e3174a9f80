// InsertWatchedFeed, SelectWatched and UpdateFeedCheck.
#include "store/watch_rows.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "store/codec.h"
#include "store/transaction.h"

namespace letapis::store {
namespace {

Status Audit(Database* db, const std::string& at, const std::string& actor,
             const std::string& action, int64_t feed_id, const nlohmann::json& after) {
  Statement audit;
  Status s = db->Prepare(
      "INSERT INTO audit_log (at, actor, action, object_type, object_id, before, after)"
      " VALUES (?1, ?2, ?3, 'watch_feed', ?4, NULL, ?5)",
      &audit);
  if (s.ok()) {
    s = audit.BindText(1, at)
            .BindText(2, actor)
            .BindText(3, action)
            .BindInt64(4, feed_id)
            .BindText(5, after.dump())
            .Run();
  }
  return s;
}

}  // namespace

Status InsertWatchedFeed(Database* db, const std::string& url, const std::string& actor,
                         bool* added) {
  *added = false;
  const std::string now = UtcNow();
  Transaction tx(db);
  Status s = tx.Begin(Transaction::Mode::kWrite);
  Statement find, insert;
  bool exists = false;
  if (s.ok()) s = db->Prepare("SELECT id FROM watch_feed WHERE url = ?1", &find);
  if (s.ok()) s = find.BindText(1, url).Step(&exists);
  if (!s.ok() || exists) return s;
  s = db->Prepare("INSERT INTO watch_feed (url, added_at) VALUES (?1, ?2)", &insert);
  if (s.ok()) s = insert.BindText(1, url).BindText(2, now).Run();
  if (!s.ok()) return s;
  const int64_t id = db->LastInsertRowid();
  s = Audit(db, now, actor, "watch", id, nlohmann::json{{"url", url}});
  if (s.ok()) s = tx.Commit();
  if (s.ok()) *added = true;
  return s;
}

Status SelectWatched(Database* db, std::vector<WatchedFeed>* feeds,
                     std::vector<WatchedItem>* items) {
  Statement stmt;
  Status s = db->Prepare(
      "SELECT url, added_at, etag, last_modified, checked_at, last_result FROM watch_feed"
      " ORDER BY id",
      &stmt);
  bool row = false;
  while (s.ok() && (s = stmt.Step(&row)).ok() && row) {
    feeds->push_back(WatchedFeed{stmt.ColumnText(0), stmt.ColumnText(1), stmt.ColumnText(2),
                                 stmt.ColumnText(3), stmt.ColumnText(4), stmt.ColumnText(5)});
  }
  Statement item;
  if (s.ok()) {
    s = db->Prepare(
        "SELECT i.url, f.url, i.etag, i.last_modified, i.sha256, i.fetched_at FROM watch_item i"
        " JOIN watch_feed f ON f.id = i.feed_id ORDER BY i.id",
        &item);
  }
  while (s.ok() && (s = item.Step(&row)).ok() && row) {
    items->push_back(WatchedItem{item.ColumnText(0), item.ColumnText(1), item.ColumnText(2),
                                 item.ColumnText(3), item.ColumnText(4), item.ColumnText(5)});
  }
  return s;
}

Status UpdateFeedCheck(Database* db, const WatchedFeed& feed, const std::vector<WatchedItem>& items,
                       const std::string& actor) {
  const std::string now = UtcNow();
  Transaction tx(db);
  Status s = tx.Begin(Transaction::Mode::kWrite);
  Statement update, find, insert;
  if (s.ok()) {
    s = db->Prepare(
        "UPDATE watch_feed SET etag = ?2, last_modified = ?3, checked_at = ?4, last_result = ?5"
        " WHERE url = ?1",
        &update);
  }
  if (s.ok()) {
    s = update.BindText(1, feed.url)
            .BindText(2, feed.etag)
            .BindText(3, feed.last_modified)
            .BindText(4, now)
            .BindText(5, feed.last_result)
            .Run();
  }
  if (s.ok()) s = db->Prepare("SELECT id FROM watch_feed WHERE url = ?1", &find);
  bool row = false;
  if (s.ok()) s = find.BindText(1, feed.url).Step(&row);
  if (s.ok() && !row) s = Status::NotFound(fmt::format("{}: not a watched feed", feed.url));
  if (!s.ok()) return s;
  const int64_t feed_id = find.ColumnInt64(0);
  s = db->Prepare(
      "INSERT OR IGNORE INTO watch_item (url, feed_id, etag, last_modified, sha256, fetched_at)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
      &insert);
  nlohmann::json urls = nlohmann::json::array();
  for (size_t i = 0; i < items.size() && s.ok(); ++i) {
    const WatchedItem& item = items[i];
    s = insert.BindText(1, item.url)
            .BindInt64(2, feed_id)
            .BindText(3, item.etag)
            .BindText(4, item.last_modified)
            .BindText(5, item.sha256)
            .BindText(6, now)
            .Run();
    urls.push_back(item.url);
  }
  if (s.ok()) {
    s = Audit(db, now, actor, "watch_check", feed_id,
              nlohmann::json{{"url", feed.url}, {"result", feed.last_result}, {"items", urls}});
  }
  if (s.ok()) s = tx.Commit();
  return s;
}

}  // namespace letapis::store
