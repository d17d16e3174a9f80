// Events: triggers from data/event_triggers.tsv, with participants, date, place, term,
// article and modality taken from the trigger's sentence.
#include <algorithm>
#include <set>
#include <string>

#include "extract/analysis.h"

namespace letapis {
namespace {

// Participants named next to each other: "A, B and C".
struct Group {
  uint32_t first = 0, end = 0;  // token range
  std::vector<int> entities;
};

bool IsAuxiliary(std::string_view w) {
  static const char* kAux[] = {"was",  "were", "is",     "are",     "been",     "be",  "being",
                               "has",  "have", "had",    "got",     "get",      "gets", "remain",
                               "remains", "remained", "reportedly", "also", "then", "later",
                               "subsequently", "not", "never", "allegedly", "already", "all"};
  for (const char* a : kAux) {
    if (w == a) return true;
  }
  return w.size() > 4 && w.ends_with("ly");  // adverbs: "arbitrarily arrested"
}

bool IsSeparator(std::string_view w) {
  return w == "," || w == "and" || w == "&" || w == "as" || w == "well" || w == "." ||
         w == "Mr" || w == "Ms" || w == "Mrs" || w == "Dr";
}

class EventFinder {
 public:
  EventFinder(const Analysis& a, Extraction* out) : a_(a), lex_(*a.lex), out_(*out) {}

  void Run() {
    BuildGroups();
    const uint32_t n = static_cast<uint32_t>(a_.tokens.size());
    for (uint32_t i = 0; i < n;) {
      if (a_.tokens[i].kind != TokenKind::kWord || a_.in_quote[i]) {
        ++i;
        continue;
      }
      auto m = lex_.trigger_phrases.LongestAt(a_.text(), a_.tokens, i);
      if (m.length == 0) {
        ++i;
        continue;
      }
      OnTrigger(i, i + m.length, lex_.triggers[m.value]);
      i += m.length;
    }
    MergeAdvocacy();
  }

 private:
  bool Allowed(int entity, const std::string& type) const {
    const EntityKind k = out_.entities[entity].kind;
    if (k == EntityKind::kPerson) return true;
    if (k == EntityKind::kOrganization) {
      return type == "advocacy" || type == "designation" || type == "search";
    }
    return false;
  }

  void BuildGroups() {
    for (size_t k = 0; k < a_.names.size(); ++k) {
      const NameSpan& n = a_.names[k];
      if (n.kind == EntityKind::kPlace || n.entity < 0) continue;
      if (!groups_.empty()) {
        Group& g = groups_.back();
        bool joined = g.end <= n.first && n.first - g.end <= 4 &&
                      a_.sentence_of[g.first] == a_.sentence_of[n.first];
        for (uint32_t t = g.end; joined && t < n.first; ++t) {
          std::string_view w = a_.word(t);
          joined = IsSeparator(w) || lex_.roles.count(FoldCase(w)) > 0 ||
                   lex_.demonyms.count(std::string(w)) > 0;
        }
        if (joined && g.end < n.first && a_.word(n.first - 1) != "," &&
            a_.word(n.first - 1) != "and" && lex_.roles.count(FoldCase(a_.word(n.first - 1))) == 0) {
          joined = false;
        }
        if (joined) {
          g.end = n.end;
          if (std::find(g.entities.begin(), g.entities.end(), n.entity) == g.entities.end()) {
            g.entities.push_back(n.entity);
          }
          continue;
        }
      }
      groups_.push_back(Group{n.first, n.end, {n.entity}});
    }
  }

  // Nearest group ending before `t` in the same sentence, within `reach` tokens.
  const Group* GroupBefore(uint32_t t, uint32_t reach) const {
    const uint32_t s = a_.sentence_of[t];
    for (auto it = groups_.rbegin(); it != groups_.rend(); ++it) {
      if (it->end > t) continue;
      if (a_.sentence_of[it->first] != s || t - it->end > reach) return nullptr;
      if (a_.in_quote[it->first]) continue;
      return &*it;
    }
    return nullptr;
  }

  // Nearest group starting after `t` in the same sentence, within `reach` tokens.
  const Group* GroupAfter(uint32_t t, uint32_t reach) const {
    const uint32_t s = a_.sentence_of[t];
    for (const Group& g : groups_) {
      if (g.first < t) continue;
      if (a_.sentence_of[g.first] != s || g.first - t > reach) return nullptr;
      if (a_.in_quote[g.first]) continue;
      return &g;
    }
    return nullptr;
  }

