// Statistics timelines: every claim of a category lined up by as-of date and source.
#pragma once

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
  std::vector<std::string> reports;   // names of the reports stating it
  std::vector<std::string> evidence;  // the sentences, one per report
  bool conflicting = false;  // another source gives another value for the category that month
};

// Collects claims into a timeline. Claims with the same category, value, qualifier,
// source and as-of date are one point however many reports (syndicated copies, restated
// figures) carry them.
class StatisticsTimeline {
 public:
  // Adds the claims of one report; only `category` when it is not empty.
  void Add(const Document& doc, const Extraction& extraction, const std::string& category);
  // The points in as-of order (undated last), then by category, value and source, with
  // conflicts marked.
  std::vector<StatisticPoint> Points() const;

 private:
  std::vector<StatisticPoint> points_;
};

}  // namespace letapis
