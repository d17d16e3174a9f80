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
      if (a_.tokens[i].kind != TokenKind::kWord) {
        ++i;
        continue;
      }
      auto m = lex_.trigger_phrases.LongestAt(a_.text(), a_.tokens, i);
      // Inside a quotation only a body's own stand counts ("Amnesty International stands
      // in solidarity with ..."); other words there are the speaker's, not reports.
      if (m.length == 0 || (a_.in_speech[i] && lex_.triggers[m.value].type != "advocacy")) {
        ++i;
        continue;
      }
      OnTrigger(i, i + m.length, lex_.triggers[m.value]);
      i += m.length;
    }
    DropRestatements();
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
                   lex_.demonyms.count(w) > 0 ||
                   (lower_word && w != "by" && w != "to" && w != "with" && w != "of");
        }
        if (g.end < n.first && !conjunction) joined = false;
        // "Bialou's lawyer, Ales Hrynko": a possessor and the one it names are not a list.
        const std::string_view last = a_.word(g.end - 1);
        if (last.ends_with("'s") || last.ends_with("\xE2\x80\x99s") || a_.Is(g.end, "'")) {
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

  bool HasAllowed(const Group& g, const std::string& type) const {
    for (int e : g.entities) {
      if (Allowed(e, type)) return true;
    }
    return false;
  }

  bool HasPerson(const Group& g) const {
    for (int e : g.entities) {
      if (out_.entities[e].kind == EntityKind::kPerson) return true;
    }
    return false;
  }

  // Nearest group ending before `t` in the same sentence, within `reach` tokens, with an
  // entity allowed for `type`. A group with people wins over a nearer one of bodies only
  // ("Sharakh, head of the Free Trade Unions branch, is being searched"), except for
  // advocacy and designation, whose subjects are often bodies.
  const Group* GroupBefore(uint32_t t, uint32_t reach, const std::string& type) const {
    const uint32_t s = a_.sentence_of[t];
    const bool prefer_people = type != "advocacy" && type != "designation";
    const Group* bodies = nullptr;
    for (auto it = groups_.rbegin(); it != groups_.rend(); ++it) {
      if (it->end > t) continue;
      if (a_.sentence_of[it->first] != s || t - it->end > reach) break;
      if ((a_.in_quote[it->first] && !a_.in_quote[t]) || !HasAllowed(*it, type)) continue;
      if (!prefer_people || HasPerson(*it)) return &*it;
      if (bodies == nullptr) bodies = &*it;
    }
    return bodies;
  }

  // The first group of t's sentence, its subject ("The Lakeside Monitoring Group is alarmed
  // ...", "In a statement on Monday the LMG ..."), allowed for `type`, or nullptr.
  const Group* SentenceSubject(uint32_t t, const std::string& type) const {
    const uint32_t start = a_.sentences[a_.sentence_of[t]].first;
    for (const Group& g : groups_) {
      if (g.first < start) continue;
      if (g.first >= t || SemicolonBetween(start, g.first) || a_.in_quote[g.first]) {
        return nullptr;
      }
      return HasAllowed(g, type) ? &g : nullptr;
    }
    return nullptr;
  }

  // Nearest group starting after `t` in the same sentence, within `reach` tokens, with an
  // entity allowed for `type`.
  const Group* GroupAfter(uint32_t t, uint32_t reach, const std::string& type) const {
    if (t >= a_.tokens.size()) return nullptr;
    const uint32_t s = a_.sentence_of[t];
    for (const Group& g : groups_) {
      if (g.first < t) continue;
      if (a_.sentence_of[g.first] != s || g.first - t > reach) return nullptr;
      if ((a_.in_quote[g.first] && !a_.in_quote[t]) || !HasAllowed(g, type)) continue;
      return &g;
    }
    return nullptr;
  }

  // The person or people a pronoun right after the trigger stands for ("sentenced him").
  int ObjectPronoun(uint32_t k) const {
    if (k >= a_.tokens.size()) return -1;
    const std::string_view w = a_.word(k);
    // "searched his family home": a possessive also names whom it happened to.
    if (w == "him" || w == "her" || w == "his") return ResolveReference(a_, k, false);
    return -1;
  }

  // `reach` extended past a relative clause or apposition between commas that ends right
  // before token x ("Leyla Aliyeva, whose videos were watched by thousands, walked out").
  uint32_t SubjectReach(uint32_t x, uint32_t reach) const {
    if (x < 2 || !a_.Is(x - 1, ",")) return reach;
    const uint32_t start = a_.sentences[a_.sentence_of[x]].first;
    for (uint32_t k = x - 2; k > start && x - k < 30; --k) {
      if (!a_.Is(k, ",")) continue;
      const bool opens = a_.Is(k + 1, "who") || a_.Is(k + 1, "whose") || a_.Is(k + 1, "which") ||
                         a_.Is(k + 1, "a") || a_.Is(k + 1, "an") || a_.Is(k + 1, "the");
      return opens ? reach + (x - k) : reach;
    }
    return reach;
  }

  // For a participle right after "and" ("held overnight and deported"), the passive
  // auxiliary ("was", "were", "been") earlier in its sentence; else UINT32_MAX.
  uint32_t CoordinatedAux(uint32_t t) const {
    if (t < 2 || !a_.Is(t - 1, "and")) return UINT32_MAX;
    const uint32_t start = a_.sentences[a_.sentence_of[t]].first;
    for (uint32_t k = t - 1; k > start && t - k < 25; --k) {
      const std::string_view w = a_.word(k - 1);
      if (w == ";" || a_.in_quote[k - 1]) return UINT32_MAX;
      if (w == "was" || w == "were" || w == "been") return k - 1;
    }
    return UINT32_MAX;
  }

  // "her colleagues were", "fellow students were", "some prisoners have": a plural common
  // noun after a possessive or quantifier, right before the auxiliary at `aux`.
  bool IsUnnamedNounPhrase(uint32_t aux) const {
    const Token& noun = a_.tokens[aux - 1];
    const std::string_view w = a_.word(aux - 1);
    if (noun.kind != TokenKind::kWord || noun.is(kCapitalized) || !w.ends_with("s")) return false;
    const std::string_view det = a_.word(aux - 2);
    return det == "her" || det == "his" || det == "their" || det == "its" || det == "fellow" ||
           det == "some" || det == "many" || det == "several" || det == "most" || det == "Some" ||
           det == "Many";
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
  int PronounBefore(uint32_t t, uint32_t reach, bool* plural) const {
    const uint32_t start = a_.sentences[a_.sentence_of[t]].first;
    for (uint32_t k = t; k > start && t - k < reach; --k) {
      std::string_view w = a_.word(k - 1);
      if (w == ";") break;
      // "the filmmaker", "the activist": a role noun after "the" refers like "he".
      const bool role = k >= 2 && (a_.Is(k - 2, "the") || a_.Is(k - 2, "The")) &&
                        lex_.roles.count(FoldCase(w)) > 0 && !w.ends_with("s");
      const bool singular = w == "he" || w == "He" || w == "him" || w == "his" || w == "His" ||
                            w == "she" || w == "She" || w == "her" || w == "Her" || role;
      // "The women were detained", "the activists were": the people named together last.
      const bool definite_plural =
          k >= 2 && (a_.Is(k - 2, "the") || a_.Is(k - 2, "The")) &&
          (w == "women" || w == "men" || (w.ends_with("s") && lex_.roles.count(FoldCase(w)) > 0));
      const bool many = w == "they" || w == "They" || w == "them" || w == "their" || w == "Their" ||
                        definite_plural;
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
    uint32_t aux_start = t;  // first token of the auxiliary chain before the trigger
    for (uint32_t k = t; k > 0 && t - k < 4; --k) {
      std::string_view w = a_.word(k - 1);
      if (!IsAuxiliary(w)) break;
      aux_start = k - 1;
      // Adverbs ("later", "reportedly") may stand in the chain; only a form of "be",
      // "have", "get" or "remain" makes it passive.
      passive = passive || w == "was" || w == "were" || w == "is" || w == "are" || w == "been" ||
                w == "be" || w == "being" || w == "has" || w == "have" || w == "had" ||
                w == "got" || w == "get" || w == "gets" || w == "remain" || w == "remains" ||
                w == "remained";
    }
    // "has been put on the wanted list": a phrase after a passive auxiliary.
    if (!passive && trig.form == "phrase") {
      for (uint32_t k = t; k > 0 && t - k < 5; --k) {
        const std::string_view w = a_.word(k - 1);
        if (w == "been" || w == "was" || w == "were") passive = true;
        if (w == "," || w == ".") break;
      }
    }
    // "her colleagues were arrested": the subject is a common noun, so no one named here.
    const bool unnamed_subject = passive && aux_start >= 2 && IsUnnamedNounPhrase(aux_start);
    // "left the Mahiliou prison": a release only when a facility is named right after.
    if (trig.form == "facility" && !FacilityAfter(t_end)) return;
    std::vector<int> who;
    uint32_t pronoun_reach = trig.form == "noun" ? 0 : 8;
    auto take = [&](const Group* g) {
      if (g == nullptr) return;
      for (int e : g->entities) {
        if (Allowed(e, type) && std::find(who.begin(), who.end(), e) == who.end()) who.push_back(e);
      }
    };
    const std::string_view prev = t > 0 ? a_.word(t - 1) : std::string_view();
    if (trig.form == "noun") {
      if (a_.Is(t_end, "of")) {
        take(GroupAfter(t_end, 2, type));
        // "the trial of the three women": about the people the phrase describes, not those
        // named before it.
        if (who.empty() && a_.Is(t_end + 1, "the") && a_.NameAt(t_end + 2) < 0) return;
      } else if (t + 1 < a_.tokens.size() && a_.Is(t_end + 1, "of")) {
        take(GroupAfter(t_end + 1, 2, type));
      }
      if (who.empty() && (prev == "his" || prev == "her" || prev == "their" || prev == "His" ||
                          prev == "Her" || prev == "Their")) {
        const int e = ResolveReference(a_, t - 1, prev == "their" || prev == "Their");
        if (e >= 0 && Allowed(e, type)) who.push_back(e);
      }
      if (who.empty()) take(GroupBefore(t, type == "advocacy" ? 6 : 12, type));
    } else if (trig.form == "participle" || trig.form == "phrase" || trig.form == "facility") {
      if (type == "advocacy") {
        // "X is alarmed by the death of Y and calls for ...": the sentence's subject.
        if (prev == "and") take(SentenceSubject(t, type));
        // "X called for Y's release": the advocate is the subject, not Y.
        if (who.empty()) take(GroupBefore(t, 12, type));
      } else if (passive || prev == "who" || prev == "," || CoordinatedAux(t) < t) {
        if (unnamed_subject) {
          orphans_.push_back(Orphan{sentence, t, t_end, &trig});
          return;
        }
        // "X was stopped at the airport, held overnight and deported": the subject of the
        // first participle.
        const uint32_t verb = passive ? aux_start : std::min(t, CoordinatedAux(t));
        take(GroupBefore(verb, SubjectReach(verb, 16), type));
        // "Prosecutors have charged him": a perfect tense with an object is active.
        if (who.empty() && (a_.Is(t_end, "him") || a_.Is(t_end, "her"))) {
          const int object = ObjectPronoun(t_end);
          if (object >= 0 && Allowed(object, type)) who.push_back(object);
        }
      } else if (prev == "those" || prev == "are" || prev == "is") {
        take(GroupAfter(t_end, 15, type));
      } else {
        // Active voice: "police detained X", "sentenced them"; the subject may be named
        // too. "people convicted of ..." (a reduced relative on a common noun) names nobody.
        take(GroupAfter(t_end, 8, type));
        // "X pardoned 52 people. Among them was Y.": the unnamed objects may be named next.
        if (who.empty()) orphans_.push_back(Orphan{sentence, t, t_end, &trig});
        if (who.empty()) {
          const int object = ObjectPronoun(t_end);
          if (object >= 0 && Allowed(object, type)) who.push_back(object);
          if (a_.Is(t_end, "them") || a_.Is(t_end, "their")) take(LastMultiGroup(t));
        }
        const bool subject_matters = type == "advocacy" || type == "designation" ||
                                     type == "pardon" || type == "release" || type == "exile" ||
                                     type == "death_in_custody";
        const bool after_name = t > 0 && a_.NameAt(t - 1) >= 0;
        if (subject_matters || (who.empty() && after_name)) {
          take(GroupBefore(t, SubjectReach(t, 12), type));
        }
        // Otherwise only a pronoun right before ("and took him"): "people convicted of"
        // (a reduced relative on a common noun) names nobody.
        if (who.empty() && !after_name) pronoun_reach = 5;
      }
    } else {  // verb: "accuses X", "to extradite her"; the subject only acts
      take(GroupAfter(t_end, 6, type));
      if (who.empty()) {
        const int object = ObjectPronoun(t_end);
        if (object >= 0 && Allowed(object, type)) who.push_back(object);
        if (a_.Is(t_end, "them") || a_.Is(t_end, "their")) take(LastMultiGroup(t));
      }
      const bool subject_matters = type == "advocacy" || type == "designation" || type == "exile" ||
                                   type == "death_in_custody";
      if (who.empty() && subject_matters) take(GroupBefore(t, 8, type));
    }
    if (trig.form == "list") {
      who.clear();
      const Sentence& s = a_.sentences[sentence];
      for (const Group& g : groups_) {
        if (g.first >= t_end && g.first < s.last) take(&g);
      }
    }
    if (who.empty() && (type == "advocacy" || type == "designation") && WeBefore(t)) {
      who = Signatories();
    }
    if (who.empty() && pronoun_reach > 0) {
      bool plural = false;
      const int e = PronounBefore(t, pronoun_reach, &plural);
      if (plural) {
        take(LastMultiGroup(t));
      } else if (e >= 0 && Allowed(e, type)) {
        who.push_back(e);
      }
    }
    if (who.empty() && trig.form == "noun") {
      // "arrested ... based on an Interpol warrant": the people of the sentence's event.
      if (!out_.events.empty() && sentences_.back() == sentence) {
        for (int e : out_.events.back().who) {
          if (Allowed(e, type)) who.push_back(e);
        }
      }
      if (who.empty()) take(GroupAfter(t_end, 15, type));
    }
    if (who.empty()) {
      if (trig.form != "noun") orphans_.push_back(Orphan{sentence, t, t_end, &trig});
      return;
    }

    Event ev;
    ev.type = type;
    // "released ... under a presidential pardon" is a pardon.
    if (type == "release" && SentenceHas(sentence, {"pardon", "pardoned", "amnesty", "clemency"})) {
      ev.type = "pardon";
    }
    ev.who = who;
    ev.trigger = a_.SpanOf(t, t_end);
    ev.rule = trig.id;
    ev.confidence = passive ? 0.8f : 0.7f;
    const Sentence& s = a_.sentences[sentence];
    ev.evidence = a_.SpanOf(s.first, s.last);
    ev.modality = Modality(t, type);
    SetDate(t, &ev);
    SetPlace(t, &ev);
    if (!ev.date.known() && !Pluperfect(t) && !(type == "sentence" && Serving(t))) {
      if (type == "sentence") SetDateFromVerdict(sentence, &ev);
      if (type == "sentence" || type == "trial" || type == "detention" || type == "search" ||
          type == "release" || type == "pardon") {
        InheritFromAnonymousReport(t, &ev);
      }
    }
    // "ZHRN urges ...", "We, the undersigned, condemn ...": a demand in the present tense
    // is made on the day of publication.
    if (type == "advocacy" && !ev.date.known() && PresentTense(t, trig)) {
      ev.date = a_.published;
    }
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
        const std::vector<int> months = RespectiveTerms(t_end, s, terms);
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

  // "to six, five and four and a half years respectively": one term per number listed
  // after token `from`, the unit taken from the term that closes the list.
  std::vector<int> RespectiveTerms(uint32_t from, const Sentence& s,
                                   const std::vector<const TermMatch*>& terms) const {
    std::vector<int> months;
    if (terms.empty()) return months;
    const TermMatch* closing = terms.back();
    const bool in_years = closing->months % 12 == 0 || closing->rule != "term.months";
    std::vector<const TermMatch*> used;
    for (const NumberMatch& num : a_.numbers) {
      // Only the list after the verb: "guilty under Article 342 and ..." is not a term.
      if (num.first < std::max(s.first, from) || num.end > closing->end) continue;
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
    if (type == "advocacy") return "asserted";  // a demand by nature
    const uint32_t start = a_.sentences[a_.sentence_of[t]].first;
    const uint32_t from = t > start + 20 ? t - 20 : start;
    std::string found = "asserted";
    // "giving him 48 hours to release": an infinitive is not a report of a fact, except
    // after a verb that makes it happen ("forced him to flee", "leading him to flee").
    // Requests are what an extradition case is made of: "asked Armenia to extradite her".
    const bool extradition = type == "extradition";
    if (t > 0 && a_.Is(t - 1, "to") && type != "exile" && !extradition) found = "possible";
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
      // "asked Kyrgyzstan to extradite X, who was detained on 14 March": a relative clause
      // states a fact whatever the main clause asks.
      if (a_.Is(k, ",") && (a_.Is(k + 1, "who") || a_.Is(k + 1, "which")) && k + 1 < t) {
        found = "asserted";
      }
      // "In May he was arrested": a capitalised "May" is the month, not the modal.
      if (a_.tokens[k].is(kCapitalized) && k != start) continue;
      auto m = lex_.modality_phrases.LongestAt(a_.text(), a_.tokens, k);
      if (m.length == 0 || k + m.length > t) continue;
      if (extradition && (a_.word(k).starts_with("ask") || a_.word(k) == "request")) continue;
      found = lex_.modalities[m.value].label;
    }
    return found;
  }

  // True when a clause boundary (";", ", while", ", but", ", whereas", ", when") lies
  // between tokens a and b.
  bool ClauseBetween(uint32_t a, uint32_t b) const {
    if (a > b) std::swap(a, b);
    for (uint32_t k = a; k < b; ++k) {
      const std::string_view w = a_.word(k);
      if (w == ";") return true;
      if (w == "," && (a_.Is(k + 1, "while") || a_.Is(k + 1, "but") || a_.Is(k + 1, "whereas") ||
                       a_.Is(k + 1, "when") || a_.Is(k + 1, "and"))) {
        return true;
      }
    }
    return false;
  }

  // True when a ";" lies between tokens a and b.
  bool SemicolonBetween(uint32_t a, uint32_t b) const {
    if (a > b) std::swap(a, b);
    for (uint32_t k = a; k < b; ++k) {
      if (a_.Is(k, ";")) return true;
    }
    return false;
  }

  // "2022 Nobel Peace Prize winner": a year qualifying a title, not the event's date.
  // "the 2020 street protests" likewise: a year after "the".
  bool IsAttributiveYear(const DateMatch& d) const {
    if (d.end != d.first + 1 || d.date.month != 0 || d.end >= a_.tokens.size()) return false;
    if (d.first > 0 && a_.IsIgnoreCase(d.first - 1, "the") &&
        a_.tokens[d.end].kind == TokenKind::kWord) {
      return true;
    }
    return a_.tokens[d.end].is(kCapitalized) && a_.tokens[d.end].kind == TokenKind::kWord;
  }

  // The comma opening the relative clause (", who ...", ", which ...") that token x stands
  // in, or UINT32_MAX when it stands in none: a date or place there belongs to that clause.
  uint32_t RelativeClauseOf(uint32_t x) const {
    const uint32_t start = a_.sentences[a_.sentence_of[x]].first;
    for (uint32_t k = x; k > start; --k) {
      if (!a_.Is(k - 1, ",")) continue;
      if (a_.Is(k, "who") || a_.Is(k, "whom") || a_.Is(k, "whose") || a_.Is(k, "which")) {
        return k - 1;
      }
      return UINT32_MAX;
    }
    return UINT32_MAX;
  }

  // The date of the event at trigger t: "four years since X was arrested" counts back
  // from the sentence's date; a term being served has no date; otherwise the nearest date
  // after the trigger in its clause, else the nearest before it in its clause, else the
  // nearest in the sentence not across a ";" (never one in another relative clause).
  void SetDate(uint32_t t, Event* ev) const {
    // "after serving his full four-year term": when it was given is not said.
    if (ev->type == "sentence" && Serving(t)) return;
    const uint32_t s = a_.sentence_of[t];
    const DateMatch* after = nullptr;
    const DateMatch* before = nullptr;
    const DateMatch* any = nullptr;
    uint32_t any_distance = 1000;
    const uint32_t clause = RelativeClauseOf(t);
    for (const DateMatch& d : a_.dates) {
      if (a_.sentence_of[d.first] != s || IsAttributiveYear(d)) continue;
      // "Babayev, who was arrested in June, faces charges": June is the arrest's.
      if (RelativeClauseOf(d.first) != clause) continue;
      const uint32_t distance = d.first >= t ? d.first - t : t - d.end;
      if (distance < any_distance && !SemicolonBetween(t, d.first)) {
        any_distance = distance;
        any = &d;
      }
      if (ClauseBetween(t, d.first)) continue;
      if (d.first >= t && distance <= 10 && after == nullptr) after = &d;
      if (d.end <= t && (before == nullptr || d.first > before->first)) before = &d;
    }
    if (const auto since = YearsSince(t); since.known()) {
      ev->date = since;
      ev->date_text = "years since";
      return;
    }
    const DateMatch* best = after != nullptr ? after : before != nullptr ? before : any;
    if (best == nullptr) {
      // In news of the day ("Today, July 14, ... A wave of searches ..."), undated events
      // in the following paragraphs happened that day.
      if (const DateMatch* recent = RecentNewsDate(t)) {
        ev->date = recent->date;
        ev->date_text = std::string(a_.TextOf(recent->first, recent->end));
        return;
      }
      // "have been detained", "is being searched": reported as of publication. "Has been
      // charged" tells a state, not when the charge was brought.
      for (uint32_t k = t; k > 0 && t - k < 4 && ev->type != "charge"; --k) {
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

  // The latest full date before t in this or the two previous paragraphs, when the text
  // calls it today and it is the publication day or within the week before it.
  const DateMatch* RecentNewsDate(uint32_t t) const {
    if (!a_.published.known() || a_.published.day == 0) return nullptr;
    const uint32_t paragraph = a_.paragraph_of[t];
    const DateMatch* latest = nullptr;
    for (const DateMatch& d : a_.dates) {
      if (d.first >= t) break;
      if (paragraph - a_.paragraph_of[d.first] > 2 || d.date.day == 0) continue;
      latest = &d;
    }
    if (latest == nullptr) return nullptr;
    // Only a date the text presents as today's ("Today, July 14, ...") sets the scene.
    bool today = false;
    for (uint32_t k = latest->first >= 3 ? latest->first - 3 : 0; k < latest->first; ++k) {
      today = today || a_.IsIgnoreCase(k, "today") || a_.IsIgnoreCase(k, "tonight");
    }
    if (!today) return nullptr;
    const PartialDate week_before = a_.published.AddDays(-7);
    const bool recent =
        latest->date.ToIso() <= a_.published.ToIso() && latest->date.ToIso() >= week_before.ToIso();
    return recent ? latest : nullptr;
  }

  // "it will be four years since the authorities arrested X" (on the sentence's date, or
  // the publication date): that date minus the years.
  PartialDate YearsSince(uint32_t t) const {
    const Sentence& sentence = a_.sentences[a_.sentence_of[t]];
    for (uint32_t k = t; k > sentence.first + 1 && t - k < 6; --k) {
      if (!a_.Is(k - 1, "since") || !(a_.Is(k - 2, "years") || a_.Is(k - 2, "year"))) continue;
      for (const NumberMatch& num : a_.numbers) {
        if (num.end != k - 2) continue;
        PartialDate anchor = a_.published;
        for (const DateMatch& d : a_.dates) {
          if (a_.sentence_of[d.first] == a_.sentence_of[t] && d.date.day != 0) anchor = d.date;
        }
        if (!anchor.known()) return PartialDate{};
        anchor.year -= static_cast<int>(num.value);
        return anchor;
      }
    }
    return PartialDate{};
  }

  // The place of the event at trigger t: for a sentence or trial, the city in the name of
  // the court of the sentence ("the Mahiliou District Court"); else the nearest place
  // after a preposition ("in", "at", "to", "into"; "from" and "out of" only for a release,
  // "for" only for exile: "fled Russia for Armenia"), or named before "prison"/"colony"
  // ("left the Mahiliou prison"), or the country asked to extradite ("asked Armenia to
  // extradite her"). A prison followed by "in <city>" gives the city.
  void SetPlace(uint32_t t, Event* ev) const {
    const uint32_t s = a_.sentence_of[t];
    const std::string& type = ev->type;
    // "is serving a ten-year sentence in Obo Prison": where it is served, not where given.
    if (type == "sentence" && Serving(t)) return;
    // "called for the release of all political prisoners in Russia": where the people it
    // is about are, not where it was made.
    if (type == "advocacy") return;
    const int court = type == "designation" ? -1 : CourtCity(s);
    if (court >= 0 && (type == "sentence" || type == "trial")) {
      ev->place = court;
      return;
    }
    const bool release = type == "release" || type == "pardon";
    uint32_t best_distance = 1000;
    const NameSpan* best = nullptr;
    const uint32_t clause = RelativeClauseOf(t);
    for (const NameSpan& n : a_.names) {
      if (n.kind != EntityKind::kPlace || n.entity < 0 || a_.sentence_of[n.first] != s ||
          n.first == 0 || RelativeClauseOf(n.first) != clause) {
        continue;
      }
      // "in the Mordovia region": an article may stand between.
      const uint32_t p = n.first >= 2 && a_.Is(n.first - 1, "the") ? n.first - 2 : n.first - 1;
      const std::string_view before = a_.word(p);
      const bool located = before == "in" || before == "In" || before == "at" || before == "to" ||
                           before == "into" || (release && before == "from" && n.first > t) ||
                           (release && before == "of" && p > 0 && a_.Is(p - 1, "out")) ||
                           (type == "exile" && before == "for");
      const bool facility_word = a_.IsIgnoreCase(n.end, "prison") ||
                                 a_.IsIgnoreCase(n.end, "colony") || a_.IsIgnoreCase(n.end, "jail");
      const bool asked = type == "extradition" && a_.Is(n.end, "to") && n.end + 1 == t;
      if (!located && !facility_word && !asked) continue;
      const uint32_t distance = n.first >= t ? n.first - t : t - n.end;
      if (distance < best_distance && distance <= 15) {
        best_distance = distance;
        best = &n;
      }
    }
    if (best == nullptr) {
      // "Tbilisi City Court ordered that X be held in pre-trial detention".
      if (court >= 0) ev->place = court;
      // "In Orsha, security forces detained X ... and took him away": the frame of the
      // whole sentence.
      const uint32_t first = a_.sentences[s].first;
      const int frame = a_.IsIgnoreCase(first, "in") ? a_.NameAt(first + 1) : -1;
      if (ev->place < 0 && frame >= 0 && a_.names[frame].kind == EntityKind::kPlace &&
          a_.names[frame].entity >= 0 && a_.Is(a_.names[frame].end, ",")) {
        ev->place = a_.names[frame].entity;
      }
      return;
    }
    ev->place = best->entity;
    // "in Penal Colony No. 1 in Navapolatsk": the city.
    if (IsFacility(*best) && a_.Is(best->end, "in")) {
      const int city = a_.NameAt(best->end + 1);
      if (city >= 0 && a_.names[city].kind == EntityKind::kPlace && a_.names[city].entity >= 0) {
        ev->place = a_.names[city].entity;
      }
    }
  }

  // "had been detained", "had received": told as background to the news.
  bool Pluperfect(uint32_t t) const {
    for (uint32_t k = t; k > 0 && t - k < 4; --k) {
      if (a_.Is(k - 1, "had")) return true;
    }
    return false;
  }

  // News that first reports an event without names ("A court in Baku on Thursday sentenced
  // three journalists.") and names the people in the next paragraph: an undated event of
  // the same type takes the date (and, when it has none, the place) of that report in the
  // same or the previous paragraph; one dated by "The verdict ..." takes only the place.
  void InheritFromAnonymousReport(uint32_t t, Event* ev) const {
    const uint32_t paragraph = a_.paragraph_of[t];
    for (auto it = orphans_.rbegin(); it != orphans_.rend(); ++it) {
      if (it->first >= t) continue;
      if (paragraph - a_.paragraph_of[it->first] > 1) break;
      if (it->trigger->type != ev->type) continue;
      Event report;
      report.type = ev->type;
      SetDate(it->first, &report);
      // "over 1,300 imprisoned since 2020": the start of a state, not an event's date.
      if (!report.date.known() || SinceDate(a_.sentence_of[it->first], report.date)) continue;
      if (!ev->date.known()) {
        ev->date = report.date;
        ev->date_text = report.date_text;
      }
      if (ev->place < 0) {
        SetPlace(it->first, &report);
        ev->place = report.place;
      }
      return;
    }
  }

  // True when the advocacy trigger at t is a verb in the present tense ("urges", "calls
  // on", "condemn" after "we"), not a past act ("urged") or a noun ("open letter").
  bool PresentTense(uint32_t t, const TriggerEntry& trig) const {
    if (trig.form == "noun" || trig.form == "list") return false;
    const std::string_view w = a_.word(t);
    if (w.ends_with("ed") || a_.IsIgnoreCase(t, "in") || (t > 0 && a_.Is(t - 1, "to"))) {
      return false;
    }
    return w.ends_with("s") || WeBefore(t);
  }

  // True when `date` stands after "since" or "from" in sentence s.
  bool SinceDate(uint32_t s, const PartialDate& date) const {
    for (const DateMatch& d : a_.dates) {
      if (a_.sentence_of[d.first] != s || !(d.date == date)) continue;
      if (d.is_range_or_duration_start || a_.IsIgnoreCase(d.first, "since") ||
          (d.first > 0 &&
           (a_.IsIgnoreCase(d.first - 1, "since") || a_.IsIgnoreCase(d.first - 1, "from")))) {
        return true;
      }
    }
    return false;
  }

  // "... received terms of six years respectively. The verdict was issued on Sunday.": the
  // date of a verdict told in the next sentence of the paragraph.
  void SetDateFromVerdict(uint32_t sentence, Event* ev) const {
    if (sentence + 1 >= a_.sentences.size()) return;
    const Sentence& next = a_.sentences[sentence + 1];
    if (a_.paragraph_of[next.first] != a_.paragraph_of[a_.sentences[sentence].first] ||
        !a_.Is(next.first, "The") ||
        !(a_.Is(next.first + 1, "verdict") || a_.Is(next.first + 1, "ruling") ||
          a_.Is(next.first + 1, "judgment") || a_.Is(next.first + 1, "sentence"))) {
      return;
    }
    for (const DateMatch& d : a_.dates) {
      if (d.first < next.first || d.first >= next.last || !d.date.known()) continue;
      ev->date = d.date;
      ev->date_text = std::string(a_.TextOf(d.first, d.end));
      return;
    }
  }

  // True when the trigger at t is, or follows within three words, "serving"/"served".
  // "at the end of a three-year sentence" likewise.
  bool Serving(uint32_t t) const {
    for (uint32_t k = t + 1; k > 0 && t + 1 - k < 6; --k) {
      const bool near = t + 1 - k < 4;
      if (near && (a_.Is(k - 1, "serving") || a_.Is(k - 1, "served"))) return true;
      if (a_.Is(k - 1, "end") && a_.Is(k, "of")) return true;
    }
    return false;
  }

  static bool IsFacility(const NameSpan& n) {
    return n.rule == "place.facility" || n.surface.find("Prison") != std::string::npos ||
           n.surface.find("Colony") != std::string::npos;
  }

  // The place entity named inside a court's name in sentence s ("the Hrodna Regional
  // Court", "the Revolutionary Court of Tehran"), or -1.
  int CourtCity(uint32_t s) const {
    const Sentence& sentence = a_.sentences[s];
    for (const NameSpan& n : a_.names) {
      if (n.first < sentence.first) continue;
      if (n.first >= sentence.last) break;
      if (n.kind != EntityKind::kOrganization || n.surface.find("Court") == std::string::npos) {
        continue;
      }
      for (uint32_t k = n.first; k < n.end; ++k) {
        const auto m = lex_.place_names.LongestAt(a_.text(), a_.tokens, k);
        if (m.length == 0 || k + m.length > n.end) continue;
        const std::string_view name = a_.TextOf(k, k + m.length);
        for (const NameSpan& place : a_.names) {
          if (place.kind == EntityKind::kPlace && place.entity >= 0 &&
              out_.entities[place.entity].name == name) {
            return place.entity;
          }
        }
      }
    }
    return -1;
  }

  bool FacilityAfter(uint32_t k) const {
    for (uint32_t i = k; i < a_.tokens.size() && i < k + 5; ++i) {
      const std::string_view w = a_.word(i);
      if (w == "." || w == ";") return false;
      if (a_.IsIgnoreCase(i, "prison") || a_.IsIgnoreCase(i, "colony") ||
          a_.IsIgnoreCase(i, "jail") || a_.IsIgnoreCase(i, "custody") ||
          a_.IsIgnoreCase(i, "detention")) {
        return true;
      }
      const int name = a_.NameAt(i);
      if (name >= 0 && a_.names[name].rule == "place.facility") return true;
    }
    return false;
  }

  bool SentenceHas(uint32_t sentence, std::initializer_list<std::string_view> words) const {
    const Sentence& s = a_.sentences[sentence];
    for (uint32_t k = s.first; k < s.last; ++k) {
      for (std::string_view w : words) {
        if (a_.IsIgnoreCase(k, w)) return true;
      }
    }
    return false;
  }

  // "we call on ...", "We, the undersigned organisations, condemn ...".
  bool WeBefore(uint32_t t) const {
    const uint32_t start = a_.sentences[a_.sentence_of[t]].first;
    for (uint32_t k = t; k > start && t - k < 12; --k) {
      if (a_.Is(k - 1, "we") || a_.Is(k - 1, "We")) return true;
    }
    return false;
  }

  // The bodies signing a collective text: organisations standing alone on their lines
  // (a signature block), else the body named on the first line.
  std::vector<int> Signatories() const {
    std::vector<int> found;
    for (const NameSpan& n : a_.names) {
      if (n.kind != EntityKind::kOrganization || n.entity < 0) continue;
      const bool line_start = n.first == 0 || a_.tokens[n.first - 1].kind == TokenKind::kNewline;
      const bool line_end =
          n.end >= a_.tokens.size() || a_.tokens[n.end].kind == TokenKind::kNewline;
      if (line_start && line_end &&
          std::find(found.begin(), found.end(), n.entity) == found.end()) {
        found.push_back(n.entity);
      }
    }
    return found.size() >= 2 ? found : std::vector<int>{};
  }

  // True when a trigger at `first` is a participle right after a counted noun ("people
  // convicted of").
  bool OnCountedNoun(uint32_t first, const TriggerEntry& trigger) const {
    return trigger.form == "participle" && a_.word(first).ends_with("ed") && first > 0 &&
           lex_.claim_nouns.count(std::string(a_.word(first - 1))) > 0;
  }

  // "Among them are A and B" / "Among those was C": the people of the previous sentence's
  // events that named nobody ("more than 1,000 others remain in prison").
  void ResolveOrphans() {
    for (size_t i = 0; i < orphans_.size(); ++i) {
      const Orphan& o = orphans_[i];
      // "300 were freed, but 1,000 others remain in prison. Among them ...": the clause
      // nearest to "Among them" is the one it continues.
      // "pardoned 52 people convicted of ...": a participle on the counted noun is not the
      // clause "Among them" continues.
      if (i + 1 < orphans_.size() && orphans_[i + 1].sentence == o.sentence &&
          !OnCountedNoun(orphans_[i + 1].first, *orphans_[i + 1].trigger)) {
        continue;
      }
      if (OnCountedNoun(o.first, *o.trigger) && i > 0 && orphans_[i - 1].sentence == o.sentence) {
        continue;
      }
      const uint32_t next = o.sentence + 1;
      if (next >= a_.sentences.size()) continue;
      const Sentence& s = a_.sentences[next];
      const bool among = a_.IsIgnoreCase(s.first, "among") &&
                         (a_.Is(s.first + 1, "them") || a_.Is(s.first + 1, "those"));
      if (!among) continue;
      std::vector<int> who;
      for (const Group& g : groups_) {
        if (g.first < s.first || g.first >= s.last || a_.in_quote[g.first]) continue;
        for (int e : g.entities) {
          if (out_.entities[e].kind == EntityKind::kPerson &&
              std::find(who.begin(), who.end(), e) == who.end()) {
            who.push_back(e);
          }
        }
      }
      if (who.empty()) continue;
      Event ev;
      ev.type = o.trigger->type;
      ev.who = who;
      ev.trigger = a_.SpanOf(o.first, o.end);
      ev.evidence = a_.SpanOf(s.first, s.last);
      ev.rule = o.trigger->id + "+among";
      ev.confidence = 0.6f;
      ev.modality = Modality(o.first, ev.type);
      // "On 21 November X pardoned 52 people. Among them was Y.": that day.
      SetDate(o.first, &ev);
      if (SinceDate(o.sentence, ev.date)) ev.date = PartialDate{};
      Push(std::move(ev), next);
    }
  }

  // A later sentence that restates an event (same type, same people) without a new date,
  // place or term is the same event; so is one that only dates an undated earlier mention.
  void DropRestatements() {
    ResolveOrphans();
    std::vector<Event> kept;
    std::vector<uint32_t> kept_sentences;
    for (size_t k = 0; k < out_.events.size(); ++k) {
      const Event& ev = out_.events[k];
      bool restated = false;
      for (Event& prev : kept) {
        std::vector<int> a = prev.who, b = ev.who;
        std::sort(a.begin(), a.end());
        std::sort(b.begin(), b.end());
        if (prev.type != ev.type || a != b || prev.modality != ev.modality) continue;
        if ((!ev.date.known() || ev.date == prev.date) &&
            (ev.place < 0 || ev.place == prev.place) &&
            (!ev.term_months || ev.term_months == prev.term_months)) {
          restated = true;
          break;
        }
        // "alarmed by the death in custody of X" first, "X died in custody on 1 February"
        // after: the later sentence dates the same event.
        if (!prev.date.known() && (prev.place < 0 || ev.place < 0 || prev.place == ev.place) &&
            (!prev.term_months || !ev.term_months || prev.term_months == ev.term_months)) {
          prev.date = ev.date;
          prev.date_text = ev.date_text;
          if (prev.place < 0) prev.place = ev.place;
          if (!prev.term_months) prev.term_months = ev.term_months;
          restated = true;
          break;
        }
      }
      if (restated) continue;
      kept.push_back(ev);
      kept_sentences.push_back(sentences_[k]);
    }
    out_.events = std::move(kept);
    sentences_ = std::move(kept_sentences);
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
  // A trigger that named nobody, kept for "Among them are ..." in the next sentence.
  struct Orphan {
    uint32_t sentence, first, end;
    const TriggerEntry* trigger;
  };
  std::vector<Orphan> orphans_;
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
