// Tests of the eval record writer: its text must be byte for byte what nlohmann::json's
// dump(-1, ' ', false, error_handler_t::replace) gives for the same record as a json
// object (the format's earlier implementation, rebuilt here as the reference).
#include <cmath>
#include <limits>
#include <random>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "export/json_text.h"
#include "letapis/export.h"
#include "letapis/extractor.h"
#include "letapis/ingest.h"

namespace letapis {
namespace {

using nlohmann::json;

std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

std::string JsonString(std::string_view s) {
  std::string out;
  AppendJsonString(s, &out);
  return out;
}

std::string JsonNumber(double v) {
  std::string out;
  AppendJsonNumber(v, &out);
  return out;
}

std::string EvalLine(const Document& doc, const Extraction& x) {
  std::string out;
  AppendEvalRecord(doc, x, &out);
  return out;
}

// The reference: the record built as a json object, field by field.
json DateOrNull(const PartialDate& d) { return d.known() ? json(d.ToIso()) : json(nullptr); }

json NameOrNull(const Extraction& x, int entity) {
  return entity >= 0 && entity < static_cast<int>(x.entities.size()) ? json(x.entities[entity].name)
                                                                     : json(nullptr);
}

json ReferenceRecord(const Document& doc, const Extraction& x) {
  json out;
  out["doc"] = doc.meta.name;
  out["published"] = DateOrNull(x.published);
  for (const char* s : {"persons", "organizations", "places"}) out[s] = json::array();
  std::vector<bool> mentioned(x.entities.size(), false);
  for (const Mention& m : x.mentions) {
    if (m.entity >= 0 && m.entity < static_cast<int>(mentioned.size())) mentioned[m.entity] = true;
  }
  for (size_t i = 0; i < x.entities.size(); ++i) {
    if (!mentioned[i]) continue;
    const Entity& e = x.entities[i];
    const char* section = e.kind == EntityKind::kPerson         ? "persons"
                          : e.kind == EntityKind::kOrganization ? "organizations"
                                                                : "places";
    out[section].push_back(json{{"name", e.name}, {"aliases", e.aliases}});
  }
  out["events"] = json::array();
  for (const Event& ev : x.events) {
    if (ev.modality != "asserted") continue;
    json who = json::array();
    for (int w : ev.who) who.push_back(NameOrNull(x, w));
    out["events"].push_back(
        json{{"type", ev.type},
             {"who", who},
             {"date", DateOrNull(ev.date)},
             {"place", NameOrNull(x, ev.place)},
             {"term_months", ev.term_months ? json(*ev.term_months) : json(nullptr)},
             {"evidence", SpanText(doc, ev.evidence)}});
  }
  out["claims"] = json::array();
  for (const Claim& c : x.claims) {
    json source = NameOrNull(x, c.source);
    if (source.is_null() && !c.source_name.empty()) source = c.source_name;
    const bool integral = std::floor(c.value) == c.value && std::fabs(c.value) < 9e15;
    out["claims"].push_back(
        json{{"value", integral ? json(static_cast<int64_t>(c.value)) : json(c.value)},
             {"qualifier", c.qualifier},
             {"category", c.category},
             {"what", c.what},
             {"as_of", DateOrNull(c.as_of)},
             {"source", source},
             {"evidence", SpanText(doc, c.evidence)}});
  }
  out["quotes"] = json::array();
  for (const Quote& q : x.quotes) {
    if (q.speaker < 0) continue;
    out["quotes"].push_back(
        json{{"speaker", NameOrNull(x, q.speaker)}, {"evidence", SpanText(doc, q.span)}});
  }
  return out;
}

Span SpanOf(const std::string& text, const std::string& part) {
  const size_t at = text.find(part);
  EXPECT_NE(at, std::string::npos) << part;
  return Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + part.size())};
}

