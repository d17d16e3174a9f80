#include "letapis/dossier.h"

#include <algorithm>
#include <cctype>
#include <map>

#include <fmt/format.h>

#include "letapis/export.h"

namespace letapis {
namespace {

std::string Term(int months) {
  if (months < 0) return "life";
  if (months % 12 == 0) return fmt::format("{} year{}", months / 12, months == 12 ? "" : "s");
  if (months > 12) return fmt::format("{} years {} months", months / 12, months % 12);
  return fmt::format("{} months", months);
}

void AddUnique(std::vector<std::string>* v, const std::string& s) {
  if (!s.empty() && std::find(v->begin(), v->end(), s) == v->end()) v->push_back(s);
}

// Sort key: the step's date, else its report's publication date; undated steps last.
std::string When(const DossierStep& s) {
  if (s.date.known()) return s.date.ToIso();
  return "~";
}

// The whole lower-case words (letters, hyphens) right before `begin` in `text`, nearest
// last; stops at anything else (a capitalised word, punctuation).
std::vector<std::string> WordsBefore(const std::string& text, uint32_t begin, size_t count) {
  std::vector<std::string> words;
  size_t end = begin;
  while (words.size() < count && end > 0) {
    while (end > 0 && text[end - 1] == ' ') --end;
    size_t start = end;
    while (start > 0 &&
           (std::islower(static_cast<unsigned char>(text[start - 1])) || text[start - 1] == '-')) {
      --start;
    }
    if (start == end) break;
    if (start > 0 && text[start - 1] != ' ' && text[start - 1] != '\n') break;  // "Nobel"
    words.insert(words.begin(), text.substr(start, end - start));
    end = start;
  }
  return words;
}

// Words that may stand before a role word inside a role phrase ("human rights defender").
bool IsRoleModifier(const std::string& w) {
  static const char* kWords[] = {"human",  "rights", "opposition", "political",   "trade",
                                 "union",  "civil",  "student",    "independent", "anti-war",
                                 "former", "exiled", "jailed",     "imprisoned",  "peace"};
  for (const char* k : kWords) {
    if (w == k) return true;
  }
  return false;
}

// Order of the steps of a criminal case (release and death end it); 0 for steps that may
// come at any time (search, incommunicado, exile, designation, advocacy).
int CaseStage(const std::string& type) {
  if (type == "detention") return 1;
  if (type == "charge") return 2;
  if (type == "trial") return 3;
  if (type == "sentence") return 4;
  if (type == "release" || type == "pardon") return 5;
  if (type == "death_in_custody") return 6;
  return 0;
}

// Case fields as the reports' dated steps give them: the first detention, every article,
// the latest verdict and its term, the latest release, a death (prison, judge and
// prosecutor come only from lists).
CaseFacts CaseFactsOf(const Dossier& d) {
  CaseFacts f;
  f.status = d.status;
  for (const DossierStep& s : d.timeline) {
    const std::string date = s.date.known() ? s.date.ToIso() : "";
    if (s.type == "detention" && f.detained.empty()) f.detained = date;
    if (!s.article.empty() && f.articles.find(s.article) == std::string::npos) {
      f.articles += (f.articles.empty() ? "" : "; ") + s.article;
    }
    if (s.type == "sentence" && s.term_months) {
      if (!date.empty() || f.verdict_date.empty()) f.verdict_date = date;
      f.sentence = Term(*s.term_months);
      f.sentence_months = s.term_months;
    }
    if ((s.type == "release" || s.type == "pardon") && !date.empty()) f.released = date;
    if (s.type == "death_in_custody") f.died = date.empty() ? "yes" : date;
  }
  return f;
}

}  // namespace

std::string StatusAfter(const DossierStep& step) {
  const std::string& t = step.type;
  if (t == "detention") return "detained";
  if (t == "search") return "";
  if (t == "charge") return "charged";
  if (t == "trial") return "on trial";
  if (t == "sentence") {
    return step.term_months ? "sentenced to " + Term(*step.term_months) : "sentenced";
  }
  if (t == "release") return "released";
  if (t == "pardon") return "pardoned";
  if (t == "death_in_custody") return "died in custody";
  if (t == "incommunicado") return "held incommunicado";
  if (t == "extradition") return "facing extradition";
  if (t == "exile") return "in exile";
  if (t == "designation") return "designated";
  return "";
}

void DossierBuilder::AddStep(DossierStep step, int64_t group) {
  for (size_t i = 0; i < steps_.size() && group != 0; ++i) {
    DossierStep& s = steps_[i];
    if (step_groups_[i] != group || s.report == step.report ||
        std::find(s.copies.begin(), s.copies.end(), step.report) != s.copies.end()) {
      continue;
    }
    if (s.type == step.type && s.date == step.date && s.term_months == step.term_months &&
        s.article == step.article && s.place == step.place) {
      s.copies.push_back(step.report);
      return;
    }
  }
  steps_.push_back(std::move(step));
  step_groups_.push_back(group);
}

void DossierBuilder::Add(const Document& doc, const Extraction& x, int64_t group,
                         const std::vector<int64_t>& entity_person) {
  std::vector<bool> is_match(x.entities.size(), false);
  bool any = false;
  for (size_t i = 0; i < x.entities.size(); ++i) {
    const int64_t person = i < entity_person.size() ? entity_person[i] : 0;
    if (x.entities[i].kind != EntityKind::kPerson || !matches_(x.entities[i], person)) continue;
    is_match[i] = true;
    any = true;
  }
  if (!any) return;
  if (group != 0 && std::find(groups_.begin(), groups_.end(), group) != groups_.end()) {
    AddUnique(&copies_, doc.meta.name);
  } else if (std::find(reports_.begin(), reports_.end(), doc.meta.name) == reports_.end()) {
    reports_.push_back(doc.meta.name);
    if (group != 0) groups_.push_back(group);
  }
  AddUnique(&publishers_, doc.meta.publisher);
  std::vector<Span> person_spans;
  for (const Mention& m : x.mentions) {
    if (m.entity < 0 || !is_match[m.entity]) continue;
    person_spans.push_back(m.span);
    // "opposition leader Maria ...", "human rights defender Ales ...": a role phrase.
    const std::vector<std::string> before = WordsBefore(doc.text, m.span.begin, 3);
    auto is_role = [&](const std::string& w) {
      return std::find(role_words_.begin(), role_words_.end(), w) != role_words_.end();
    };
    if (!before.empty() && is_role(before.back())) {
      std::string role = before.back();
      for (size_t k = before.size() - 1; k > 0; --k) {
        const std::string& w = before[k - 1];
        if (!is_role(w) && !IsRoleModifier(w)) break;
        role = w + " " + role;
      }
      AddUnique(&roles_, role);
    }
    auto it = std::find_if(names_.begin(), names_.end(),
                           [&](const auto& n) { return n.first == m.surface; });
    if (it == names_.end()) {
      names_.emplace_back(m.surface, 1);
    } else {
      ++it->second;
    }
  }
  // Bodies named within a sentence's reach of the person.
  for (const Mention& m : x.mentions) {
    if (m.kind != EntityKind::kOrganization || m.entity < 0) continue;
    for (const Span& p : person_spans) {
      const uint32_t gap = m.span.begin > p.end   ? m.span.begin - p.end
                           : p.begin > m.span.end ? p.begin - m.span.end
                                                  : 0;
      if (gap <= 120) {
        AddUnique(&organizations_, x.entities[m.entity].name);
        break;
      }
    }
  }
  for (const Event& ev : x.events) {
    if (ev.modality != "asserted") continue;
    bool about = false;
    for (int w : ev.who) about = about || (w >= 0 && is_match[w]);
    if (!about) continue;
    DossierStep step;
    step.date = ev.date;
    step.type = ev.type;
    step.term_months = ev.term_months;
    step.article = ev.article;
    if (ev.place >= 0) step.place = x.entities[ev.place].name;
    step.report = doc.meta.name;
    step.report_published = x.published;
    step.evidence = SpanText(doc, ev.evidence);
    step.rule = ev.rule;
    AddStep(std::move(step), group);
  }
}

Dossier DossierBuilder::Build() const {
  Dossier d;
  std::vector<std::pair<std::string, int>> names = names_;
  std::stable_sort(names.begin(), names.end(), [](const auto& a, const auto& b) {
    const auto words = [](const std::string& s) { return std::count(s.begin(), s.end(), ' '); };
    if (words(a.first) != words(b.first)) return words(a.first) > words(b.first);
    return a.second > b.second;
  });
  for (const auto& n : names) d.names.push_back(n.first);
  if (!names.empty()) d.name = names.front().first;
  d.organizations = organizations_;
  d.roles = roles_;
  d.reports = reports_;
  d.copies = copies_;
  d.publishers = publishers_;
  d.timeline = steps_;
  std::stable_sort(d.timeline.begin(), d.timeline.end(),
                   [](const DossierStep& a, const DossierStep& b) { return When(a) < When(b); });
  // Conflicts: sentences with different terms, or the same step on different dates.
  std::map<std::string, std::vector<const DossierStep*>> by_type;
  for (const DossierStep& s : d.timeline) by_type[s.type].push_back(&s);
  for (const auto& [type, steps] : by_type) {
    for (size_t i = 0; i < steps.size(); ++i) {
      for (size_t j = i + 1; j < steps.size(); ++j) {
        const DossierStep& a = *steps[i];
        const DossierStep& b = *steps[j];
        if (a.report == b.report) continue;
        if (type == "sentence" && a.term_months && b.term_months &&
            *a.term_months != *b.term_months) {
          d.conflicts.push_back(fmt::format("sentence: {} ({}) vs {} ({})", Term(*a.term_months),
                                            a.report, Term(*b.term_months), b.report));
        }
        if (a.date.known() && b.date.known() && a.date.year != b.date.year &&
            (type == "detention" || type == "sentence" || type == "release" || type == "pardon" ||
             type == "death_in_custody")) {
          d.conflicts.push_back(fmt::format("{}: {} ({}) vs {} ({})", type, a.date.ToIso(),
                                            a.report, b.date.ToIso(), b.report));
        }
      }
    }
  }
  // Current status: the latest dated step that changes status; undated steps count when
  // nothing is dated, or when they come later in the course of a case (an undated sentence
  // after a dated trial).
  const DossierStep* current = nullptr;
  for (const DossierStep& s : d.timeline) {
    if (StatusAfter(s).empty()) continue;
    const bool later_stage = CaseStage(s.type) > CaseStage(current == nullptr ? "" : current->type);
    const bool both_outside_case = current != nullptr && CaseStage(s.type) == 0 &&
                                   CaseStage(current->type) == 0 && !current->date.known();
    if (current == nullptr || s.date.known() || later_stage || both_outside_case) current = &s;
  }
  if (current != nullptr) {
    d.status = StatusAfter(*current);
    d.status_since = current->date;
    d.status_report = current->report;
  }
  d.case_facts = CaseFactsOf(d);
  return d;
}

void MergeListFacts(const Person& listed, Dossier* d) {
  d->person_id = listed.id;
  d->list_source = listed.list_source;
  CaseFacts& f = d->case_facts;
  const CaseFacts& l = listed.facts;
  // Dates conflict when neither is a coarser form of the other ("2023" fits "2023-03").
  auto date = [&](const char* field, std::string* mine, const std::string& theirs) {
    if (theirs.empty()) return;
    const bool compatible =
        mine->empty() || mine->rfind(theirs, 0) == 0 || theirs.rfind(*mine, 0) == 0;
    if (!compatible) {
      d->conflicts.push_back(
          fmt::format("{}: {} (reports) vs {} ({})", field, *mine, theirs, listed.list_source));
    }
    *mine = theirs;
  };
  date("detained", &f.detained, l.detained);
  date("verdict date", &f.verdict_date, l.verdict_date);
  date("released", &f.released, l.released);
  date("died", &f.died, l.died);
  if (l.sentence_months && f.sentence_months && *l.sentence_months != *f.sentence_months) {
    d->conflicts.push_back(fmt::format("sentence: {} (reports) vs {} ({})", f.sentence, l.sentence,
                                       listed.list_source));
  }
  if (!l.sentence.empty()) {
    f.sentence = l.sentence;
    f.sentence_months = l.sentence_months;
  }
  if (!l.status.empty()) f.status = l.status;
  if (d->status.empty() && !l.status.empty()) {
    d->status = l.status;
    d->status_report = listed.list_source;
  }
  if (!l.articles.empty()) f.articles = l.articles;
  f.judge = l.judge.empty() ? f.judge : l.judge;
  f.prosecutor = l.prosecutor.empty() ? f.prosecutor : l.prosecutor;
  f.prison = l.prison.empty() ? f.prison : l.prison;
  f.gender = l.gender.empty() ? f.gender : l.gender;
  if (l.birth_year != 0) f.birth_year = l.birth_year;
}

}  // namespace letapis
