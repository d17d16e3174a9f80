// Criminal-code article references: "Article 342", "Art. 342", "Articles 342, 369 and
// 130-2", "Part 2 of Article 361-1", "Article 361-1, Part 2", "ч. 1 ст. 342 УК".
//
// Rule ids: article.en (an article head first), article.part_of ("Part 2 of Article
// 361-1"), article.ru (Russian or Belarusian heads: ст., статья, арт., ч., часть).
// An article is written "342" or "361-1 part 2". Only a plural head ("Articles", "ст.")
// takes a list of further numbers. A following "of the Criminal Code" or "УК РБ" is part
// of the match.
#include "extract/expression_lexicon.h"

namespace letapis {
namespace {

// Longest "of the Criminal Code of ...": capitalised words between "of the" and "Code".
constexpr uint32_t kMaxCodeWords = 3;

// Cyrillic article heads (lower case) and whether they name several articles.
struct CyrillicHead {
  std::string_view word;
  bool plural;
};
constexpr CyrillicHead kCyrillicArticles[] = {
    {"ст", true},       {"статья", false},   {"статьи", false},   {"статье", false},
    {"статьей", false}, {"статьёй", false},  {"статей", true},    {"арт", true},
    {"артыкул", false}, {"артыкула", false}, {"артыкулу", false}, {"артыкулаў", true}};
constexpr std::string_view kCyrillicParts[] = {"ч",      "часть",  "части",  "частью",
                                               "частка", "часткі", "часткай"};
// Words joining numbers of a list.
constexpr std::string_view kListJoins[] = {"and", "or", "и", "і"};

enum class HeadKind { kNone, kArticle, kPart };

struct Head {
  HeadKind kind = HeadKind::kNone;
  bool plural = false;
  bool cyrillic = false;
  uint32_t next = 0;  // index after the head (and its abbreviation dot)
};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// "342", "361-1", "24.23": digits with at most one inner '-' or '.' group.
bool IsArticleNumber(std::string_view s) {
  size_t i = 0, groups = 0;
  while (i < s.size()) {
    size_t start = i;
    while (i < s.size() && IsDigit(s[i])) ++i;
    if (i == start || i - start > 4 || ++groups > 2) return false;
    if (i < s.size() && s[i] != '-' && s[i] != '.') return false;
    if (i < s.size()) ++i;
  }
  return groups > 0 && IsDigit(s.back());
}

class ArticleFinder {
 public:
  ArticleFinder(std::string_view text, const std::vector<Token>& tokens)
      : text_(text), tokens_(tokens), n_(static_cast<uint32_t>(tokens.size())) {}

  std::vector<ArticleMatch> Run() const {
    std::vector<ArticleMatch> out;
    for (uint32_t i = 0; i < n_;) {
      if (!MayBeHead(i)) {
        ++i;
        continue;
      }
      ArticleMatch m;
      if (Match(i, &m)) {
        i = m.end;
        out.push_back(std::move(m));
      } else {
        ++i;
      }
    }
    return out;
  }

 private:
  std::string_view View(uint32_t i) const { return tokens_[i].view(text_); }
  bool Is(uint32_t i, std::string_view lower) const { return WordIs(text_, tokens_, i, lower); }
  bool IsPunct(uint32_t i, char c) const { return PunctIs(text_, tokens_, i, c); }

  // False when token `i` cannot be a head word of ReadHead: every English head starts
  // with "a" or "p" in some case, and the other heads are Cyrillic; and a number follows
  // every head that Match accepts, right after it or after its '.'.
  bool MayBeHead(uint32_t i) const {
    const Token& t = tokens_[i];
    if (t.kind != TokenKind::kWord) return false;
    const bool number_follows = (i + 1 < n_ && tokens_[i + 1].kind == TokenKind::kNumber) ||
                                (i + 2 < n_ && tokens_[i + 2].kind == TokenKind::kNumber);
    if (!number_follows) return false;
    if (t.is(kCyrillic)) return true;
    const char first = static_cast<char>(text_[t.begin] | 0x20);
    return first == 'a' || first == 'p';
  }

  // An article number token at `i`.
  bool Number(uint32_t i) const {
    return i < n_ && tokens_[i].kind == TokenKind::kNumber && IsArticleNumber(View(i));
  }
  // A part number (1..99) at `i`.
  bool PartNumber(uint32_t i) const {
    if (i >= n_ || tokens_[i].kind != TokenKind::kNumber) return false;
    int v = PureDigits(View(i));
    return v >= 1 && v <= 99;
  }

