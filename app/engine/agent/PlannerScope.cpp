// Whole-message readings of scope that every clause parser relies on (see Planner.cpp):
// lengths that describe the source rather than ask for something, and compound durations said
// in words. Both are restated once, before the message is split into clauses, so no parser can
// take "this 3-minute video" for a target length or split "a minute and 5 seconds" in two.
#include "agent/PlannerParts.h"

#include <QRegularExpression>
#include <algorithm>
#include <cmath>

namespace cw::engine::planner {

namespace {

using RX = QRegularExpression;

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
    // 开头和结尾各3秒 -> 前3秒和最后3秒, 剪掉片头3秒 (the first 3 s, not the intro card),
    // 开头有两秒 黑屏 (2 s at the start): lexicon.json "rewrites"/"scope".
    t = lexicon::rewrite(t, QStringLiteral("scope"));
    // "start the video at 0:05", "skip to 0:05", 直接从第5秒开始: the video begins there, so
    // what is before it goes ("start it at 0:02" after a title is the title's start).
    static const RX startAt(QStringLiteral(
        "^(?:just |please |so )?(?:(?:start|begin) (?:the|my) (?:video|clip) (?:at|from)|(?:skip|"
        "jump) (?:straight )?to) (?:the )?([\\d:.]+\\s*(?:seconds?|secs?|s|minutes?|mins?)?)(?: "
        "mark)?$|^(?:直接|视频|让视频|视频直接)从第?([\\d.]+\\s*(?:秒|分钟)|\\d{1,2}:\\d{2})开始"
        "(?:播放?|吧|就行|就好)?$"));
    QStringList parts = t.split(QRegularExpression(QStringLiteral("[,，;；。]")));
    bool changed = false;
    for (QString& part : parts) {
        const QRegularExpressionMatch m = startAt.match(part.trimmed());
        if (m.hasMatch()) {
            part = QStringLiteral(" 删除0秒到") + m.captured(1) + m.captured(2);
            changed = true;
        }
    }
    if (changed)
        t = parts.join(QLatin1Char(','));
    // "9x16", "9 by 16", "16 x 9": the aspect ratios people type without a colon.
    static const RX ratio(QStringLiteral("\\b(16|9|4|5|1|21)\\s*(?:x|by|×)\\s*(9|16|5|4|1)\\b(?!"
                                         "\\s*(?:seconds?|secs?|s|minutes?|mins?)\\b)"));
    for (QRegularExpressionMatch m = ratio.match(t); m.hasMatch();
         m = ratio.match(t, m.capturedStart() + 1)) {
        static const QStringList known{QStringLiteral("16:9"), QStringLiteral("9:16"),
                                       QStringLiteral("4:5"),  QStringLiteral("5:4"),
                                       QStringLiteral("1:1"),  QStringLiteral("21:9")};
        const QString r = m.captured(1) + QLatin1Char(':') + m.captured(2);
        if (known.contains(r))
            t.replace(m.capturedStart(), m.capturedLength(), r);
    }
    // "edit this three minute video down to 15 seconds", "my 45-minute zoom recording", 这个10分钟
    // 的视频: a length that describes what the user has (lexicon.json "drops"/"scope").
    t = lexicon::drop(t, QStringLiteral("scope"));
    // "condense the 10 minute video to 2 minutes" -> "the video", not "the  video".
    static const RX spaces(QStringLiteral(" {2,}"));
    t.replace(spaces, QStringLiteral(" "));
    return t;
}

bool clipScopeLost(const QString& clause, const QList<Operation>& ops)
{
    // "make the first clip slower", "add a title on clip 2", "把第2段调成黑白": the operations
    // other than deleting and moving clips apply to the whole timeline or a time range, so the
    // clip named would be silently ignored.
    static const RX clip(QStringLiteral(
        "(?<![\\d.]\\s)(?<![\\d.])(?<!\\ba )(?<!\\banother "
        ")\\b(?:first|second|third|fourth|fifth|sixth|last|final|\\d{1,2}(?"
        ":st|nd|rd|th)) "
        "(?:\\w+ )?(?:clip|segment|shot|scene|caption|title|subtitle|lower "
        "third|text)s?\\b|\\b(?:clip|segment|shot|scene) (?:#|no\\.? "
        "?|number "
        ")?\\d{1,2}\\b(?!\\s*(?:%|x\\b|s\\b|secs?\\b|seconds?|mins?\\b|minutes?))|第\\d{1,2}(?:个|"
        "段)"
        "(?:片段|视频|镜头)?|第\\d{1,2}个?(?:片段|镜头)|最后(?:一|1)?(?:个|段)(?:片段|视频|镜头)"));
    if (!clip.match(clause).hasMatch())
        return false;
    // "delete the second and third clip", "remove clips 2 and 4", "删除第2和第3段": more clips
    // than the one delete_clip takes; one of them would be dropped without a word.
    static const RX several(QStringLiteral(
        "\\b(?:first|second|third|fourth|fifth|sixth|last|\\d{1,2}(?:st|nd|rd|th))(?:,| and| &|"
        " or)(?: the)? (?:first|second|third|fourth|fifth|sixth|last|\\d{1,2}(?:st|nd|rd|th)) "
        "(?:\\w+ )?(?:clip|segment|shot|scene)s?\\b|\\b(?:clips|segments|shots|scenes) (?:#|no\\.? "
        "?|number )?\\d{1,2}(?:,| and| &|-| "
        "to)|第\\d{1,2}(?:个|段)?(?:和|、|跟|与|到|至)第?\\d{1,2}"));
    const bool deletes = std::any_of(ops.cbegin(), ops.cend(),
                                     [](const Operation& o) { return o.name == Op::deleteClip(); });
    if (deletes && ops.size() == 1 && several.match(clause).hasMatch())
        return true;
    return std::none_of(ops.cbegin(), ops.cend(), [](const Operation& o) {
        return o.name == Op::deleteClip() || o.name == Op::moveClip() || o.name == Op::undo() ||
               o.name == Op::redo() || o.args.contains(QStringLiteral("clip"));
    });
}

bool partScopeLost(const QString& clause, const QList<Operation>& ops)
{
    // "speed up the ending", "最后那段加速", "make the second half black and white": a part of
    // the video named by words, on an edit that then carries no range, would change it all.
    static const QStringList unscoped{Op::setSpeed(),       Op::setVolume(),      Op::setLook(),
                                      Op::denoise(),        Op::cleanAudio(),     Op::setLoudness(),
                                      Op::addTransitions(), Op::setMusicVolume(), Op::addMusic()};
    static const QStringList where{QStringLiteral("from_ms"), QStringLiteral("to_ms"),
                                   QStringLiteral("last_ms"), QStringLiteral("part"),
                                   QStringLiteral("at_ms"),   QStringLiteral("start_ms"),
                                   QStringLiteral("scope"),   QStringLiteral("clip")};
    if (ops.isEmpty() || !lexicon::has(clause, QStringLiteral("scope.part_named")) ||
        lexicon::has(clause, QStringLiteral("scope.whole")))
        return false;
    // "remove the music from the intro", "去掉开头的字幕": a removal limited to a part, which
    // remove_music / remove_text cannot take ("remove the intro music" names the music).
    static const RX removedFromPart(
        QStringLiteral("\\b(?:from|during|in|on|over|at|for) the "
                       "(?:intro|opening|beginning|start|end|ending|outro|"
                       "middle|first|last|second)\\b|(?:开头|结尾|片头|片尾|中间|前面|后面)(?:那段|"
                       "部分)?的(?:背景音乐|音乐|"
                       "配乐|字幕|标题|文字)"));
    if (std::all_of(ops.cbegin(), ops.cend(),
                    [](const Operation& o) {
                        return o.name == Op::removeMusic() || o.name == Op::removeText();
                    }) &&
        removedFromPart.match(clause).hasMatch())
        return true;
    return std::all_of(ops.cbegin(), ops.cend(), [](const Operation& o) {
        if (!unscoped.contains(o.name))
            return false;
        for (const QString& k : where)
            if (o.args.contains(k))
                return false;
        return true;
    });
}

bool relativeTimeLost(const QString& clause, const QList<Operation>& ops)
{
    // "show the title for 2 seconds longer", "字幕提前1秒": a change by an amount, which the
    // operations (absolute times only) would take as the new time itself.
    static const RX relative(QStringLiteral(
        "\\d+(?:\\.\\d+)?\\s*(?:seconds?|secs?|s|ms|minutes?|mins?)?\\s*(?:longer|shorter|earlier|"
        "later|sooner|more|less)\\b|(?:延长|缩短|提前|推迟|延后|多|少)\\s*\\d+(?:\\.\\d+)?\\s*(?:"
        "秒|分钟)"));
    if (!relative.match(clause).hasMatch())
        return false;
    return std::any_of(ops.cbegin(), ops.cend(), [](const Operation& o) {
        for (auto it = o.args.begin(); it != o.args.end(); ++it)
            if (it.key().endsWith(QLatin1String("_ms")))
                return true;
        return false;
    });
}

bool isTimeToken(const QString& token)
{
    static const RX time(QStringLiteral("^\\d{1,2}:\\d{2}|^[\\d.]+\\s*(?:seconds?|secs?|sec|s|ms|"
                                        "minutes?|mins?|m|hours?|h|秒|分钟|分|小时)$"));
    return time.match(token).hasMatch();
}

QString unusedNumber(const QString& clause, const QList<Operation>& ops)
{
    // Every value the operations carry, and the words of their texts.
    QList<double> values{double(ops.size())}; // "undo the last 3" is three undos
    QString words;
    for (const Operation& o : ops)
        for (auto it = o.args.begin(); it != o.args.end(); ++it) {
            if (it->isDouble())
                values << it->toDouble();
            else if (it->isString())
                words += it->toString() + QLatin1Char(' ');
        }
    // A stretch said as a start and an end is carried as a start and a length, and back.
    const qsizetype said = values.size();
    for (qsizetype i = 1; i < said; ++i)
        for (qsizetype j = 1; j < said; ++j)
            if (i != j)
                values << values.at(i) + values.at(j) << values.at(i) - values.at(j);
    auto used = [&](double n, bool time) {
        // A number said is carried as itself, in ms, as a fraction, negated (dB, LUFS), as a
        // 0-based index (the 2nd clip) or as the inverse of a slow-down.
        // "by 20%" is carried as 1.2 or 0.8.
        QList<double> forms{n, -n, n / 100.0, n - 1, n * 1000.0, 1 + n / 100.0, 1 - n / 100.0};
        if (n > 0)
            forms << 1.0 / n;
        // "down 10 dB" is carried as a factor (rounded as the music's change rounds it).
        for (const double db : {-n, n})
            forms << std::round(std::pow(10.0, db / 20.0) * 100.0) / 100.0;
        if (time)
            forms << n * 60000.0 << n * 3600000.0;
        for (double v : values)
            for (double f : forms)
                if (std::abs(v - f) < 1e-6 * std::max(1.0, std::abs(f)))
                    return true;
        return false;
    };
    // Quoted words, file names, aspect ratios, resolutions, numbers glued to letters (mp4, h264,
    // 1080p, 4k, 60fps) and what is being replaced ("instead of 60 seconds") are not values an
    // operation takes from the clause.
    static const RX skip(QStringLiteral(
        "(?:\\binstead of|\\brather than|\\bnot|而不是|不是)\\s*[\\d.:]+\\s*(?:[a-z]+|秒|分钟)?|"
        "\\x{E000}\\d+\\x{E001}|\\S+\\.(?:mp3|m4a|wav|aac|flac|ogg|opus|mp4|mov|png|jpe?g)\\b|"
        "\\b(?:16:9|9:16|4:5|5:4|4:3|3:4|1:1|21:9|2:1)\\b|\\b\\d+\\s*(?:p|k|fps|bit)\\b|[a-z]"
        "\\d+"));
    QString c = clause;
    c.replace(skip, QStringLiteral(" "));
    static const RX clock(QStringLiteral("\\b\\d{1,2}:\\d{2}(?::\\d{2})?(?:\\.\\d+)?\\b"));
    for (auto it = clock.globalMatch(c); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        if (!used(double(plannertext::parseTimeToken(m.captured(0))) / 1000.0, true))
            return m.captured(0);
    }
    c.replace(clock, QStringLiteral(" "));
    static const RX number(QStringLiteral(
        "-?(\\d+(?:\\.\\d+)?)\\s*(seconds?|secs?|sec|s|ms|minutes?|mins?|m|hours?|h|秒|分钟|分|"
        "小时|%|percent|x|倍)?(?![a-z])"));
    for (auto it = number.globalMatch(c); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const double n = m.captured(1).toDouble();
        const QString unit = m.captured(2);
        // A bare 1 is mostly an idiom after normalising (一点, 一下, "a bit", "one more").
        if (unit.isEmpty() && n == 1)
            continue;
        if (words.contains(m.captured(1)))
            continue;
        const bool ms = unit == QLatin1String("ms");
        if (!used(ms ? n / 1000.0 : n, !ms))
            return m.captured(0).trimmed();
    }
    return QString();
}

} // namespace cw::engine::planner
