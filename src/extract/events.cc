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
  static const char* kAux[] = {
      "was",     "were",     "is",         "are",     "been", "be",    "being",
      "has",     "have",     "had",        "got",     "get",  "gets",  "remain",
      "remains", "remained", "reportedly", "also",    "then", "later", "subsequently",
      "not",     "never",    "allegedly",  "already", "all"};
  for (const char* a : kAux) {
    if (w == a) return true;
  }
  return w.size() > 4 && w.ends_with("ly");  // adverbs: "arbitrarily arrested"
}

bool IsSeparator(std::string_view w) {
  return w == "," || w == "and" || w == "&" || w == "as" || w == "well" || w == "." || w == "\"" ||
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
        // Joined when only separators, roles and lower-case words ("and fellow human
        // rights defenders") stand between, with a comma or "and" among them.
        bool joined = g.end <= n.first && n.first - g.end <= 6 &&
                      a_.sentence_of[g.first] == a_.sentence_of[n.first];
        bool conjunction = false;
        for (uint32_t t = g.end; joined && t < n.first; ++t) {
          std::string_view w = a_.word(t);
          conjunction = conjunction || w == "," || w == "and";
          const bool lower_word =
              a_.tokens[t].kind == TokenKind::kWord && !a_.tokens[t].is(kCapitalized);
          joined = IsSeparator(w) || lex_.roles.count(FoldCase(w)) > 0 ||
                   lex_.demonyms.count(std::string(w)) > 0 ||
                   (lower_word && w != "by" && w != "to" && w != "with" && w != "of");
        }
        if (g.end < n.first && !conjunction) joined = false;
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

  // The person or people a pronoun right after the trigger stands for ("sentenced him").
  int ObjectPronoun(uint32_t k) const {
    if (k >= a_.tokens.size()) return -1;
    const std::string_view w = a_.word(k);
    if (w == "him" || w == "her") return ResolveReference(a_, k, false);
    return -1;
  }

  // The last group of several people before `t`, within three sentences ("they").
  const Group* LastMultiGroup(uint32_t t) const {
    const uint32_t s = a_.sentence_of[t];
    for (auto it = groups_.rbegin(); it != groups_.rend(); ++it) {
      if (it->end > t) continue;
      if (s - a_.sentence_of[it->first] > 3) return nullptr;
      if (it->entities.size() >= 2 && !a_.in_quote[it->first]) return &*it;
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
      if (w == "three" || w == "two" || w == "four" || w == "five") {
        *plural = true;
        return -1;
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
        // Active voice: "police detained X", "sentenced them"; the subject may be named
        // too. "people convicted of ..." (a reduced relative on a common noun) names nobody.
        take(GroupAfter(t_end, 6));
        if (who.empty()) {
          const int object = ObjectPronoun(t_end);
          if (object >= 0 && Allowed(object, type)) who.push_back(object);
          if (a_.Is(t_end, "them")) take(LastMultiGroup(t));
        }
        const bool subject_matters = type == "advocacy" || type == "designation" ||
                                     type == "pardon" || type == "release" || type == "exile" ||
                                     type == "death_in_custody";
        const bool after_name = t > 0 && a_.NameAt(t - 1) >= 0;
        if (subject_matters || (who.empty() && after_name)) take(GroupBefore(t, 12));
        if (who.empty() && !after_name) return;
      }
    } else {  // verb
      take(GroupAfter(t_end, 4));
      take(GroupBefore(t, 8));
    }
    if (trig.form == "list") {
      who.clear();
      const Sentence& s = a_.sentences[sentence];
      for (const Group& g : groups_) {
        if (g.first >= t_end && g.first < s.last) take(&g);
      }
    }
    if (who.empty()) {
      bool plural = false;
      const int e = PronounBefore(t, &plural);
      if (plural) {
        take(LastMultiGroup(t));
      } else if (e >= 0 && Allowed(e, type)) {
        who.push_back(e);
      }
    }
    if (who.empty() && trig.form == "noun") take(GroupAfter(t_end, 15));
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
      for (uint32_t k = s.first; k < s.last; ++k)
        respectively = respectively || a_.Is(k, "respectively");
      if (respectively && who.size() > 1) {
        const std::vector<int> months = RespectiveTerms(s, terms);
        if (months.size() == who.size()) {
          for (size_t k = 0; k < who.size(); ++k) {
            Event one = ev;
            one.who = {who[k]};
            one.term_months = months[k];
            one.rule += "+respectively";
            Push(std::move(one), sentence);
          }
          return;
        }
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

  // "to six, five and four and a half years respectively": one term per listed number,
  // the unit taken from the term that closes the list.
  std::vector<int> RespectiveTerms(const Sentence& s,
                                   const std::vector<const TermMatch*>& terms) const {
    std::vector<int> months;
    if (terms.empty()) return months;
    const TermMatch* closing = terms.back();
    const bool in_years = closing->months % 12 == 0 || closing->rule != "term.months";
    std::vector<const TermMatch*> used;
    for (const NumberMatch& num : a_.numbers) {
      if (num.first < s.first || num.end > closing->end) continue;
      const TermMatch* inside = nullptr;
      for (const TermMatch* tm : terms) {
        if (num.first >= tm->first && num.first < tm->end) inside = tm;
      }
      if (inside != nullptr) {
        if (std::find(used.begin(), used.end(), inside) == used.end()) {
          used.push_back(inside);
          months.push_back(inside->months);
        }
        continue;
      }
      const std::string_view next = num.end < a_.tokens.size() ? a_.word(num.end) : "";
      if (next != "," && next != "and") continue;
      months.push_back(static_cast<int>(num.value * (in_years ? 12 : 1)));
    }
    return months;
  }

  void Push(Event ev, uint32_t sentence) {
    for (size_t k = 0; k < out_.events.size(); ++k) {
      Event& other = out_.events[k];
      bool shared = false;
      for (int e : ev.who) {
        shared = shared || std::find(other.who.begin(), other.who.end(), e) != other.who.end();
      }
      // Two triggers of one type in a sentence about the same people are one event.
      if (other.type == ev.type && sentences_[k] == sentence && shared) {
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
    const uint32_t from = t > start + 20 ? t - 20 : start;
    std::string found = "asserted";
    // "giving him 48 hours to release": an infinitive is not a report of a fact, except
    // after a verb that makes it happen ("forced him to flee", "leading him to flee").
    if (t > 0 && a_.Is(t - 1, "to") && type != "exile") found = "possible";
    // "- immediately and unconditionally release X": a demand in a list of demands.
    uint32_t k = t;
    while (k > start && (a_.word(k - 1).ends_with("ly") || a_.Is(k - 1, "and"))) --k;
    const std::string_view w = a_.word(t);
    if ((k == start || a_.Is(k - 1, "-")) &&
        (w == "release" || w == "free" || w == "end" || w == "stop" || w == "drop")) {
      found = "demanded";
    }
    for (uint32_t k = from; k < t; ++k) {
      if (a_.word(k) == ";" || a_.word(k) == ":") found = "asserted";
      // "In May he was arrested": a capitalised "May" is the month, not the modal.
      if (a_.tokens[k].is(kCapitalized) && k != start) continue;
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
    if (best == nullptr) {
      // "have been detained", "is being searched": reported as of publication.
      for (uint32_t k = t; k > 0 && t - k < 4; --k) {
        std::string_view w = a_.word(k - 1);
        if (w == "been" && k >= 2 && (a_.Is(k - 2, "have") || a_.Is(k - 2, "has"))) {
          ev->date = a_.published;
        }
        if (w == "being" || w == "got") ev->date = a_.published;
      }
      return;
    }
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
        if (prev.type != "advocacy" || sentences_[k] - sentences_[j] > 2 || prev.who.empty())
          continue;
        for (int e : ev.who) {
          if (std::find(prev.who.begin(), prev.who.end(), e) == prev.who.end())
            prev.who.push_back(e);
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
  // Among the people named in this and the two previous sentences, the most salient:
  // mentions in the whole document, plus recency; a possessor ("Lukashenko's regime")
  // is rarely the one referred to.
  const uint32_t limit_sentence = a.sentence_of[i] >= 2 ? a.sentence_of[i] - 2 : 0;
  std::vector<int> mentions_of;
  for (const NameSpan& n : a.names) {
    if (n.entity < 0) continue;
    if (mentions_of.size() <= static_cast<size_t>(n.entity)) mentions_of.resize(n.entity + 1, 0);
    ++mentions_of[n.entity];
  }
  int best = -1;
  double best_score = -1;
  double recency = 3;
  for (auto it = a.names.rbegin(); it != a.names.rend(); ++it) {
    if (it->first >= i || it->entity < 0) continue;
    if (a.sentence_of[it->first] < limit_sentence) break;
    if (it->kind != EntityKind::kPerson) continue;
    if (a.in_quote[it->first] && !a.in_quote[i]) continue;
    if (plural) return it->entity;
    const std::string_view last = a.word(it->end - 1);
    const bool possessor = last.ends_with("'s") || a.Is(it->end, "'");
    const double score = mentions_of[it->entity] + recency - (possessor ? 3 : 0);
    recency = std::max(0.0, recency - 1);
    if (score > best_score) {
      best_score = score;
      best = it->entity;
    }
  }
  return best;
}

void FindEvents(const Analysis& analysis, Extraction* out) { EventFinder(analysis, out).Run(); }

}  // namespace letapis