  Head ReadHead(uint32_t i) const {
    Head h;
    if (i >= n_ || tokens_[i].kind != TokenKind::kWord) return h;
    h.next = i + 1;
    if (Is(i, "article") || Is(i, "articles")) {
      h.kind = HeadKind::kArticle;
      h.plural = Is(i, "articles");
      return h;
    }
    if (Is(i, "part") || Is(i, "parts")) {
      h.kind = HeadKind::kPart;
      h.plural = Is(i, "parts");
      return h;
    }
    if (Is(i, "art") && tokens_[i].is(kCapitalized)) {
      h.kind = HeadKind::kArticle;
      if (IsPunct(i + 1, '.')) h.next = i + 2;
      return h;
    }
    if (!tokens_[i].is(kCyrillic)) return h;
    char buf[kFoldMax];
    std::string_view w = FoldCase(View(i), buf);
    h.cyrillic = true;
    for (const CyrillicHead& a : kCyrillicArticles) {
      if (w == a.word) {
        h.kind = HeadKind::kArticle;
        h.plural = a.plural;
      }
    }
    for (std::string_view p : kCyrillicParts) {
      if (w == p) h.kind = HeadKind::kPart;
    }
    if (IsPunct(i + 1, '.')) h.next = i + 2;
    return h;
  }

  // A list joiner at `i` (",", "and", ", and", "и"); sets the index after it.
  bool Join(uint32_t i, uint32_t* next) const {
    const bool comma = IsPunct(i, ',');
    if (comma) ++i;
    for (std::string_view j : kListJoins) {
      if (Is(i, j)) {
        *next = i + 1;
        return true;
      }
    }
    *next = i;
    return comma;
  }

  // Part numbers after a part head: "2", "1 and 2"; returns the index after them.
  uint32_t PartList(uint32_t k, bool plural, std::vector<std::string>* parts) const {
    parts->emplace_back(View(k));
    ++k;
    uint32_t next = 0;
    while (plural && Join(k, &next) && PartNumber(next)) {
      parts->emplace_back(View(next));
      k = next + 1;
    }
    return k;
  }

  // "of the Criminal Code", "УК", "УК РБ" after the numbers; returns the index after it.
  uint32_t CodeSuffix(uint32_t k) const {
    if (k < n_ && tokens_[k].is(kCyrillic) && (View(k) == "УК" || View(k) == "КоАП")) {
      ++k;
      if (k < n_ && (View(k) == "РБ" || View(k) == "РФ")) ++k;
      return k;
    }
    if (!Is(k, "of")) return k;
    uint32_t p = Is(k + 1, "the") ? k + 2 : k + 1;
    for (uint32_t end = p + kMaxCodeWords; p < end && p < n_ && tokens_[p].is(kCapitalized); ++p) {
      if (Is(p, "code")) return p + 1;
    }
    return k;
  }

  // "Part 2 of Article 361-1", "Parts 1 and 2 of Article 342", "ч. 1 ст. 342".
  bool PartFirst(uint32_t i, const Head& part, ArticleMatch* m) const {
    if (!PartNumber(part.next)) return false;
    std::vector<std::string> parts;
    uint32_t k = PartList(part.next, part.plural, &parts);
    if (!part.cyrillic) {
      if (!Is(k, "of")) return false;
      ++k;
    }
    Head article = ReadHead(k);
    if (article.kind != HeadKind::kArticle || !Number(article.next)) return false;
    std::string_view number = View(article.next);
    for (const std::string& p : parts) m->articles.push_back(std::string(number) + " part " + p);
    m->first = i;
    m->end = CodeSuffix(article.next + 1);
    m->rule = part.cyrillic || article.cyrillic ? "article.ru" : "article.part_of";
    return true;
  }

  // "Article 342", "Articles 342, 369 and 130-2", "Article 361-1, Part 2", "ст. 342 ч. 1".
  bool ArticleFirst(uint32_t i, const Head& article, ArticleMatch* m) const {
    if (!Number(article.next)) return false;
    uint32_t k = article.next;
    m->articles.emplace_back(View(k));
    ++k;
    while (true) {
      Head part = ReadHead(IsPunct(k, ',') ? k + 1 : k);
      if (part.kind == HeadKind::kPart && PartNumber(part.next)) {
        m->articles.back() += " part ";
        m->articles.back() += View(part.next);
        k = part.next + 1;
        continue;
      }
      uint32_t next = 0;
      if (article.plural && Join(k, &next) && Number(next)) {
        m->articles.emplace_back(View(next));
        k = next + 1;
        continue;
      }
      break;
    }
    m->first = i;
    m->end = CodeSuffix(k);
    m->rule = article.cyrillic ? "article.ru" : "article.en";
    return true;
  }

  bool Match(uint32_t i, ArticleMatch* m) const {
    Head h = ReadHead(i);
    if (h.kind == HeadKind::kPart) return PartFirst(i, h, m);
    if (h.kind == HeadKind::kArticle) return ArticleFirst(i, h, m);
    return false;
  }

  std::string_view text_;
  const std::vector<Token>& tokens_;
  const uint32_t n_;
};

}  // namespace

std::vector<ArticleMatch> FindArticles(std::string_view text, const std::vector<Token>& tokens) {
  return ArticleFinder(text, tokens).Run();
}

}  // namespace letapis
