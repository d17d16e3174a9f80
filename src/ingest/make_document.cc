#include <sodium.h>

#include <fmt/format.h>

#include "ingest/document_builder.h"
#include "letapis/ingest.h"

namespace letapis {

std::string Sha256Hex(std::string_view bytes) {
  static const bool ready = sodium_init() >= 0;
  (void)ready;
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

Status BuildDocument(std::string raw, const DecodedText& decoded, const SourceMeta& meta,
                     Document* out) {
  out->meta = meta;
  out->meta.sha256 = Sha256Hex(raw);
  out->meta.encoding = decoded.encoding;
  if (meta.format == "html") {
    HtmlText html;
    if (Status s = HtmlToText(decoded.text, &html); !s.ok()) return s;
    out->text = std::move(html.text);
    out->text_to_raw = html.to_input.ComposeWith(decoded.to_input);
    if (out->meta.title.empty()) out->meta.title = html.title;
    if (out->meta.url.empty()) out->meta.url = html.url;
    if (out->meta.publisher.empty()) out->meta.publisher = html.publisher;
    if (!out->meta.published.known()) out->meta.published = html.published;
  } else {
    out->text = decoded.text;
    out->text_to_raw = decoded.to_input;
  }
  if (out->text.find_first_not_of(" \t\r\n") == std::string::npos) {
    return Status::InvalidInput("no text in it");
  }
  out->raw = std::move(raw);
  out->boilerplate = FindBoilerplate(out->text);
  return Status::Ok();
}

Status MakeDocument(std::string raw, const SourceMeta& meta, Document* out) {
  DecodedText decoded;
  if (Status s = DecodeText(raw, meta.encoding, &decoded); !s.ok()) return s;
  return BuildDocument(std::move(raw), decoded, meta, out);
}

}  // namespace letapis
