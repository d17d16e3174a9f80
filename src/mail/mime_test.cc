#include "mail/mime.h"

#include <gtest/gtest.h>

#include <string>

namespace letapis {
namespace {

MailMessage Parse(const std::string& raw) {
  MailMessage out;
  const Status status = ParseMail(raw, &out);
  EXPECT_TRUE(status.ok()) << status.message();
  return out;
}

TEST(MimeTest, SimpleMessageWithFoldedHeaders) {
  const MailMessage m = Parse(
      "From: Lakeside Monitor <tips@example.org>\r\nSubject: Searches in\r\n Varosk\r\n"
      "Date: Tue, 3 Mar 2026 10:15:00 +0100\r\n\r\nThree flats were searched.\r\n");
  EXPECT_EQ(m.from, "Lakeside Monitor <tips@example.org>");
  EXPECT_EQ(m.subject, "Searches in Varosk");
  EXPECT_EQ(m.date.ToIso(), "2026-03-03");
  EXPECT_EQ(m.body, "Three flats were searched.\r\n");
  EXPECT_FALSE(m.body_is_html);
}

TEST(MimeTest, EncodedWordsInHeaders) {
  EXPECT_EQ(DecodeHeaderWords("=?utf-8?B?0JLRj9GB0L3QsA==?= report"), "Вясна report");
  EXPECT_EQ(DecodeHeaderWords("=?koi8-r?Q?=F7=C5=D3=CE=C1?= =?utf-8?Q?_news?="), "Весна news");
  EXPECT_EQ(DecodeHeaderWords("=?bogus?X?abc?= plain"), "=?bogus?X?abc?= plain");
}

TEST(MimeTest, QuotedPrintableAndCharsets) {
  const MailMessage m = Parse(
      "Subject: x\nContent-Type: text/plain; charset=windows-1251\n"
      "Content-Transfer-Encoding: quoted-printable\n\n"
      "=C0=EB=E5=F1=FC =E7=E0=F2=F0=FB=EC=E0=ED=FB. A long line =\nis joined.\n");
  EXPECT_EQ(m.body, "Алесь затрыманы. A long line is joined.\n");
}

TEST(MimeTest, MultipartPrefersPlainTextAndCollectsAttachments) {
  const MailMessage m = Parse(
      "From: a@example.org\nContent-Type: multipart/mixed; boundary=\"outer\"\n\n"
      "preamble\n--outer\nContent-Type: multipart/alternative; boundary=inner\n\n"
      "--inner\nContent-Type: text/html; charset=utf-8\n\n<p>HTML body</p>\n"
      "--inner\nContent-Type: text/plain; charset=utf-8\n\nPlain body\n--inner--\n"
      "--outer\nContent-Type: application/pdf; name=\"notice.pdf\"\n"
      "Content-Disposition: attachment; filename*=utf-8''%D0%B2%D1%8B%D1%80%D0%BE%D0%BA.pdf\n"
      "Content-Transfer-Encoding: base64\n\nJVBERi0xLjQK\n"
      "--outer\nContent-Type: text/plain\nContent-Disposition: attachment; filename=list.txt\n\n"
      "one\ntwo\n--outer--\nepilogue\n");
  EXPECT_EQ(m.body, "Plain body");
  ASSERT_EQ(m.attachments.size(), 2u);
  EXPECT_EQ(m.attachments[0].filename, "вырок.pdf");
  EXPECT_EQ(m.attachments[0].content_type, "application/pdf");
  EXPECT_EQ(m.attachments[0].content, "%PDF-1.4\n");
  EXPECT_EQ(m.attachments[1].filename, "list.txt");
  EXPECT_EQ(m.attachments[1].content, "one\ntwo");
}

TEST(MimeTest, HtmlOnlyBody) {
  const MailMessage m = Parse("Content-Type: text/html\n\n<p>Only HTML</p>");
  EXPECT_TRUE(m.body_is_html);
  EXPECT_EQ(m.body, "<p>Only HTML</p>");
}

TEST(MimeTest, MalformedMessagesAreClearErrors) {
  MailMessage m;
  Status s = ParseMail("this is not a header\n\nbody", &m);
  EXPECT_EQ(s.code(), Status::Code::kInvalidInput);
  EXPECT_EQ(s.message(), "line 1: not a header line");
  s = ParseMail("Content-Type: multipart/mixed\n\nbody", &m);
  EXPECT_EQ(s.message(), "line 1: multipart/mixed without a boundary parameter");
  s = ParseMail("Subject: a\nContent-Type: multipart/mixed; boundary=b\n\nno parts here\n", &m);
  EXPECT_EQ(s.message(), "line 4: multipart body never contains its boundary \"b\"");
  s = ParseMail("Content-Transfer-Encoding: base64\n\nab!cd", &m);
  EXPECT_EQ(s.message(), "part at line 3: invalid base64 character at byte 2");
  s = ParseMail("Content-Type: text/plain; charset=no-such-charset\n\nx", &m);
  EXPECT_EQ(s.message(), "part at line 3: unknown charset \"no-such-charset\"");
  EXPECT_TRUE(m.body.empty());
}

TEST(MimeTest, DeepNestingIsALimit) {
  std::string raw;
  for (int i = 0; i < 20; ++i) {
    raw += "Content-Type: multipart/mixed; boundary=b" + std::to_string(i) + "\n\n--b" +
           std::to_string(i) + "\n";
  }
  raw += "\nx\n";
  MailMessage m;
  EXPECT_EQ(ParseMail(raw, &m).code(), Status::Code::kLimit);
}

TEST(MimeTest, MailDates) {
  EXPECT_EQ(ParseMailDate("3 Mar 2026 10:15 +0100").ToIso(), "2026-03-03");
  EXPECT_EQ(ParseMailDate("Fri, 21 Nov 2025 08:00:00 GMT").ToIso(), "2025-11-21");
  EXPECT_FALSE(ParseMailDate("yesterday").known());
  EXPECT_FALSE(ParseMailDate("").known());
}

}  // namespace
}  // namespace letapis
