#include <algorithm>

#include <fmt/format.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "letapis/people.h"

namespace letapis {
namespace {

bool IsFullName(const std::string& name) { return name.find(' ') != std::string::npos; }

// The mention's name used for comparisons: its fullest multi-word form, else its name.
const std::string& MainName(const PersonMention& m) {
  if (IsFullName(m.name)) return m.name;
  for (const std::string& a : m.aliases) {
    if (IsFullName(a)) return a;
  }
  return m.name;
}

std::vector<std::string> Forms(const PersonMention& m) {
  std::vector<std::string> forms{m.name};
  forms.insert(forms.end(), m.aliases.begin(), m.aliases.end());
  return forms;
}

std::string Label(const Person& p) { return fmt::format("#{} {}", p.id, p.name); }

// How much closer one surname spelling must be than the next to decide between people.
constexpr double kClearlyCloser = 0.2;

// 1 - edit distance / longer length, over bytes.
double Similarity(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return 0;
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return 1.0 -
         static_cast<double>(row[b.size()]) / static_cast<double>(std::max(a.size(), b.size()));
}

}  // namespace

double PeopleResolver::SurnameSimilarity(const PersonMention& m, const Cluster& c) const {
  const std::string surname = matcher_.Parse(MainName(m)).surname;
  double best = 0;
  for (const std::string& n : c.person.names)
    best = std::max(best, Similarity(surname, matcher_.Parse(n).surname));
  return best;
}

std::string FoldPersonName(std::string_view name) {
  std::string out;
  for (int32_t i = 0; i < static_cast<int32_t>(name.size());) {
    UChar32 c = 0;
    U8_NEXT(name.data(), i, static_cast<int32_t>(name.size()), c);
    if (c < 0 || !u_isalnum(c)) continue;
    c = u_tolower(c);
    char buf[4];
    int32_t n = 0;
    U8_APPEND_UNSAFE(buf, n, c);
    out.append(buf, static_cast<size_t>(n));
  }
  return out;
}

PeopleResolver::PeopleResolver(const NameMatcher& matcher, const std::vector<Judgement>& judgements)
    : matcher_(matcher) {
  // The latest verdict on each pair wins.
  for (const Judgement& j : judgements) {
    std::string a = FoldPersonName(j.name_a), b = FoldPersonName(j.name_b);
    if (b < a) std::swap(a, b);
    judged_[{a, b}] = j.verdict == "same" ? Verdict::kSame : Verdict::kDifferent;
  }
}

PeopleResolver::Verdict PeopleResolver::Judged(const std::string& a, const std::string& b) const {
  auto it = judged_.find(a < b ? std::pair{a, b} : std::pair{b, a});
  return it == judged_.end() ? Verdict::kNone : it->second;
}

std::vector<std::string> PeopleResolver::ContextKeys(const PersonMention& m) const {
  std::vector<std::string> keys;
  const std::string own = matcher_.PhoneticKey(MainName(m));
  for (const std::string& p : m.co_people) {
    if (!IsFullName(p)) continue;
    std::string key = matcher_.PhoneticKey(p);
    if (!key.empty() && key != own) keys.push_back("p:" + key);
  }
  for (const std::string& b : m.co_bodies) {
    std::string folded = FoldPersonName(b);
    if (!folded.empty()) keys.push_back("o:" + folded);
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

PeopleResolver::Cluster& PeopleResolver::ClusterFor(int64_t id, const std::string& name) {
  Cluster& c = clusters_[id];
  if (c.person.id == 0) {
    c.person.id = id;
    c.person.name = name;
    max_id_ = std::max(max_id_, id);
  }
  return c;
}

void PeopleResolver::AddPerson(const Person& person) {
  Cluster& c = ClusterFor(person.id, person.name);
  c.person = person;
  std::vector<std::string> names = person.names;
  if (names.empty()) names.push_back(person.name);
  c.person.names.clear();
  for (const std::string& n : names) {
    const std::string folded = FoldPersonName(n);
    if (folded.empty() || !c.folded.insert(folded).second) continue;
    c.person.names.push_back(n);
    if (IsFullName(n)) AddFullName(&c, n);
    by_folded_[folded].insert(person.id);
    for (const std::string& key : matcher_.PhoneticKeys(n)) by_key_[key].insert(person.id);
  }
}

void PeopleResolver::Attach(size_t index, Cluster* c) {
  Tracked& t = mentions_[index];
  t.person_id = c->person.id;
  c->mentions.push_back(index);
  for (const std::string& key : t.context) ++c->context[key];
  for (const std::string& form : Forms(t.mention)) {
    const std::string folded = FoldPersonName(form);
    if (folded.empty() || !c->folded.insert(folded).second) continue;
    c->touched = true;
    c->person.names.push_back(form);
    if (IsFullName(form)) AddFullName(c, form);
    by_folded_[folded].insert(c->person.id);
    for (const std::string& key : matcher_.PhoneticKeys(form)) by_key_[key].insert(c->person.id);
  }
}

void PeopleResolver::AddResolved(const PersonMention& mention) {
  mentions_.push_back(Tracked{mention, ContextKeys(mention), mention.person_id, "", false});
  if (mention.person_id != 0)
    Attach(mentions_.size() - 1, &ClusterFor(mention.person_id, mention.name));
}

std::vector<int64_t> PeopleResolver::Candidates(const PersonMention& m) const {
  std::set<int64_t> ids;
  for (const std::string& key : matcher_.PhoneticKeys(MainName(m))) {
    if (auto it = by_key_.find(key); it != by_key_.end())
      ids.insert(it->second.begin(), it->second.end());
  }
  // Names a reviewer judged the same as one of the mention's, whatever their spelling.
  for (const std::string& form : Forms(m)) {
    const std::string folded = FoldPersonName(form);
    for (const auto& [pair, verdict] : judged_) {
      if (verdict != Verdict::kSame || (pair.first != folded && pair.second != folded)) continue;
      const std::string& other = pair.first == folded ? pair.second : pair.first;
      if (auto it = by_folded_.find(other); it != by_folded_.end()) {
        ids.insert(it->second.begin(), it->second.end());
      }
    }
  }
  return {ids.begin(), ids.end()};
}

void PeopleResolver::AddFullName(Cluster* c, const std::string& name) {
  c->full_names.push_back(name);
  c->prepared.push_back(matcher_.Prepare(name));
}

std::string PeopleResolver::Fits(const PersonMention& m, const NameMatcher::Prepared& prepared,
                                 const Cluster& c, bool* judged_same) const {
  *judged_same = false;
  std::string same_why;
  for (const std::string& form : Forms(m)) {
    const std::string folded = FoldPersonName(form);
    for (const std::string& known : c.folded) {
      const Verdict v = Judged(folded, known);
      if (v == Verdict::kDifferent) return "";
      if (v == Verdict::kSame && same_why.empty()) {
        same_why =
            fmt::format("a reviewer judged \"{}\" the same person as {}", form, Label(c.person));
      }
    }
  }
  if (!same_why.empty()) {
    *judged_same = true;
    return same_why;
  }
  const std::string& name = MainName(m);
  const std::vector<NameMatcher::Prepared> fallback =
      c.prepared.empty() ? std::vector{matcher_.Prepare(c.person.name)}
                         : std::vector<NameMatcher::Prepared>{};
  const std::vector<NameMatcher::Prepared>& against = c.prepared.empty() ? fallback : c.prepared;
  NameMatcher::Match best;
  std::string best_name;
  for (size_t i = 0; i < against.size(); ++i) {
    NameMatcher::Match match = matcher_.Compare(prepared, against[i]);
    if (!match.same) return "";
    if (best_name.empty() || match.score > best.score) {
      best = match;
      best_name = c.prepared.empty() ? c.person.name : c.full_names[i];
    }
  }
  return fmt::format("\"{}\" fits {} (\"{}\", score {:.2f}: {})", name, Label(c.person), best_name,
                     best.score, best.why);
}

int PeopleResolver::SharedContext(const std::vector<std::string>& keys, const Cluster& c) const {
  int shared = 0;
  for (const std::string& key : keys) shared += c.context.count(key) ? 1 : 0;
  return shared;
}

int64_t PeopleResolver::NextId(int64_t preferred) const {
  if (preferred > 0 && !clusters_.count(preferred) && !emptied_.count(preferred)) return preferred;
  return max_id_ + 1;
}

void PeopleResolver::Merge(int64_t from, int64_t into) {
  auto it = clusters_.find(from);
  Cluster moved = std::move(it->second);
  clusters_.erase(it);
  if (moved.person.origin == "reports") emptied_.insert(from);
  for (auto& [key, ids] : by_key_) {
    if (ids.erase(from)) ids.insert(into);
  }
  for (auto& [folded, ids] : by_folded_) {
    if (ids.erase(from)) ids.insert(into);
  }
  Cluster& target = clusters_.at(into);
  target.touched = true;
  for (size_t index : moved.mentions) {
    Tracked& t = mentions_[index];
    t.changed = true;
    t.why = fmt::format("{}; person #{} merged into {} by a reviewer's judgement", t.why, from,
                        Label(target.person));
    t.person_id = 0;
    Attach(index, &target);
  }
  for (const std::string& n : moved.person.names) {
    if (target.folded.insert(FoldPersonName(n)).second) {
      target.person.names.push_back(n);
      if (IsFullName(n)) AddFullName(&target, n);
    }
  }
}

void PeopleResolver::Resolve(const PersonMention& mention, int64_t preferred_id) {
  mentions_.push_back(Tracked{mention, ContextKeys(mention), 0, "", true});
  const size_t index = mentions_.size() - 1;
  const std::vector<std::string>& context = mentions_[index].context;
  struct Fit {
    int64_t id;
    std::string why;
    bool judged;
    int shared;
  };
  std::vector<Fit> fits;
  const NameMatcher::Prepared prepared = matcher_.Prepare(MainName(mention));
  for (int64_t id : Candidates(mention)) {
    bool judged = false;
    std::string why = Fits(mention, prepared, clusters_.at(id), &judged);
    if (!why.empty()) fits.push_back({id, why, judged, SharedContext(context, clusters_.at(id))});
  }
  auto assign = [&](int64_t id, std::string why) {
    mentions_[index].why = std::move(why);
    Attach(index, &clusters_.at(id));
  };
  // Judgements first: they join the mention and merge the people they link.
  std::vector<int64_t> judged;
  for (const Fit& f : fits) {
    if (f.judged) judged.push_back(f.id);
  }
  if (!judged.empty()) {
    // A list's person (and otherwise the oldest) keeps its id.
    std::sort(judged.begin(), judged.end(), [&](int64_t a, int64_t b) {
      const bool la = clusters_.at(a).person.origin == "list",
                 lb = clusters_.at(b).person.origin == "list";
      return la != lb ? la : a < b;
    });
    for (size_t i = 1; i < judged.size(); ++i) {
      bool allowed = true;
      for (const std::string& x : clusters_.at(judged[0]).folded) {
        for (const std::string& y : clusters_.at(judged[i]).folded) {
          if (Judged(x, y) == Verdict::kDifferent) allowed = false;
        }
      }
      if (allowed) Merge(judged[i], judged[0]);
    }
    const auto chosen =
        std::find_if(fits.begin(), fits.end(), [&](const Fit& f) { return f.id == judged[0]; });
    assign(judged[0], chosen->why);
    return;
  }
  const bool surname_only = !IsFullName(MainName(mention));
  if (fits.empty()) {
    if (surname_only) {
      mentions_[index].why =
          fmt::format("\"{}\" is a surname alone and fits no known person", mention.name);
      return;
    }
    const int64_t id = NextId(preferred_id);
    Cluster& c = ClusterFor(id, MainName(mention));
    c.touched = true;
    mentions_[index].why =
        fmt::format("\"{}\" fits no known person: a new person", MainName(mention));
    Attach(index, &c);
    return;
  }
  // The best fit by shared context; a tie decides nothing.
  std::stable_sort(fits.begin(), fits.end(),
                   [](const Fit& a, const Fit& b) { return a.shared > b.shared; });
  if (fits.size() == 1 || fits[0].shared > fits[1].shared) {
    if (surname_only && fits[0].shared == 0) {
      mentions_[index].why = fmt::format("\"{}\" is a surname alone and shares no context with {}",
                                         mention.name, Label(clusters_.at(fits[0].id).person));
      return;
    }
    std::string why = fits[0].why;
    if (fits[0].shared > 0) {
      why += fmt::format("; shares {} co-mentioned name(s) with the person", fits[0].shared);
    }
    if (fits.size() > 1)
      why += fmt::format(", more than the {} other person(s) it fits", fits.size() - 1);
    assign(fits[0].id, why);
    return;
  }
  // Among people sharing as much context, a clearly closer surname spelling decides
  // ("Matskevich" over "Mitokaovich", whose consonant skeletons agree).
  std::vector<std::pair<double, const Fit*>> closeness;
  for (const Fit& f : fits) {
    if (f.shared == fits[0].shared)
      closeness.emplace_back(SurnameSimilarity(mention, clusters_.at(f.id)), &f);
  }
  std::sort(closeness.begin(), closeness.end(),
            [](const auto& a, const auto& b) { return a.first > b.first; });
  if (!surname_only && closeness[0].first - closeness[1].first >= kClearlyCloser) {
    assign(closeness[0].second->id,
           fmt::format("{}; its surname is spelled closest ({:.2f} against {:.2f})",
                       closeness[0].second->why, closeness[0].first, closeness[1].first));
    return;
  }
  std::string listed;
  for (const Fit& f : fits)
    listed += (listed.empty() ? "" : ", ") + Label(clusters_.at(f.id).person);
  mentions_[index].why =
      fmt::format("\"{}\" is ambiguous: fits {}; left unassigned", MainName(mention), listed);
}

std::vector<PersonAssignment> PeopleResolver::Changes() const {
  std::vector<PersonAssignment> out;
  for (const Tracked& t : mentions_) {
    if (t.changed) out.push_back({t.mention.entity_id, t.person_id, t.why});
  }
  return out;
}

std::vector<Person> PeopleResolver::Touched() const {
  std::vector<Person> out;
  for (const auto& [id, c] : clusters_) {
    if (c.touched) out.push_back(c.person);
  }
  return out;
}

std::vector<int64_t> PeopleResolver::Emptied() const { return {emptied_.begin(), emptied_.end()}; }

}  // namespace letapis
