#include "recordingrows.h"

#include "loaderwords.h"

#include <QStringDecoder>

#include <string>

namespace cascade::recordingrows {

namespace {

constexpr std::size_t RecentSlots = 1 << 12;  // a power of two

std::size_t hashBytes(std::string_view bytes)
{
    // FNV-1a: short strings, a cheap and good enough spread for a small table.
    std::size_t hash = 14695981039346656037ULL;
    for (const char c : bytes) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ULL;
    }
    return hash;
}

int hexDigit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

void appendUtf8(std::string &out, char32_t code)
{
    if (code < 0x80) {
        out += char(code);
    } else if (code < 0x800) {
        out += char(0xc0 | (code >> 6));
        out += char(0x80 | (code & 0x3f));
    } else if (code < 0x10000) {
        out += char(0xe0 | (code >> 12));
        out += char(0x80 | ((code >> 6) & 0x3f));
        out += char(0x80 | (code & 0x3f));
    } else {
        out += char(0xf0 | (code >> 18));
        out += char(0x80 | ((code >> 12) & 0x3f));
        out += char(0x80 | ((code >> 6) & 0x3f));
        out += char(0x80 | (code & 0x3f));
    }
}

QString printable(char c)
{
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x21 && byte < 0x7f)
        return QStringLiteral("'%1'").arg(QLatin1Char(c));
    return QStringLiteral("byte 0x%1").arg(int(byte), 2, 16, QLatin1Char('0'));
}

} // namespace

RowReader::RowReader(const char *data, qsizetype size, qsizetype start, qint64 line, const QString &source,
                     int maxStringBytes)
    : m_data(data)
    , m_size(size)
    , m_pos(start)
    , m_lineStart(start)
    , m_line(line)
    , m_source(source)
    , m_maxStringBytes(maxStringBytes)
    , m_recent(RecentSlots)
{
}

bool RowReader::fail(qsizetype at, const QString &problem)
{
    // Columns count bytes from 1; a problem found after the record was read is on its line.
    const bool inRecordLine = at < m_lineStart;
    const qsizetype lineStart = inRecordLine ? m_recordLineStart : m_lineStart;
    const qsizetype column = std::max<qsizetype>(at - lineStart, 0) + 1;
    m_error = QStringLiteral("%1:%2:%3: %4 %5: %6")
                  .arg(m_source)
                  .arg(inRecordLine ? m_recordLine : m_line)
                  .arg(column)
                  .arg(QLatin1String(m_what))
                  .arg(m_index)
                  .arg(problem);
    return false;
}

bool RowReader::read()
{
    m_count = 0;
    m_recordStart = m_pos;
    m_recordLine = m_line;
    m_recordLineStart = m_lineStart;
    if (m_pos >= m_size)
        return failHere(LoaderWords::tr("the file ends here (it is truncated)"));
    skipSpaces();
    if (m_pos >= m_size || m_data[m_pos] != '{')
        return failHere(m_pos >= m_size ? LoaderWords::tr("the file ends inside the record (it is truncated)")
                                        : LoaderWords::tr("expected '{' to start the record, found %1").arg(printable(m_data[m_pos])));
    ++m_pos;
    skipSpaces();
    if (m_pos < m_size && m_data[m_pos] == '}') {
        ++m_pos;
    } else {
        while (true) {
            if (m_count == MaxFields)
                return failHere(LoaderWords::tr("too many keys (at most %1)").arg(MaxFields));
            Field &field = m_fields[m_count];
            if (!readKey(&field) || !readValue(&field.value))
                return false;
            ++m_count;
            skipSpaces();
            if (m_pos >= m_size)
                return failHere(LoaderWords::tr("the file ends inside the record (it is truncated)"));
            if (m_data[m_pos] == ',') {
                ++m_pos;
                skipSpaces();
                continue;
            }
            if (m_data[m_pos] == '}') {
                ++m_pos;
                break;
            }
            return failHere(LoaderWords::tr("expected ',' or '}', found %1").arg(printable(m_data[m_pos])));
        }
    }
    skipSpaces();
    if (m_pos >= m_size)
        return failHere(LoaderWords::tr("the line does not end with a newline (the file is truncated)"));
    if (m_data[m_pos] != '\n')
        return failHere(LoaderWords::tr("expected the end of the line after the record, found %1").arg(printable(m_data[m_pos])));
    ++m_pos;
    ++m_line;
    m_lineStart = m_pos;
    return true;
}