TEST(JsonTextTest, EscapesAsWrittenByHand) {
  EXPECT_EQ(JsonString(""), "\"\"");
  EXPECT_EQ(JsonString("plain text"), "\"plain text\"");
  EXPECT_EQ(JsonString("a\"b\\c/d"), "\"a\\\"b\\\\c/d\"");
  EXPECT_EQ(JsonString("\b\f\n\r\t"), "\"\\b\\f\\n\\r\\t\"");
  EXPECT_EQ(JsonString(std::string("\x00\x01\x1f\x7f", 4)), "\"\\u0000\\u0001\\u001f\x7f\"");
  EXPECT_EQ(JsonString("Ал\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D \xF0\x9F\x98\x80"),
            "\"Ал\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D \xF0\x9F\x98\x80\"");
  // Ill-formed UTF-8: each maximal ill-formed prefix becomes one U+FFFD.
  EXPECT_EQ(JsonString("x\xFFy"), "\"x\xEF\xBF\xBDy\"");
  EXPECT_EQ(JsonString("x\xC3(y"), "\"x\xEF\xBF\xBD(y\"");
  EXPECT_EQ(JsonString("x\xE2\x82"), "\"x\xEF\xBF\xBD\"");
  EXPECT_EQ(JsonString("\xE0\x80\x80"), "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");
  EXPECT_EQ(JsonString("\xC0\xAF"), "\"\xEF\xBF\xBD\xEF\xBF\xBD\"");
  EXPECT_EQ(JsonString("\xED\xA0\x80"), "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");
  EXPECT_EQ(JsonString("\xF0\x9F\x98\""), "\"\xEF\xBF\xBD\\\"\"");
}

TEST(JsonTextTest, StringsMatchNlohmannOnEveryShortByteString) {
  // Every string of one or two bytes, and of three from the bytes that matter to UTF-8.
  for (int a = 0; a < 256; ++a) {
    const std::string one(1, static_cast<char>(a));
    ASSERT_EQ(JsonString(one), Dump(json(one))) << a;
    for (int b = 0; b < 256; ++b) {
      const std::string two = one + static_cast<char>(b);
      ASSERT_EQ(JsonString(two), Dump(json(two))) << a << " " << b;
    }
  }
  const unsigned char kEdges[] = {0x00, 0x1f, 0x22, 0x41, 0x5c, 0x7f, 0x80, 0x8f, 0x90, 0x9f,
                                  0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe1, 0xec, 0xed,
                                  0xee, 0xef, 0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xff};
  for (unsigned char a : kEdges) {
    for (unsigned char b : kEdges) {
      for (unsigned char c : kEdges) {
        for (unsigned char d : {0x41, 0x80, 0xbf}) {
          const std::string s{static_cast<char>(a), static_cast<char>(b), static_cast<char>(c),
                              static_cast<char>(d)};
          ASSERT_EQ(JsonString(s), Dump(json(s))) << a << " " << b << " " << c << " " << d;
        }
      }
    }
  }
}

TEST(JsonTextTest, StringsMatchNlohmannOnRandomBytes) {
  std::mt19937 random(20261124);
  std::uniform_int_distribution<int> length(0, 40);
  std::uniform_int_distribution<int> byte(0, 255);
  for (int i = 0; i < 20000; ++i) {
    std::string s(length(random), ' ');
    for (char& c : s) c = static_cast<char>(byte(random));
    ASSERT_EQ(JsonString(s), Dump(json(s))) << i;
  }
}

TEST(JsonTextTest, NumbersAsNlohmannPrintsThem) {
  EXPECT_EQ(JsonNumber(1149), "1149");
  EXPECT_EQ(JsonNumber(-3), "-3");
  EXPECT_EQ(JsonNumber(0), "0");
  EXPECT_EQ(JsonNumber(12.5), "12.5");
  EXPECT_EQ(JsonNumber(0.1), "0.1");
  EXPECT_EQ(JsonNumber(1e16), "1e+16");
  EXPECT_EQ(JsonNumber(std::numeric_limits<double>::quiet_NaN()), "null");
  EXPECT_EQ(JsonNumber(8999999999999999.0), "8999999999999999");
  EXPECT_EQ(JsonNumber(9e15), "9e+15");
  // Past the integer cases, nlohmann's own float text.
  for (double v : {2.0 / 3, 1e-7, 123456.789, -0.5, 9e15, -1e17, 1e300}) {
    EXPECT_EQ(JsonNumber(v), Dump(json(v))) << v;
  }
}

