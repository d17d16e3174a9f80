// MakeDocument and Sha256Hex: raw bytes and provenance to a Document ready for analysis.
#include <openssl/evp.h>

#include <cctype>
#include <stdexcept>

#include <fmt/format.h>

#include "ingest/document_text.h"
#include "letapis/ingest.h"
#include "letapis/text.h"

namespace letapis {
namespace {

// How far into an HTML page its <meta charset> or http-equiv declaration is looked for.
constexpr size_t kCharsetSniffBytes = 1024;

char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// The charset an HTML page declares near its start ("charset=windows-1251"), or "".
std::string_view SniffHtmlCharset(std::string_view html) {
  constexpr std::string_view kKey = "charset=";
  const std::string_view head = html.substr(0, kCharsetSniffBytes);
  for (size_t i = 0; i + kKey.size() <= head.size(); ++i) {
    size_t k = 0;
    while (k < kKey.size() && AsciiLower(head[i + k]) == kKey[k]) ++k;
    if (k < kKey.size()) continue;
    size_t start = i + kKey.size();
    while (start < head.size() && (head[start] == '"' || head[start] == '\'')) ++start;
    size_t end = start;
    while (end < head.size() &&
           (std::isalnum(static_cast<unsigned char>(head[end])) || head[end] == '-' ||
            head[end] == '_' || head[end] == ':' || head[end] == '.')) {
      ++end;
    }
    return head.substr(start, end - start);
  }
  return {};
}

bool HasNonSpace(std::string_view text) {
  return text.find_first_not_of(" \t\r\n\f\v") != std::string_view::npos;
}

}  // namespace

std::string Sha256Hex(std::string_view bytes) {
  // OpenSSL's SHA-256 uses the CPU's SHA extensions where present (several times faster
  // than a portable implementation on the ~MB/s path of every ingest and extract run).
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr) != 1 ||
      length != 32) {
    throw std::runtime_error("SHA-256 is not available from OpenSSL");
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex(2 * length, '0');
  for (unsigned int i = 0; i < length; ++i) {
    hex[2 * i] = kHex[digest[i] >> 4];
    hex[2 * i + 1] = kHex[digest[i] & 15];
  }
  return hex;
}

Status DeriveText(std::string_view body, const OffsetMap& body_to_raw, Document* out) {
  SourceMeta& meta = out->meta;
  const bool html = meta.format == "html";
  const std::string declared = !meta.encoding.empty() ? meta.encoding
                               : html                 ? std::string(SniffHtmlCharset(body))
                                                      : "";
  DecodedText decoded;
  if (Status status = DecodeText(body, declared, &decoded); !status.ok()) return status;
  meta.encoding = decoded.encoding;
  if (html) {
    HtmlText page;
    if (Status status = HtmlToText(decoded.text, &page); !status.ok()) return status;
    out->text = std::move(page.text);
    out->text_to_raw = page.to_input.ComposeWith(decoded.to_input).ComposeWith(body_to_raw);
    if (meta.title.empty()) meta.title = page.title;
    if (meta.url.empty()) meta.url = page.url;
    if (meta.publisher.empty()) meta.publisher = page.publisher;
    if (meta.author.empty()) meta.author = page.author;
    if (!meta.published.known()) meta.published = page.published;
  } else {
    out->text = std::move(decoded.text);
    out->text_to_raw = decoded.to_input.ComposeWith(body_to_raw);
  }
  if (!HasNonSpace(out->text)) return Status::InvalidInput("no readable text");
  out->boilerplate = FindBoilerplate(out->text);
  return Status::Ok();
}

Status MakeDocument(std::string raw, const SourceMeta& meta, Document* out) {
  if (meta.format != "txt" && meta.format != "html") {
    return Status::InvalidInput(
        fmt::format("format must be \"txt\" or \"html\", not \"{}\"", meta.format));
  }
  Document doc;
  doc.meta = meta;
  doc.raw = std::move(raw);
  doc.meta.sha256 = Sha256Hex(doc.raw);
  const OffsetMap identity = OffsetMap::Identity(static_cast<uint32_t>(doc.raw.size()));
  if (Status status = DeriveText(doc.raw, identity, &doc); !status.ok()) return status;
  *out = std::move(doc);
  return Status::Ok();
}

}  // namespace letapis
