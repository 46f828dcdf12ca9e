// Whole-message readings of scope that every clause parser relies on (see Planner.cpp):
// lengths that describe the source rather than ask for something, and compound durations said
// in words. Both are restated once, before the message is split into clauses, so no parser can
// take "this 3-minute video" for a target length or split "a minute and 5 seconds" in two.
#include "agent/PlannerParts.h"

#include <QRegularExpression>

namespace cw::engine::planner {

namespace {

using RX = QRegularExpression;

// The duration of an adjective ("3-minute", "45 minute", "2-hour long") and the source nouns it
// can describe. Kept together so English and Chinese read the same way.
constexpr const char* kDuration =
    "(\\d+(?:\\.\\d+)?\\s*-?\\s*(?:hours?|hrs?|minutes?|mins?|seconds?|secs?|sec|h|m|s)"
    "(?:[- ]long)?)";
constexpr const char* kSourceNoun =
    "(?:video|videos|recording|recordings|clip|clips|footage|interview|file|vlog|podcast|stream|"
    "vod|talk|lecture|webinar|tutorial|demo|episode|zoom|meeting|movie|film|session|livestream|"
    "sunset|screencast|take)";

QString dropMatched(QString text, const QRegularExpression& rx, int group)
{
    // Right to left, so earlier offsets stay valid.
    QList<QRegularExpressionMatch> found;
    for (auto it = rx.globalMatch(text); it.hasNext();)
        found.prepend(it.next());
    for (const QRegularExpressionMatch& m : found)
        text.remove(m.capturedStart(group), m.capturedLength(group));
    return text;
}

} // namespace

QString restateScope(const QString& text)
{
    QString t = text;
    // "1 minute and 5 seconds", "2 mins 10 secs" -> "65 seconds": one time, not two clauses.
    static const RX compound(QStringLiteral(
        "\\b(\\d+)\\s*(?:minutes?|mins?)\\s*(?:and\\s+)?(\\d+)\\s*(?:seconds?|secs?)\\b"));
    for (QRegularExpressionMatch m = compound.match(t); m.hasMatch(); m = compound.match(t))
        t.replace(m.capturedStart(), m.capturedLength(),
                  QString::number(m.captured(1).toLongLong() * 60 + m.captured(2).toLongLong()) +
                      QStringLiteral(" seconds"));
    // "edit this three minute video down to 15 seconds", "my 45-minute zoom recording": a length
    // between a definite or possessive word and a source noun describes what the user has.
    static const RX definite(QStringLiteral("\\b(?:this|that|my|our|your|these|those|the)\\s+") +
                             QLatin1String(kDuration) +
                             QStringLiteral("[- ]+(?:[a-z]+[- ]){0,3}?") +
                             QLatin1String(kSourceNoun) + QStringLiteral("\\b"));
    t = dropMatched(t, definite, 1);
    // "edit a 2-minute screen recording into a 1080p mp4": with "a", only when the sentence
    // goes on to say what it becomes ("make a 60-second video" asks for one).
    static const RX indefinite(
        QStringLiteral("\\ban?\\s+") + QLatin1String(kDuration) +
        QStringLiteral("[- ]+(?:[a-z]+[- ]){0,3}?") + QLatin1String(kSourceNoun) +
        QStringLiteral("\\b(?=.*\\b(?:into|down to|cut (?:it )?to|trim (?:it )?to|shorten (?:it "
                       ")?to|get it (?:down )?to)\\b)"));
    t = dropMatched(t, indefinite, 1);
    // 这个10分钟的视频, 我这段3分钟的口播; 一个5分钟的录屏 only when it is then made into
    // something.
    static const RX zhDefinite(QStringLiteral(
        "(?:这个|这段|这条|这部|我的|我这个|我这段|我这条)\\s*(\\d+(?:\\.\\d+)?\\s*"
        "个?(?:小时|分钟|分|秒钟|秒)(?:左右|多)?(?:长)?的?)\\s*(?=(?:\\S{0,4})?(?:视频|录屏|"
        "口播|素材|片子|录像|直播|采访|访谈|vlog|影片|课程))"));
    t = dropMatched(t, zhDefinite, 1);
    static const RX zhIndefinite(QStringLiteral(
        "(?:一个|一段|一条)\\s*(\\d+(?:\\.\\d+)?\\s*个?(?:小时|分钟|分|秒钟|秒)(?:左右|多)?"
        "(?:长)?的?)\\s*(?=(?:\\S{0,4})?(?:视频|录屏|口播|素材|片子|录像|直播|采访|访谈|vlog|"
        "影片|课程).*(?:剪成|剪到|做成|变成|压缩到|缩短到|精简到))"));
    t = dropMatched(t, zhIndefinite, 1);
    return t;
}

} // namespace cw::engine::planner