// A hand-made document with every optional field present and absent, and strings that
// need escaping in names, aliases, evidence and the document name.
struct Tricky {
  Document doc;
  Extraction x;
};

Tricky MakeTricky() {
  Tricky t;
  t.doc.meta.name = "case \"7\"\\report.txt";
  t.doc.text =
      "Ana \"Bo\" was detained in Mińsk.\tShe said \"no\\way\x01 \xFF\" about 12.5 held. "
      "Released later.";
  Extraction& x = t.x;
  x.entities = {{EntityKind::kPerson, "Ana \"Bo\"", {"Bo", "A.\tB\xC3"}, 1},
                {EntityKind::kPlace, "Mińsk", {}, 1},
                {EntityKind::kOrganization, "Unmentioned", {}, 1},
                {EntityKind::kOrganization, "Spring\\Centre\n", {}, 1}};
  for (int e : {0, 1, 3}) {
    Mention m;
    m.entity = e;
    x.mentions.push_back(m);
  }
  Event detention;
  detention.type = "detention";
  detention.who = {0, 9};
  detention.date = *PartialDate::FromIso("2025-03-02");
  detention.place = 1;
  detention.term_months = 24;
  detention.evidence = SpanOf(t.doc.text, "Ana \"Bo\" was detained in Mińsk.");
  Event possible = detention;
  possible.modality = "possible";
  Event release;
  release.type = "release";
  release.evidence = Span{5, 1000};
  x.events = {detention, possible, release};
  Claim fractional;
  fractional.value = 12.5;
  fractional.qualifier = "about";
  fractional.category = "political_prisoners";
  fractional.what = "held";
  fractional.source = 3;
  fractional.evidence = SpanOf(t.doc.text, "about 12.5 held.");
  Claim named;
  named.value = 40;
  named.source_name = "Viasna";
  named.as_of = *PartialDate::FromIso("2025-01");
  Claim anonymous;
  anonymous.value = 3;
  x.claims = {fractional, named, anonymous};
  Quote said;
  said.speaker = 0;
  said.span = SpanOf(t.doc.text, "no\\way\x01 \xFF");
  Quote unknown;
  unknown.span = said.span;
  x.quotes = {said, unknown};
  return t;
}

TEST(EvalRecordTest, TrickyRecordAsWrittenByHand) {
  const Tricky t = MakeTricky();
  EXPECT_EQ(EvalLine(t.doc, t.x),
            "{\"claims\":["
            "{\"as_of\":null,\"category\":\"political_prisoners\",\"evidence\":\"about 12.5 "
            "held.\",\"qualifier\":\"about\",\"source\":\"Spring\\\\Centre\\n\",\"value\":12.5,"
            "\"what\":\"held\"},"
            "{\"as_of\":\"2025-01\",\"category\":\"other\",\"evidence\":\"\",\"qualifier\":"
            "\"exact\",\"source\":\"Viasna\",\"value\":40,\"what\":\"\"},"
            "{\"as_of\":null,\"category\":\"other\",\"evidence\":\"\",\"qualifier\":\"exact\","
            "\"source\":null,\"value\":3,\"what\":\"\"}],"
            "\"doc\":\"case \\\"7\\\"\\\\report.txt\","
            "\"events\":["
            "{\"date\":\"2025-03-02\",\"evidence\":\"Ana \\\"Bo\\\" was detained in Mińsk.\","
            "\"place\":\"Mińsk\",\"term_months\":24,\"type\":\"detention\",\"who\":[\"Ana "
            "\\\"Bo\\\"\",null]},"
            "{\"date\":null,\"evidence\":\"\",\"place\":null,\"term_months\":null,\"type\":"
            "\"release\",\"who\":[]}],"
            "\"organizations\":[{\"aliases\":[],\"name\":\"Spring\\\\Centre\\n\"}],"
            "\"persons\":[{\"aliases\":[\"Bo\",\"A.\\tB\xEF\xBF\xBD\"],\"name\":\"Ana "
            "\\\"Bo\\\"\"}],"
            "\"places\":[{\"aliases\":[],\"name\":\"Mińsk\"}],"
            "\"published\":null,"
            "\"quotes\":[{\"evidence\":\"no\\\\way\\u0001 \xEF\xBF\xBD\",\"speaker\":\"Ana "
            "\\\"Bo\\\"\"}]}");
  EXPECT_EQ(EvalLine(t.doc, t.x), Dump(ReferenceRecord(t.doc, t.x)));
}

