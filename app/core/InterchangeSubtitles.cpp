// SRT and WebVTT from the draft's text tracks: every text segment of every text track,
// merged by start time (ties keep track order), in exact ms (no frame rounding). The text is
// kept as written, newlines included, with only what the formats cannot carry changed: CRLF
// becomes LF, NUL and other controls go, empty lines go (a blank line ends a cue in both
// formats), and in WebVTT "&", "<", ">" are escaped (so "-->" cannot appear in a cue).
#include "InterchangeTimeline.h"

#include <algorithm>

namespace cw::interchange::detail {

namespace {

struct Cue {
    qint64 st = 0;
    qint64 end = 0;
    QString text;
};

QString cueText(const QString& raw, bool vtt)
{
    QString text = xmlSafe(raw);
    text.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    text.replace(u'\r', u'\n');
    text.remove(u'\t');
    QStringList lines;
    const QStringList parts = text.split(u'\n');
    for (const QString& line : parts)
        if (!line.trimmed().isEmpty())
            lines << line;
    text = lines.join(u'\n');
    if (vtt) {
        text.replace(u'&', QLatin1String("&amp;"));
        text.replace(u'<', QLatin1String("&lt;"));
        text.replace(u'>', QLatin1String("&gt;"));
    }
    return text;
}

QString stamp(qint64 ms, QChar fractionSeparator)
{
    ms = std::max<qint64>(0, ms);
    return QStringLiteral("%1:%2:%3%4%5")
        .arg(ms / 3600000, 2, 10, QLatin1Char('0'))
        .arg(ms / 60000 % 60, 2, 10, QLatin1Char('0'))
        .arg(ms / 1000 % 60, 2, 10, QLatin1Char('0'))
        .arg(fractionSeparator)
        .arg(ms % 1000, 3, 10, QLatin1Char('0'));
}

} // namespace

QByteArray writeSubtitles(const Draft& draft, bool vtt, QString* error)
{
    bool hasTextTrack = false;
    QList<Cue> cues;
    for (const Track& t : draft.t) {
        if (t.tt != int(TrackType::Text))
            continue;
        hasTextTrack = true;
        for (const Segment& s : t.sg) {
            const QString text = cueText(s.m.value(QLatin1String("text")).toString(), vtt);
            if (s.d > 0 && !text.isEmpty())
                cues << Cue{std::max<qint64>(0, s.st), s.end(), text};
        }
    }
    if (cues.isEmpty()) {
        if (error)
            *error = hasTextTrack ? translate("The text track has no text to export.")
                                  : translate("The draft has no text track to export.");
        return {};
    }
    std::stable_sort(cues.begin(), cues.end(),
                     [](const Cue& a, const Cue& b) { return a.st < b.st; });

    QString out;
    const QChar sep = vtt ? u'.' : u',';
    if (vtt)
        out += QLatin1String("WEBVTT\n\n");
    int n = 0;
    for (const Cue& c : std::as_const(cues)) {
        out += QString::number(++n) + u'\n';
        out += stamp(c.st, sep) + QLatin1String(" --> ") + stamp(c.end, sep) + u'\n';
        out += c.text + QLatin1String("\n\n");
    }
    return out.toUtf8();
}

} // namespace cw::interchange::detail
