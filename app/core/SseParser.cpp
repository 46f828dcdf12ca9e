// WHATWG event-stream interpretation over byte chunks
// (html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation).
// Bytes are kept raw until a line is complete, so a UTF-8 sequence split across chunks is
// decoded whole; invalid UTF-8 becomes U+FFFD as the spec's decoder does. Scanning resumes
// where the previous feed stopped, so a single huge line costs O(n) however it is chunked.
// A CR that ends one chunk is a line end at once; an LF opening the next chunk is then
// swallowed (m_skipLf), making CRLF split across chunks one line end.
// Departures from the spec: comment lines are reported (they are our keep-alives); a line or
// an event's data longer than setMaxLineBytes() stops the parser (overflowed()) instead of
// growing without bound; retry values beyond INT_MAX are ignored.
#include "SseParser.h"

#include <QStringDecoder>

#include <cstring>

namespace cw {

namespace {

const char kBom[] = "\xEF\xBB\xBF";

// QString::fromUtf8 drops a leading U+FEFF; inside a line it is content and must stay.
QString decode(const char* p, qsizetype n)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringConverter::Flag::ConvertInitialBom);
    return decoder.decode(QByteArrayView(p, n));
}

QString decode(const QByteArray& bytes)
{
    return decode(bytes.constData(), bytes.size());
}

} // namespace

QList<SseItem> SseParser::feed(const QByteArray& chunk)
{
    QList<SseItem> out;
    if (m_overflow || chunk.isEmpty())
        return out;

    qsizetype skip = 0;
    if (m_skipLf) {
        m_skipLf = false;
        if (chunk.at(0) == '\n')
            skip = 1;
    }
    m_buffer.append(chunk.constData() + skip, chunk.size() - skip);

    if (m_firstLine) {
        // The BOM may itself arrive split; wait until three bytes decide it.
        const qsizetype n = std::min<qsizetype>(m_buffer.size(), 3);
        if (std::memcmp(m_buffer.constData(), kBom, size_t(n)) == 0) {
            if (n < 3)
                return out;
            m_buffer.remove(0, 3);
        }
        m_firstLine = false;
        m_scanFrom = 0;
    }

    const char* p = m_buffer.constData();
    const qsizetype size = m_buffer.size();
    qsizetype lineStart = 0;
    qsizetype i = m_scanFrom;
    while (i < size) {
        const char c = p[i];
        if (c != '\n' && c != '\r') {
            ++i;
            continue;
        }
        if (i - lineStart > m_maxLine) {
            m_overflow = true;
            break;
        }
        processLine(QByteArray::fromRawData(p + lineStart, i - lineStart), out);
        if (m_overflow)
            break;
        ++i;
        if (c == '\r') {
            if (i < size && p[i] == '\n')
                ++i;
            else if (i == size)
                m_skipLf = true;
        }
        lineStart = i;
    }

    if (m_overflow) {
        m_buffer.clear();
        m_data.clear();
        m_scanFrom = 0;
        return out;
    }
    if (lineStart > 0)
        m_buffer.remove(0, lineStart);
    m_scanFrom = m_buffer.size();
    if (m_buffer.size() > m_maxLine) {
        m_overflow = true;
        m_buffer.clear();
        m_data.clear();
        m_scanFrom = 0;
    }
    return out;
}

QList<SseItem> SseParser::finish()
{
    m_buffer.clear();
    m_scanFrom = 0;
    m_data.clear();
    m_hasData = false;
    m_type.clear();
    m_skipLf = false;
    return {};
}

void SseParser::processLine(const QByteArray& line, QList<SseItem>& out)
{
    if (line.isEmpty()) {
        dispatch(out);
        return;
    }
    const qsizetype colon = line.indexOf(':');
    if (colon == 0) {
        SseItem item;
        item.kind = SseItem::Kind::Comment;
        const qsizetype from = line.size() > 1 && line.at(1) == ' ' ? 2 : 1;
        item.comment = decode(line.constData() + from, line.size() - from);
        out.append(item);
        return;
    }
    QByteArray field = line;
    QByteArray value;
    if (colon > 0) {
        field = line.left(colon);
        qsizetype from = colon + 1;
        if (from < line.size() && line.at(from) == ' ')
            ++from;
        value = line.mid(from);
    }
    if (field == "data") {
        if (m_data.size() + value.size() + 1 > m_maxLine) {
            m_overflow = true;
            return;
        }
        m_data.append(value);
        m_data.append('\n');
        m_hasData = true;
    } else if (field == "event") {
        m_type = decode(value);
    } else if (field == "id") {
        if (!value.contains('\0'))
            m_lastId = decode(value);
    } else if (field == "retry") {
        bool digits = !value.isEmpty();
        for (char c : value)
            digits = digits && c >= '0' && c <= '9';
        bool ok = false;
        const int ms = digits ? value.toInt(&ok) : 0;
        if (digits && ok)
            m_retry = ms;
    }
}

void SseParser::dispatch(QList<SseItem>& out)
{
    if (!m_hasData || m_data.isEmpty()) {
        m_data.clear();
        m_hasData = false;
        m_type.clear();
        return;
    }
    SseItem item;
    item.kind = SseItem::Kind::Event;
    item.event.data = decode(m_data.constData(), m_data.size() - 1);
    if (!m_type.isEmpty())
        item.event.type = m_type;
    item.event.id = m_lastId;
    out.append(item);
    m_data.clear();
    m_hasData = false;
    m_type.clear();
}

} // namespace cw