  // A pronoun between the clause start and the trigger, resolved to an entity.
  int PronounBefore(uint32_t t, bool* plural) const {
    const uint32_t start = a_.sentences[a_.sentence_of[t]].first;
    for (uint32_t k = t; k > start && t - k < 8; --k) {
      std::string_view w = a_.word(k - 1);
      if (w == ";") break;
      const bool singular = w == "he" || w == "He" || w == "him" || w == "his" || w == "His" ||
                            w == "she" || w == "She" || w == "her" || w == "Her";
      const bool many = w == "they" || w == "They" || w == "them" || w == "their" || w == "Their";
      if (singular || many) {
        *plural = many;
        return ResolveReference(a_, k - 1, many);
      }
    }
    return -1;
  }

  void OnTrigger(uint32_t t, uint32_t t_end, const TriggerEntry& trig) {
    const std::string& type = trig.type;
    const uint32_t sentence = a_.sentence_of[t];
    bool passive = false;
    for (uint32_t k = t; k > 0 && t - k < 4; --k) {
      std::string_view w = a_.word(k - 1);
      if (!IsAuxiliary(w)) break;
      if (w != "reportedly" && w != "also" && w != "not" && !(w.size() > 4 && w.ends_with("ly"))) {
        passive = true;
      }
    }
    std::vector<int> who;
    auto take = [&](const Group* g) {
      if (g == nullptr) return;
      for (int e : g->entities) {
        if (Allowed(e, type) && std::find(who.begin(), who.end(), e) == who.end()) who.push_back(e);
      }
    };
    const std::string_view prev = t > 0 ? a_.word(t - 1) : std::string_view();
    if (trig.form == "noun") {
      if (a_.Is(t_end, "of")) {
        take(GroupAfter(t_end, 2));
      } else if (t + 1 < a_.tokens.size() && a_.Is(t_end + 1, "of")) {
        take(GroupAfter(t_end + 1, 2));
      }
      if (who.empty() && (prev == "his" || prev == "her" || prev == "their" || prev == "His" ||
                          prev == "Her" || prev == "Their")) {
        const int e = ResolveReference(a_, t - 1, prev == "their" || prev == "Their");
        if (e >= 0 && Allowed(e, type)) who.push_back(e);
      }
      if (who.empty()) take(GroupBefore(t, 12));
    } else if (trig.form == "participle" || trig.form == "phrase") {
      if (passive || prev == "who" || prev == ",") {
        take(GroupBefore(t, 12));
      } else if (prev == "those" || prev == "are" || prev == "is") {
        take(GroupAfter(t_end, 6));
      } else {
        // Active voice: "police detained X"; the subject may also be named.
        take(GroupAfter(t_end, 6));
        if (type == "advocacy" || type == "designation" || type == "pardon" ||
            type == "release" || who.empty()) {
          take(GroupBefore(t, 12));
        }
      }
    } else {  // verb
      take(GroupAfter(t_end, 4));
      take(GroupBefore(t, 8));
    }
    if (who.empty()) {
      bool plural = false;
      const int e = PronounBefore(t, &plural);
      if (e >= 0 && Allowed(e, type)) who.push_back(e);
    }
    if (who.empty()) return;

    Event ev;
    ev.type = type;
    ev.who = who;
    ev.trigger = a_.SpanOf(t, t_end);
    ev.rule = trig.id;
    ev.confidence = passive ? 0.8f : 0.7f;
    const Sentence& s = a_.sentences[sentence];
    ev.evidence = a_.SpanOf(s.first, s.last);
    ev.modality = Modality(t, type);
    SetDate(t, &ev);
    SetPlace(t, &ev);
    for (const ArticleMatch& am : a_.articles) {
      if (am.first < s.first || am.first >= s.last) continue;
      for (const std::string& art : am.articles) {
        if (!ev.article.empty()) ev.article += ", ";
        ev.article += art;
      }
    }
    if (type == "sentence") {
      std::vector<const TermMatch*> terms;
      for (const TermMatch& tm : a_.terms) {
        if (tm.first >= s.first && tm.first < s.last) terms.push_back(&tm);
      }
      bool respectively = false;
      for (uint32_t k = s.first; k < s.last; ++k) respectively = respectively || a_.Is(k, "respectively");
      if (respectively && terms.size() == who.size() && who.size() > 1) {
        for (size_t k = 0; k < who.size(); ++k) {
          Event one = ev;
          one.who = {who[k]};
          one.term_months = terms[k]->months;
          one.rule += "+respectively";
          Push(std::move(one), sentence);
        }
        return;
      }
      const TermMatch* nearest = nullptr;
      uint32_t best = 1000;
      for (const TermMatch* tm : terms) {
        const uint32_t d = tm->first >= t ? tm->first - t : t - tm->end;
        if (d < best && d <= 12) {
          best = d;
          nearest = tm;
        }
      }
      if (nearest != nullptr && nearest->months > 0) ev.term_months = nearest->months;
    }
    Push(std::move(ev), sentence);
  }