TEST(EvalRecordTest, EmptyExtraction) {
  Document doc;
  doc.meta.name = "empty.txt";
  const Extraction x;
  EXPECT_EQ(EvalLine(doc, x),
            "{\"claims\":[],\"doc\":\"empty.txt\",\"events\":[],\"organizations\":[],"
            "\"persons\":[],\"places\":[],\"published\":null,\"quotes\":[]}");
  EXPECT_EQ(EvalLine(doc, x), Dump(ReferenceRecord(doc, x)));
}

TEST(EvalRecordTest, AppendsAfterWhatIsThere) {
  Document doc;
  std::string out = "before\n";
  AppendEvalRecord(doc, Extraction{}, &out);
  EXPECT_EQ(out.rfind("before\n{\"claims\":[]", 0), 0u);
}

// Every extraction of examples/, as is and with tricky characters put into its names,
// aliases, evidence and values: the writer's text equals the reference's dump.
TEST(EvalRecordTest, ExampleExtractionsMatchTheJsonObjectDump) {
  Extractor extractor;
  ASSERT_TRUE(Extractor::Load(LETAPIS_DATA_DIR, &extractor).ok());
  std::vector<std::string> files;
  std::vector<ReadProblem> problems;
  CollectInputFiles({std::string(LETAPIS_SOURCE_DIR) + "/examples"}, &files, &problems);
  ASSERT_GE(files.size(), 10u);
  size_t events = 0, claims = 0, quotes = 0;
  for (const std::string& file : files) {
    std::vector<Document> docs;
    ReadInputFile(file, ReadOptions{}, &docs, &problems);
    for (Document& doc : docs) {
      Extraction x = extractor.Run(doc);
      events += x.events.size();
      claims += x.claims.size();
      quotes += x.quotes.size();
      ASSERT_EQ(EvalLine(doc, x), Dump(ReferenceRecord(doc, x))) << doc.meta.name;
      // The same with strings to escape and fractional values everywhere.
      doc.meta.name += "\"\\\t\x02\xC3";
      doc.text += "\x7f\"\xE2\x82";
      for (Entity& e : x.entities) {
        e.name = "\\" + e.name + "\xFF\n";
        e.aliases.push_back("al\"ias\x1f");
      }
      for (Event& ev : x.events) {
        ev.evidence.end = static_cast<uint32_t>(doc.text.size());
        ev.who.push_back(-1);
      }
      for (Claim& c : x.claims) {
        c.value += 0.25;
        c.evidence.end = static_cast<uint32_t>(doc.text.size());
      }
      for (Quote& q : x.quotes) q.span.end = static_cast<uint32_t>(doc.text.size());
      ASSERT_EQ(EvalLine(doc, x), Dump(ReferenceRecord(doc, x))) << doc.meta.name;
    }
  }
  EXPECT_TRUE(problems.empty());
  // The examples exercise every section.
  EXPECT_GT(events, 0u);
  EXPECT_GT(claims, 0u);
  EXPECT_GT(quotes, 0u);
}

}  // namespace
}  // namespace letapis