bool RowReader::readKey(Field *field)
{
    field->keyOffset = m_pos;
    if (m_pos >= m_size)
        return failHere(LoaderWords::tr("the file ends inside the record (it is truncated)"));
    if (m_data[m_pos] != '"')
        return failHere(LoaderWords::tr("expected a key in quotes, found %1").arg(printable(m_data[m_pos])));
    const qsizetype start = ++m_pos;
    while (m_pos < m_size && m_data[m_pos] != '"') {
        const char c = m_data[m_pos];
        if (c == '\\' || c == '\n' || static_cast<unsigned char>(c) < 0x20 || m_pos - start > 32)
            return failHere(LoaderWords::tr("a key must be a short name without escapes"));
        ++m_pos;
    }
    if (m_pos >= m_size)
        return failHere(LoaderWords::tr("the file ends inside a key (it is truncated)"));
    field->key = std::string_view(m_data + start, std::size_t(m_pos - start));
    ++m_pos;
    skipSpaces();
    if (m_pos >= m_size)
        return failHere(LoaderWords::tr("the file ends inside the record (it is truncated)"));
    if (m_data[m_pos] != ':')
        return failHere(LoaderWords::tr("expected ':' after the key"));
    ++m_pos;
    skipSpaces();
    return true;
}

bool RowReader::readWord(std::string_view word)
{
    const std::size_t left = std::size_t(m_size - m_pos);
    if (left < word.size() && std::string_view(m_data + m_pos, left) == word.substr(0, left))
        return failHere(LoaderWords::tr("the file ends inside the record (it is truncated)"));
    if (left < word.size() || std::string_view(m_data + m_pos, word.size()) != word)
        return failHere(LoaderWords::tr("not a value this format uses"));
    m_pos += qsizetype(word.size());
    return true;
}

bool RowReader::readValue(Value *value)
{
    *value = Value();
    if (m_pos >= m_size)
        return failHere(LoaderWords::tr("the file ends inside the record (it is truncated)"));
    switch (m_data[m_pos]) {
    case '"':
        return readString(value);
    case 'n':
        value->type = Value::Type::Null;
        return readWord("null");
    case 't':
        value->type = Value::Type::Bool;
        value->boolean = true;
        return readWord("true");
    case 'f':
        value->type = Value::Type::Bool;
        return readWord("false");
    case '{':
    case '[':
        return failHere(LoaderWords::tr("nested objects and arrays have no place in this record"));
    default:
        return readNumber(value);
    }
}

bool RowReader::readString(Value *value)
{
    value->type = Value::Type::String;
    const qsizetype start = ++m_pos;
    while (m_pos < m_size) {
        const char c = m_data[m_pos];
        if (c == '"')
            break;
        if (c == '\\') {
            value->escaped = true;
            m_pos += 2;  // the escaped character cannot end the string; decoding checks it
            continue;
        }
        if (c == '\n')
            return failHere(LoaderWords::tr("the line ends inside a string (the file is truncated or the string is not closed)"));
        if (static_cast<unsigned char>(c) < 0x20)
            return failHere(LoaderWords::tr("a control character in a string must be escaped"));
        if (static_cast<unsigned char>(c) >= 0x80)
            value->ascii = false;
        ++m_pos;
    }
    if (m_pos >= m_size) {
        m_pos = m_size;
        return failHere(LoaderWords::tr("the file ends inside a string (it is truncated)"));
    }
    if (m_pos - start > m_maxStringBytes)
        return fail(start, LoaderWords::tr("a string of %1 bytes (at most %2)").arg(m_pos - start).arg(m_maxStringBytes));
    value->raw = std::string_view(m_data + start, std::size_t(m_pos - start));
    ++m_pos;
    return true;
}