  void Push(Event ev, uint32_t sentence) {
    for (size_t k = 0; k < out_.events.size(); ++k) {
      Event& other = out_.events[k];
      if (other.type == ev.type && sentences_[k] == sentence) {
        for (int e : ev.who) {
          if (std::find(other.who.begin(), other.who.end(), e) == other.who.end()) {
            other.who.push_back(e);
          }
        }
        if (!other.term_months && ev.term_months) other.term_months = ev.term_months;
        if (other.modality != "asserted" && ev.modality == "asserted") other.modality = "asserted";
        return;
      }
    }
    out_.events.push_back(std::move(ev));
    sentences_.push_back(sentence);
  }

  std::string Modality(uint32_t t, const std::string& type) const {
    if (type == "advocacy") return "asserted";
    const uint32_t start = a_.sentences[a_.sentence_of[t]].first;
    const uint32_t from = t > start + 10 ? t - 10 : start;
    std::string found = "asserted";
    for (uint32_t k = from; k < t; ++k) {
      if (a_.word(k) == ";" || a_.word(k) == ":") found = "asserted";
      auto m = lex_.modality_phrases.LongestAt(a_.text(), a_.tokens, k);
      if (m.length > 0 && k + m.length <= t) found = lex_.modalities[m.value].label;
    }
    return found;
  }

  void SetDate(uint32_t t, Event* ev) const {
    const uint32_t s = a_.sentence_of[t];
    const DateMatch* best = nullptr;
    uint32_t best_distance = 1000;
    for (const DateMatch& d : a_.dates) {
      if (a_.sentence_of[d.first] != s) continue;
      const uint32_t distance = d.first >= t ? d.first - t : t - d.end;
      if (distance < best_distance) {
        best_distance = distance;
        best = &d;
      }
    }
    if (best == nullptr) return;
    ev->date = best->date;
    ev->date_text = std::string(a_.TextOf(best->first, best->end));
  }

  void SetPlace(uint32_t t, Event* ev) const {
    const uint32_t s = a_.sentence_of[t];
    uint32_t best_distance = 1000;
    for (const NameSpan& n : a_.names) {
      if (n.kind != EntityKind::kPlace || a_.sentence_of[n.first] != s || n.first == 0) continue;
      std::string_view before = a_.word(n.first - 1);
      if (!(before == "in" || before == "In" || before == "at" || before == "to" ||
            before == "from" || before == "into")) {
        continue;
      }
      const uint32_t distance = n.first >= t ? n.first - t : t - n.end;
      if (distance < best_distance && distance <= 15) {
        best_distance = distance;
        ev->place = n.entity;
      }
    }
  }

  // One open letter reported over neighbouring sentences is one advocacy event.
  void MergeAdvocacy() {
    for (size_t k = 1; k < out_.events.size(); ++k) {
      Event& ev = out_.events[k];
      if (ev.type != "advocacy") continue;
      for (size_t j = 0; j < k; ++j) {
        Event& prev = out_.events[j];
        if (prev.type != "advocacy" || sentences_[k] - sentences_[j] > 2 || prev.who.empty()) continue;
        for (int e : ev.who) {
          if (std::find(prev.who.begin(), prev.who.end(), e) == prev.who.end()) prev.who.push_back(e);
        }
        ev.who.clear();
        break;
      }
    }
    std::vector<Event> kept;
    std::vector<uint32_t> kept_sentences;
    for (size_t k = 0; k < out_.events.size(); ++k) {
      if (out_.events[k].who.empty()) continue;
      kept.push_back(std::move(out_.events[k]));
      kept_sentences.push_back(sentences_[k]);
    }
    out_.events = std::move(kept);
    sentences_ = std::move(kept_sentences);
  }

  const Analysis& a_;
  const Lexicons& lex_;
  Extraction& out_;
  std::vector<Group> groups_;
  std::vector<uint32_t> sentences_;  // sentence of each event in out_.events
};

}  // namespace

int ResolveReference(const Analysis& a, uint32_t i, bool plural) {
  // The nearest preceding person (for "they": a run of several people in one sentence).
  const uint32_t limit_sentence = a.sentence_of[i] >= 4 ? a.sentence_of[i] - 4 : 0;
  int best = -1;
  for (auto it = a.names.rbegin(); it != a.names.rend(); ++it) {
    if (it->first >= i || it->entity < 0) continue;
    if (a.sentence_of[it->first] < limit_sentence) break;
    if (it->kind != EntityKind::kPerson) continue;
    if (a.in_quote[it->first] && !a.in_quote[i]) continue;
    if (!plural) return it->entity;
    best = it->entity;
    break;
  }
  return best;
}

void FindEvents(const Analysis& analysis, Extraction* out) { EventFinder(analysis, out).Run(); }

}  // namespace letapis
