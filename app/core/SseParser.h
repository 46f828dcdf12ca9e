// Incremental parser for the WHATWG "text/event-stream" format. It takes byte chunks as
// they arrive (any split: inside CRLF, inside a UTF-8 sequence, inside a field name) and
// returns complete events and comment lines. It never sees a socket.
// Departures from the spec: comments are reported (they are our keep-alives), and a
// buffer limit guards against a hostile stream that never sends a line break.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace cw {

struct SseEvent {
    QString type = QStringLiteral("message");
    QString data; // data lines joined with "\n", trailing newline removed
    QString id;   // last event id in effect
};

struct SseItem {
    enum class Kind { Event, Comment };
    Kind kind = Kind::Event;
    SseEvent event;  // when Kind::Event
    QString comment; // when Kind::Comment, text after ':' with one leading space removed
};

class SseParser {
public:
    QList<SseItem> feed(const QByteArray& chunk);
    // End of stream: an event not terminated by a blank line is discarded (per spec).
    QList<SseItem> finish();
    // An event or line has begun and not ended: a stream ending now was cut mid-event.
    bool midEvent() const { return !m_buffer.isEmpty() || m_hasData || !m_type.isEmpty(); }

    void setMaxLineBytes(qsizetype bytes) { m_maxLine = bytes; } // default 64 MiB
    bool overflowed() const { return m_overflow; } // a line exceeded the limit; parser stops
    int retryMs() const { return m_retry; }        // -1 when never set
    QString lastEventId() const { return m_lastId; }

private:
    void processLine(const QByteArray& line, QList<SseItem>& out);
    void dispatch(QList<SseItem>& out);

    QByteArray m_buffer;
    qsizetype m_scanFrom = 0;
    bool m_skipLf = false; // previous chunk ended with CR
    bool m_firstLine = true;
    bool m_overflow = false;
    qsizetype m_maxLine = 64 * 1024 * 1024;
    QByteArray m_data;
    bool m_hasData = false;
    QString m_type;
    QString m_lastId;
    int m_retry = -1;
};

} // namespace cw
