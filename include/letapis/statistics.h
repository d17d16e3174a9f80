// Statistics timelines: every claim of a category lined up by as-of date and source.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "letapis/date.h"
#include "letapis/document.h"
#include "letapis/extraction.h"

namespace letapis {

// One figure as reported, with every report that states it.
struct StatisticPoint {
  std::string category;
  PartialDate as_of;  // the claim's as-of date, else its report's publication date
  double value = 0;
  std::string qualifier;
  std::string source;  // the body it is attributed to ("" when none)
  std::string what;
  std::vector<std::string> reports;     // the independent reports stating it, one per original
  std::vector<std::string> evidence;    // the sentences, one per report in `reports`
  std::vector<std::string> copies;      // near-duplicate copies of those reports stating it too
  std::vector<std::string> publishers;  // the named publishers of the reports and copies
  bool conflicting = false;  // another source gives another value for the category that month
};

// Collects claims into a timeline. Claims with the same category, value, qualifier,
// source and as-of date are one point however many reports (syndicated copies, restated
// figures) carry them; near-duplicate copies of one original count once.
class StatisticsTimeline {
 public:
  // Adds the claims of one report; only `category` when it is not empty. `group` is the
  // source id of the report's near-duplicate original (its own id for an original):
  // reports of one group count once per point, and an undated claim of a copy takes the
  // publication date of the group's first report. 0: a group of its own.
  void Add(const Document& doc, const Extraction& extraction, const std::string& category,
           int64_t group = 0);
  // The points in as-of order (undated last), then by category, value and source, with
  // conflicts marked.
  std::vector<StatisticPoint> Points() const;

 private:
  std::vector<StatisticPoint> points_;
  std::vector<std::vector<int64_t>> point_groups_;  // the groups counted in each point
  std::map<int64_t, PartialDate> group_published_;  // publication date of each group
};

}  // namespace letapis
