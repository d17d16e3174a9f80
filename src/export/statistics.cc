#include "letapis/statistics.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "letapis/export.h"

namespace letapis {

namespace {

bool Contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

}  // namespace

void StatisticsTimeline::Add(const Document& doc, const Extraction& x, const std::string& category,
                             int64_t group) {
  const PartialDate published =
      group == 0 ? x.published : group_published_.emplace(group, x.published).first->second;
  for (const Claim& c : x.claims) {
    if (!category.empty() && c.category != category) continue;
    StatisticPoint p;
    p.category = c.category;
    p.as_of = c.as_of.known() ? c.as_of : published;
    p.value = c.value;
    p.qualifier = c.qualifier;
    if (c.source >= 0 && c.source < static_cast<int>(x.entities.size())) {
      p.source = x.entities[c.source].name;
    } else {
      p.source = c.source_name;
    }
    p.what = c.what;
    auto same = std::find_if(points_.begin(), points_.end(), [&](const StatisticPoint& q) {
      return q.category == p.category && q.value == p.value && q.qualifier == p.qualifier &&
             q.source == p.source && q.as_of == p.as_of;
    });
    if (same == points_.end()) {
      points_.push_back(p);
      point_groups_.emplace_back();
      same = points_.end() - 1;
    }
    const std::string& name = doc.meta.name;
    if (Contains(same->reports, name) || Contains(same->copies, name)) continue;
    std::vector<int64_t>& groups = point_groups_[same - points_.begin()];
    if (group != 0 && std::find(groups.begin(), groups.end(), group) != groups.end()) {
      same->copies.push_back(name);
    } else {
      same->reports.push_back(name);
      same->evidence.push_back(SpanText(doc, c.evidence));
      if (group != 0) groups.push_back(group);
    }
    if (!doc.meta.publisher.empty() && !Contains(same->publishers, doc.meta.publisher)) {
      same->publishers.push_back(doc.meta.publisher);
    }
  }
}

std::vector<StatisticPoint> StatisticsTimeline::Points() const {
  std::vector<StatisticPoint> points = points_;
  std::stable_sort(points.begin(), points.end(),
                   [](const StatisticPoint& a, const StatisticPoint& b) {
                     const std::string da = a.as_of.known() ? a.as_of.ToIso() : "~";
                     const std::string db = b.as_of.known() ? b.as_of.ToIso() : "~";
                     return std::tie(da, a.category, a.value, a.source) <
                            std::tie(db, b.category, b.value, b.source);
                   });
  // Figures of one category in the same month from different sources that differ in value
  // are shown as conflicts (one source's parts and totals are not).
  std::map<std::pair<std::string, std::string>, std::vector<size_t>> by_month;
  for (size_t i = 0; i < points.size(); ++i) {
    if (!points[i].as_of.known()) continue;
    PartialDate month = points[i].as_of;
    month.day = 0;
    by_month[{points[i].category, month.ToIso()}].push_back(i);
  }
  for (const auto& [key, indices] : by_month) {
    for (size_t i : indices) {
      for (size_t j : indices) {
        if (points[i].value != points[j].value && points[i].source != points[j].source) {
          points[i].conflicting = true;
        }
      }
    }
  }
  return points;
}

}  // namespace letapis
