#include <iostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "letapis/export.h"

namespace letapis::cli {
namespace {

// The text of a span on one line, shortened for a terminal.
std::string SpanLine(const Document& doc, const Span& span, size_t max = 160) {
  return OneLine(SpanText(doc, span), max);
}

// "[begin-end]", with " page N" for a document that has pages (a PDF).
std::string SpanRef(const Document& doc, const Span& span) {
  std::string ref = fmt::format("[{}-{}]", span.begin, span.end);
  if (!doc.pages.empty()) ref += fmt::format(" page {}", PageOf(doc, span.begin));
  return ref;
}

std::string Name(const Extraction& x, int e) { return e >= 0 ? x.entities[e].name : "?"; }

// "Publisher (name)", or the name alone when the publisher is unknown.
std::string Label(const NearDuplicate& d) {
  return d.publisher.empty() ? d.name : fmt::format("{} ({})", d.publisher, d.name);
}

// The report's near-duplicate group: what it copies, and who else published it.
void ExplainNearDuplicates(const StoredReport& r, const std::vector<NearDuplicate>& group) {
  std::string others;
  for (const NearDuplicate& d : group) {
    if (d.id == r.id) continue;
    if (d.id == r.original_id) {
      std::cout << fmt::format("near-duplicate copy of {} (resemblance {:.2f})\n", Label(d),
                               r.similarity);
    }
    others += (others.empty() ? "" : ", ") + Label(d);
  }
  if (!others.empty()) std::cout << "also published by: " << others << "\n";
}

void Explain(const StoredReport& r, const std::vector<NearDuplicate>& group) {
  const Document& doc = r.document;
  const Extraction& x = r.extraction;
  std::cout << fmt::format("{}  (sha256 {}, published {})\n", doc.meta.name,
                           doc.meta.sha256.substr(0, 12),
                           x.published.known() ? x.published.ToIso() : "unknown");
  if (!doc.meta.author.empty()) std::cout << "by " << doc.meta.author << "\n";
  if (!doc.pages.empty()) std::cout << fmt::format("PDF of {} pages\n", doc.pages.size());
  if (!doc.meta.parent.empty()) {
    std::cout << "attachment of the message with sha256 " << doc.meta.parent.substr(0, 12) << "\n";
  }
  ExplainNearDuplicates(r, group);
  std::cout << "\nNames\n";
  for (const Mention& m : x.mentions) {
    std::cout << fmt::format("  {} {} \"{}\" -> {}  rule {} ({:.2f})\n", SpanRef(doc, m.span),
                             EntityKindName(m.kind), m.surface, Name(x, m.entity), m.rule,
                             m.confidence);
  }
  std::cout << "\nEvents\n";
  for (const Event& ev : x.events) {
    std::string who;
    for (int w : ev.who) who += (who.empty() ? "" : ", ") + Name(x, w);
    std::cout << fmt::format("  {} [{}] who: {}", ev.type, ev.modality, who);
    if (ev.date.known()) std::cout << " date: " << ev.date.ToIso();
    if (ev.place >= 0) std::cout << " place: " << Name(x, ev.place);
    if (ev.term_months) std::cout << " term: " << *ev.term_months << " months";
    if (!ev.article.empty()) std::cout << " article: " << ev.article;
    std::cout << fmt::format("\n    rule {} trigger \"{}\" span {}\n    \"{}\"\n", ev.rule,
                             SpanLine(doc, ev.trigger), SpanRef(doc, ev.evidence),
                             SpanLine(doc, ev.evidence));
  }
  std::cout << "\nClaims\n";
  for (const Claim& c : x.claims) {
    std::cout << fmt::format("  {} {} {} as of {} source {}\n    rule {} span {} \"{}\"\n",
                             c.qualifier, c.value, c.category,
                             c.as_of.known() ? c.as_of.ToIso() : "?",
                             c.source >= 0 ? Name(x, c.source) : "-", c.rule,
                             SpanRef(doc, c.evidence), SpanLine(doc, c.evidence));
  }
  std::cout << "\nQuotes\n";
  for (const Quote& q : x.quotes) {
    std::cout << fmt::format("  {}: rule {} span {} \"{}\"\n",
                             q.speaker >= 0 ? Name(x, q.speaker) : "(speaker unknown)", q.rule,
                             SpanRef(doc, q.span), SpanLine(doc, q.span, 100));
  }
}

}  // namespace

void AddExplainCommand(CLI::App& app, GlobalOptions& global, int* exit_code) {
  CLI::App* cmd = app.add_subcommand(
      "explain", "list each fact found in a stored report with its sentence, span and rule id");
  auto doc = std::make_shared<std::string>();
  cmd->add_option("doc", *doc, "report file name or sha256 prefix (8+ hex digits)")->required();
  cmd->callback([&global, exit_code, doc] {
    std::unique_ptr<Store> store;
    if (Status s = OpenStore(global, &store); !s.ok()) {
      *exit_code = Fail(s);
      return;
    }
    StoredReport report;
    if (Status s = store->FindReport(*doc, &report); !s.ok()) {
      *exit_code = Fail(s);
      return;
    }
    std::vector<NearDuplicate> group;
    if (Status s = store->ListNearDuplicates(report.id, &group); !s.ok()) {
      *exit_code = Fail(s);
      return;
    }
    Explain(report, group);
  });
}

}  // namespace letapis::cli
