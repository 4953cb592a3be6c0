#include "jsonpointerlocator.h"

#include <QHash>

#include <algorithm>

#include <vector>

namespace cascade::jsontext {

namespace {

bool isSpace(char c)
{
    // Exactly the whitespace JSON (and QJsonDocument) allows between tokens.
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool hasBom(const QByteArray &text)
{
    return text.startsWith("\xEF\xBB\xBF");
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

//! A read position in JSON text. Every operation stops at the end of the text.
class Cursor {
public:
    explicit Cursor(const QByteArray &text)
        : m_text(text), m_pos(hasBom(text) ? 3 : 0)
    {
    }

    [[nodiscard]] qsizetype pos() const { return m_pos; }
    [[nodiscard]] bool atEnd() const { return m_pos >= m_text.size(); }
    [[nodiscard]] char peek() const { return atEnd() ? '\0' : m_text.at(m_pos); }
    void advance() { if (!atEnd()) ++m_pos; }
    void seek(qsizetype pos) { m_pos = std::clamp<qsizetype>(pos, 0, m_text.size()); }

    void skipSpace()
    {
        while (!atEnd() && isSpace(m_text.at(m_pos)))
            ++m_pos;
    }

    //! Skips past ',' and the whitespace after it; false if the next token is not a comma.
    bool skipComma()
    {
        skipSpace();
        if (peek() != ',')
            return false;
        advance();
        skipSpace();
        return true;
    }

    //! At a '"': moves past the closing quote.
    void skipString()
    {
        advance();
        while (!atEnd()) {
            const char c = m_text.at(m_pos++);
            if (c == '\\')
                advance();
            else if (c == '"')
                return;
        }
    }

    //! At a '"': decodes the string the way QJsonDocument does (an unknown escape stands for the
    //! character itself) and moves past it.
    QString readString()
    {
        advance();
        QString out;
        qsizetype run = m_pos;  // start of the current run of unescaped bytes
        auto flush = [&](qsizetype end) { out += QString::fromUtf8(m_text.constData() + run, end - run); };
        while (!atEnd()) {
            const char c = m_text.at(m_pos);
            if (c == '"') {
                flush(m_pos);
                ++m_pos;
                return out;
            }
            if (c != '\\') {
                ++m_pos;
                continue;
            }
            flush(m_pos);
            ++m_pos;
            if (atEnd())
                break;
            const char e = m_text.at(m_pos++);
            switch (e) {
            case 'b': out += QLatin1Char('\b'); break;
            case 'f': out += QLatin1Char('\f'); break;
            case 'n': out += QLatin1Char('\n'); break;
            case 'r': out += QLatin1Char('\r'); break;
            case 't': out += QLatin1Char('\t'); break;
            case 'u': {
                char16_t unit = 0;
                for (int i = 0; i < 4 && !atEnd(); ++i) {
                    const int h = hexValue(m_text.at(m_pos));
                    if (h < 0)
                        break;
                    unit = char16_t(unit * 16 + h);
                    ++m_pos;
                }
                out += QChar(unit);  // surrogate halves pair up in UTF-16 by themselves
                break;
            }
            default:
                out += QChar(char16_t(static_cast<unsigned char>(e)));
                break;
            }
            run = m_pos;
        }
        flush(m_pos);
        return out;
    }

    //! Skips one value of any kind. Iterative, so nesting depth costs no stack.
    void skipValue()
    {
        const char first = peek();
        if (first == '"') {
            skipString();
            return;
        }
        if (first != '{' && first != '[') {
            while (!atEnd()) {
                const char c = m_text.at(m_pos);
                if (isSpace(c) || c == ',' || c == ']' || c == '}' || c == ':')
                    break;
                ++m_pos;
            }
            return;
        }
        qsizetype depth = 0;
        while (!atEnd()) {
            const char c = m_text.at(m_pos);
            if (c == '"') {
                skipString();
                continue;
            }
            ++m_pos;
            if (c == '{' || c == '[') {
                ++depth;
            } else if (c == '}' || c == ']') {
                if (--depth == 0)
                    return;
            }
        }
    }

private:
    const QByteArray &m_text;
    qsizetype m_pos = 0;
};

QString unescapeToken(QStringView token)
{
    QString out = token.toString();
    out.replace(QLatin1String("~1"), QLatin1String("/"));
    out.replace(QLatin1String("~0"), QLatin1String("~"));
    return out;
}

} // namespace

QString escapeToken(const QString &token)
{
    QString out = token;
    out.replace(QLatin1Char('~'), QLatin1String("~0"));
    out.replace(QLatin1Char('/'), QLatin1String("~1"));
    return out;
}

QStringList splitPointer(const QString &pointer)
{
    QStringList tokens;
    if (pointer.isEmpty())
        return tokens;
    const QStringView view(pointer);
    const QList<QStringView> parts = view.mid(1).split(QLatin1Char('/'));
    for (QStringView part : parts)
        tokens << unescapeToken(part);
    return tokens;
}

TextPosition positionAt(const QByteArray &text, qsizetype offset)
{
    TextPosition position;
    const qsizetype end = std::clamp<qsizetype>(offset, 0, text.size());
    qsizetype lineStart = hasBom(text) ? std::min<qsizetype>(3, end) : 0;
    for (qsizetype i = lineStart; i < end; ++i) {
        if (text.at(i) == '\n') {
            ++position.line;
            lineStart = i + 1;
        }
    }
    int column = 1;
    for (qsizetype i = lineStart; i < end; ++i) {
        if ((static_cast<unsigned char>(text.at(i)) & 0xC0) != 0x80)  // not a UTF-8 continuation byte
            ++column;
    }
    position.column = column;
    return position;
}

qsizetype locate(const QByteArray &text, const QString &pointer, Target target)
{
    Cursor cursor(text);
    cursor.skipSpace();
    qsizetype found = cursor.pos();
    const QStringList tokens = splitPointer(pointer);
    for (qsizetype t = 0; t < tokens.size(); ++t) {
        const QString &token = tokens.at(t);
        const bool last = t == tokens.size() - 1;
        const char open = cursor.peek();
        if (open == '{') {
            cursor.advance();
            cursor.skipSpace();
            bool matched = false;
            while (cursor.peek() == '"') {
                const qsizetype keyPos = cursor.pos();
                const QString key = cursor.readString();
                cursor.skipSpace();
                if (cursor.peek() != ':')
                    return found;
                cursor.advance();
                cursor.skipSpace();
                if (key == token) {
                    if (last && target == Target::Key)
                        return keyPos;
                    matched = true;
                    break;
                }
                cursor.skipValue();
                if (!cursor.skipComma())
                    break;
            }
            if (!matched)
                return found;
        } else if (open == '[') {
            bool ok = false;
            const qsizetype index = token.toLongLong(&ok);
            if (!ok || index < 0)
                return found;
            cursor.advance();
            cursor.skipSpace();
            qsizetype i = 0;
            while (i < index && !cursor.atEnd() && cursor.peek() != ']') {
                const qsizetype before = cursor.pos();
                cursor.skipValue();
                if (!cursor.skipComma() || cursor.pos() == before)
                    return found;
                ++i;
            }
            if (i != index || cursor.atEnd() || cursor.peek() == ']')
                return found;
        } else {
            return found;
        }
        found = cursor.pos();
    }
    return found;
}

QStringList memberKeys(const QByteArray &text, const QString &pointer)
{
    QStringList keys;
    Cursor cursor(text);
    cursor.seek(locate(text, pointer));
    if (cursor.peek() != '{')
        return keys;
    cursor.advance();
    cursor.skipSpace();
    while (cursor.peek() == '"') {
        keys << cursor.readString();
        cursor.skipSpace();
        if (cursor.peek() != ':')
            break;
        cursor.advance();
        cursor.skipSpace();
        cursor.skipValue();
        if (!cursor.skipComma())
            break;
    }
    return keys;
}

QString scalarLiteralAt(const QByteArray &text, qsizetype offset)
{
    QString out;
    for (qsizetype i = std::max<qsizetype>(offset, 0); i < text.size() && out.size() < 40; ++i) {
        const char c = text.at(i);
        const bool literal = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
            || c == '-' || c == '+' || c == '.';
        if (!literal)
            break;
        out += QLatin1Char(c);
    }
    return out;
}

std::optional<qsizetype> firstTooDeep(const QByteArray &text, int maxDepth)
{
    int depth = 0;
    bool inString = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text.at(i);
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > maxDepth)
                return i;
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return std::nullopt;
}

std::optional<DuplicateKey> findDuplicateKey(const QByteArray &text)
{
    struct Frame {
        bool object = false;
        qsizetype index = 0;            // arrays: index of the current element
        QString key;                    // objects: key of the current member
        QHash<QString, qsizetype> keys; // objects: every key so far, with its offset
    };
    std::vector<Frame> stack;
    auto pointerOf = [&](const QString &key) {
        QString pointer;
        for (std::size_t i = 0; i + 1 < stack.size(); ++i) {
            const Frame &frame = stack[i];
            pointer += QLatin1Char('/') + (frame.object ? escapeToken(frame.key) : QString::number(frame.index));
        }
        return pointer + QLatin1Char('/') + escapeToken(key);
    };

    Cursor cursor(text);
    cursor.skipSpace();
    // expectValue: the cursor is at a value; otherwise it is after one (or after an opening bracket).
    bool expectValue = true;
    while (true) {
        if (expectValue) {
            const char c = cursor.peek();
            if (c == '{' || c == '[') {
                cursor.advance();
                cursor.skipSpace();
                Frame frame;
                frame.object = c == '{';
                stack.push_back(std::move(frame));
                if (cursor.peek() == (c == '{' ? '}' : ']')) {
                    cursor.advance();
                    stack.pop_back();
                    expectValue = false;
                    if (stack.empty())
                        return std::nullopt;
                    continue;
                }
                if (c == '[')
                    continue;  // at the first element
                // at the first key: fall through to reading it below
            } else {
                const qsizetype before = cursor.pos();
                cursor.skipValue();
                if (cursor.pos() == before || stack.empty())
                    return std::nullopt;
                expectValue = false;
                continue;
            }
        } else {
            cursor.skipSpace();
            const char c = cursor.peek();
            Frame &top = stack.back();
            if (c == (top.object ? '}' : ']')) {
                cursor.advance();
                stack.pop_back();
                if (stack.empty())
                    return std::nullopt;
                continue;
            }
            if (c != ',')
                return std::nullopt;  // not JSON QJsonDocument accepted; give up quietly
            cursor.advance();
            cursor.skipSpace();
            if (!top.object) {
                ++top.index;
                expectValue = true;
                continue;
            }
        }
        // At a key of the innermost object.
        Frame &top = stack.back();
        if (cursor.peek() != '"')
            return std::nullopt;
        const qsizetype keyPos = cursor.pos();
        QString key = cursor.readString();
        const auto previous = top.keys.constFind(key);
        if (previous != top.keys.cend())
            return DuplicateKey{pointerOf(key), keyPos, previous.value()};
        top.keys.insert(key, keyPos);
        top.key = std::move(key);
        cursor.skipSpace();
        if (cursor.peek() != ':')
            return std::nullopt;
        cursor.advance();
        cursor.skipSpace();
        expectValue = true;
    }
}

} // namespace cascade::jsontext
