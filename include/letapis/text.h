// Text layer: decoding, HTML to text, boilerplate detection, normalisation, tokens, sentences.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "letapis/date.h"
#include "letapis/document.h"
#include "letapis/offset_map.h"
#include "letapis/status.h"

namespace letapis {

// Readers refuse inputs larger than this (bytes); see docs.
inline constexpr size_t kMaxInputBytes = 32u << 20;

// Decoded text with a map back to the input bytes.
struct DecodedText {
  std::string text;      // valid UTF-8
  OffsetMap to_input;    // text offset -> input byte offset
  std::string encoding;  // "UTF-8", "windows-1251", "windows-1252"
};

// Decodes `input` to UTF-8. `declared` is a charset name from metadata ("" if none).
// UTF-8 (with or without BOM; the BOM is dropped) is accepted when valid. Otherwise a
// declared single-byte charset is used, or Windows-1251 is chosen when the bytes look
// Cyrillic and Windows-1252 when they look Latin. Fails (kInvalidInput, naming the byte
// offset) when the input is neither valid UTF-8 nor plausibly one of those charsets,
// e.g. binary data with NUL bytes. Fails with kLimit when over kMaxInputBytes.
Status DecodeText(std::string_view input, std::string_view declared, DecodedText* out);

// Readable text and metadata of an HTML page.
struct HtmlText {
  std::string text;       // block elements separated by newlines, paragraphs by blank lines
  OffsetMap to_input;     // text offset -> offset in the UTF-8 HTML given to HtmlToText
  std::string title;      // <title> or og:title
  std::string url;        // canonical link or og:url
  std::string publisher;  // og:site_name or JSON-LD publisher
  std::string author;     // byline: meta author, JSON-LD author or a byline element
  PartialDate published;  // article:published_time, JSON-LD datePublished, <time datetime>
};

// Converts UTF-8 HTML to text: keeps only the article container when the page has one
// (<article>, <main>, itemprop=articleBody); drops script, style, nav, header/footer,
// aside, form, noscript, link lists (menus, related and most-read lists) and elements
// whose class or id marks them as share, comment, cookie or related-article widgets;
// decodes entities. Text from a single text node maps byte for
// byte where no entity was decoded. Fails with kLimit on nesting deeper than 512.
Status HtmlToText(std::string_view utf8_html, HtmlText* out);

// Returns line ranges of `text` that are web boilerplate: share widgets ("A+ A-",
// "Share", "Tweet"), comment prompts, "Read more"/"Related", navigation crumbs, cookie
// notices, lone URLs. Conservative: a line with a full sentence is never boilerplate.
std::vector<Span> FindBoilerplate(std::string_view text);

// Text prepared for analysis: typographic quotes folded to '"' and '\'', dashes to '-',
// non-breaking and other spaces to ' ', soft hyphens and zero-width characters dropped,
// runs of spaces collapsed, skipped ranges replaced by a single "\n\n".
struct NormalizedText {
  std::string text;
  OffsetMap to_input;  // normalised offset -> offset in the text given to Normalize
};

// Normalises `text` (valid UTF-8), removing the `skip` ranges (sorted, disjoint).
NormalizedText Normalize(std::string_view text, const std::vector<Span>& skip);

// Kind of a token.
enum class TokenKind : uint8_t {
  kWord,    // letters (any script), may contain inner apostrophes, hyphens or dots ("U.S.")
  kNumber,  // digits with inner ',' or '.' separators ("65,000", "1.5", "2021"), or "361-1"
  kPunct,   // one punctuation character (a '"' is its own token)
  kNewline  // a line break; two or more in a row mark a paragraph break
};

// Token flags.
enum TokenFlag : uint8_t {
  kCapitalized = 1,   // first letter upper case
  kAllCaps = 2,       // every letter upper case, at least two letters
  kParagraphEnd = 4,  // kNewline token that is a paragraph break (2+ newlines)
  kHasDigit = 8,
  kCyrillic = 16,   // contains Cyrillic letters
  kAscii = 32,      // kWord token of ASCII bytes only: `lower_hash` is set
  kHasHyphen = 64,  // kWord token with an inner '-' ("mid-2024", "twenty-five")
};

// One token: a byte range in the normalised text.
struct Token {
  uint32_t begin = 0;
  uint32_t end = 0;
  TokenKind kind = TokenKind::kWord;
  uint8_t flags = 0;
  // For kAscii words: the hash of the word lower-cased (HashWordAsciiLower of
  // src/text/word_hash.h), computed once so that lexicon lookups need not hash again.
  uint64_t lower_hash = 0;
  // The token's text in `text`, the text it was read from (no bounds check: this is on
  // every hot path, and Tokenize only makes tokens inside its text).
  std::string_view view(std::string_view text) const { return {text.data() + begin, end - begin}; }
  bool is(uint8_t flag) const { return (flags & flag) != 0; }
};

// Splits normalised text into tokens in one pass without heap allocation per token.
// Words are maximal runs of letters/marks (ICU properties) with inner "'", "-" or "."
// kept when a letter follows; "Mr." keeps no dot (the dot is a kPunct token).
std::vector<Token> Tokenize(std::string_view text);

// A sentence as a half-open range of token indices.
struct Sentence {
  uint32_t first = 0;
  uint32_t last = 0;  // one past the last token
};

// Splits tokens into sentences at '.', '!', '?' (and a closing quote after them) followed
// by a capitalised word, digit or quote, and at paragraph breaks. Does not split after
// abbreviations (Mr, Mrs, Ms, Dr, St, Prof, Gen, Col, Lt, Sgt, Rev, Jr, Sr, No, Art, vs,
// etc, Jan..Dec abbreviated months, U.S.) nor after single-letter initials.
std::vector<Sentence> SplitSentences(std::string_view text, const std::vector<Token>& tokens);

}  // namespace letapis