bool RowReader::readNumber(Value *value)
{
    value->type = Value::Type::Int;
    const qsizetype start = m_pos;
    bool negative = false;
    if (m_data[m_pos] == '-') {
        negative = true;
        ++m_pos;
    }
    const qsizetype digits = m_pos;
    qint64 number = 0;
    while (m_pos < m_size && m_data[m_pos] >= '0' && m_data[m_pos] <= '9') {
        if (m_pos - digits >= 18)
            return fail(start, LoaderWords::tr("a number with more than 18 digits"));
        number = number * 10 + (m_data[m_pos] - '0');
        ++m_pos;
    }
    if (m_pos == digits)
        return fail(start, m_pos < m_size ? LoaderWords::tr("expected a value, found %1").arg(printable(m_data[m_pos]))
                                          : LoaderWords::tr("the file ends inside the record (it is truncated)"));
    if (m_data[digits] == '0' && m_pos - digits > 1)
        return fail(start, LoaderWords::tr("a number with a leading zero"));
    if (m_pos < m_size && (m_data[m_pos] == '.' || m_data[m_pos] == 'e' || m_data[m_pos] == 'E'))
        return fail(start, LoaderWords::tr("must be a whole number"));
    value->number = negative ? -number : number;
    return true;
}

bool RowReader::text(const Field &field, QString *out, bool shared)
{
    const std::string_view raw = field.value.raw;
    if (!field.value.escaped && field.value.ascii && !shared) {
        *out = QString::fromLatin1(raw.data(), qsizetype(raw.size()));
        return true;
    }
    Recent *slot = shared ? &m_recent[hashBytes(raw) & (RecentSlots - 1)] : nullptr;
    if (slot && slot->raw == raw && !slot->raw.empty()) {
        *out = slot->text;
        return true;
    }
    if (!field.value.escaped && field.value.ascii) {
        *out = QString::fromLatin1(raw.data(), qsizetype(raw.size()));
        if (slot)
            *slot = {raw, *out};
        return true;
    }
    const char *at = raw.data();
    const auto offsetOf = [&](const char *p) { return qsizetype(p - m_data); };
    std::string unescaped;
    std::string_view utf8 = raw;
    if (field.value.escaped) {
        unescaped.reserve(raw.size());
        const char *end = raw.data() + raw.size();
        for (const char *p = raw.data(); p < end; ++p) {
            if (*p != '\\') {
                unescaped += *p;
                continue;
            }
            at = p;
            if (++p >= end)
                return fail(offsetOf(at), LoaderWords::tr("a string ends with a lone backslash"));
            switch (*p) {
            case '"': unescaped += '"'; break;
            case '\\': unescaped += '\\'; break;
            case '/': unescaped += '/'; break;
            case 'b': unescaped += '\b'; break;
            case 'f': unescaped += '\f'; break;
            case 'n': unescaped += '\n'; break;
            case 'r': unescaped += '\r'; break;
            case 't': unescaped += '\t'; break;
            case 'u': {
                const auto hex4 = [&](const char *from, char32_t *code) {
                    if (end - from < 4)
                        return false;
                    char32_t value = 0;
                    for (int i = 0; i < 4; ++i) {
                        const int digit = hexDigit(from[i]);
                        if (digit < 0)
                            return false;
                        value = value * 16 + char32_t(digit);
                    }
                    *code = value;
                    return true;
                };
                char32_t code = 0;
                if (!hex4(p + 1, &code))
                    return fail(offsetOf(at), QStringLiteral("\\u must be followed by four hex digits"));
                p += 4;
                if (code >= 0xdc00 && code <= 0xdfff)
                    return fail(offsetOf(at), LoaderWords::tr("a lone low surrogate \\u%1").arg(int(code), 4, 16, QLatin1Char('0')));
                if (code >= 0xd800 && code <= 0xdbff) {
                    char32_t low = 0;
                    if (end - p < 3 || p[1] != '\\' || p[2] != 'u' || !hex4(p + 3, &low) || low < 0xdc00 || low > 0xdfff)
                        return fail(offsetOf(at), LoaderWords::tr("a high surrogate without its low surrogate"));
                    p += 6;
                    code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
                }
                appendUtf8(unescaped, code);
                break;
            }
            default:
                return fail(offsetOf(at), LoaderWords::tr("unknown escape \\%1").arg(printable(*p)));
            }
        }
        utf8 = unescaped;
    }
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString decoded = decoder(QByteArrayView(utf8.data(), qsizetype(utf8.size())));
    if (decoder.hasError())
        return fail(offsetOf(raw.data()), LoaderWords::tr("a string that is not valid UTF-8"));
    if (slot)
        *slot = {raw, decoded};
    *out = std::move(decoded);
    return true;
}

} // namespace cascade::recordingrows
