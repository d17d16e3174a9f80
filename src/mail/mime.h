// Parsing Internet messages (.eml, RFC 5322 with MIME): headers, body text, attachments.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "letapis/date.h"
#include "letapis/status.h"

namespace letapis {

// Limits of the parser: nesting of multiparts and number of parts in one message.
inline constexpr int kMaxMimeDepth = 8;
inline constexpr size_t kMaxMimeParts = 200;

// A file attached to a message, its content decoded from base64 or quoted-printable.
struct MailAttachment {
  std::string filename;      // from Content-Disposition or Content-Type; "" when unnamed
  std::string content_type;  // lower case, e.g. "application/pdf"
  std::string charset;       // declared charset of a text attachment, or ""
  std::string content;       // the decoded bytes
};

// A parsed message.
struct MailMessage {
  std::string subject;        // decoded (RFC 2047), UTF-8
  std::string from;           // decoded, UTF-8
  PartialDate date;           // from the Date header; unknown when absent or malformed
  std::string body;           // UTF-8 body text ("" when the message has none)
  bool body_is_html = false;  // true when `body` came from a text/html part
  std::vector<MailAttachment> attachments;
};

// Parses a message. The body is its first text/plain part that is not an attachment,
// or else its first such text/html part, converted from its charset to UTF-8 with ICU
// (malformed bytes become U+FFFD). Parts with a file name or "attachment" disposition,
// and non-text parts, are attachments. Fails (kInvalidInput, naming the line) on a
// message without a header/body separator, a multipart without a boundary or whose
// boundary never occurs, invalid base64, an unknown charset; kLimit past kMaxMimeDepth
// or kMaxMimeParts.
Status ParseMail(std::string_view raw, MailMessage* out);

// Decodes RFC 2047 encoded words ("=?utf-8?B?...?=", "=?koi8-r?Q?...?=") in a header
// value; malformed words are left as they are.
std::string DecodeHeaderWords(std::string_view value);

// Parses an RFC 5322 date ("Tue, 3 Mar 2026 10:15:00 +0100"); unknown when malformed.
PartialDate ParseMailDate(std::string_view value);

}  // namespace letapis
