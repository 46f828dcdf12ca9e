// Normalisation for the planner: quotes lifted out, NFKC, lower case, number words to digits,
// clauses split (times and levels are read in PlannerTime.cpp). Regexes here are linear in
// practice (bounded repetition, no nested quantifiers) and messages are cut to 4000 characters
// first.
#include "agent/PlannerText.h"

#include "agent/Lexicon.h"

#include <QRegularExpression>
#include <algorithm>
#include <cmath>
#include <functional>

namespace cw::engine::plannertext {

namespace {

using RX = QRegularExpression;

constexpr qsizetype kMaxChars = 4000;
constexpr qsizetype kMaxQuote = 500;

QString replaceAll(const QString& text, const RX& rx,
                   const std::function<QString(const QRegularExpressionMatch&)>& fn)
{
    QString out;
    qsizetype last = 0;
    auto it = rx.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out += text.mid(last, m.capturedStart() - last);
        out += fn(m);
        last = m.capturedEnd();
    }
    out += text.mid(last);
    return out;
}

QChar closingQuote(QChar open)
{
    switch (open.unicode()) {
    case u'"':
        return u'"';
    case u'\'':
        return u'\'';
    case 0x201C: // “
        return QChar(0x201D);
    case 0x2018: // ‘
        return QChar(0x2019);
    case 0x300C: // 「
        return QChar(0x300D);
    case 0x300E: // 『
        return QChar(0x300F);
    case 0x00AB: // «
        return QChar(0x00BB);
    default:
        return QChar();
    }
}

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber();
}

// Lifts quoted texts out of `text`. A straight ' opens only after a non-word character and
// closes only before one, so apostrophes (don't, what's) are left alone.
QString maskQuotes(const QString& text, QStringList* quotes)
{
    QString out;
    qsizetype i = 0;
    while (i < text.size()) {
        const QChar c = text.at(i);
        const QChar close = closingQuote(c);
        const bool straight = c == u'\'';
        if (!close.isNull() && !(straight && i > 0 && isWordChar(text.at(i - 1)))) {
            qsizetype j = i + 1;
            qsizetype found = -1;
            while (j < text.size() && j - i <= kMaxQuote) {
                if (text.at(j) == close &&
                    !(straight && j + 1 < text.size() && isWordChar(text.at(j + 1)))) {
                    found = j;
                    break;
                }
                ++j;
            }
            if (found > i + 1) {
                out += QChar(kQuoteMark) + QString::number(quotes->size()) + QChar(kQuoteEnd);
                quotes->append(text.mid(i + 1, found - i - 1));
                i = found + 1;
                continue;
            }
        }
        out += c;
        ++i;
    }
    return out;
}

// "add a lower third that says Jane Doe, CEO", "rename the title to Get Started": words meant
// for the screen, written without quotes at the end of the message, are lifted out like
// quoted ones so commas in them do not split clauses and numbers in them are not times.
QString liftUnquotedText(const QString& text, QStringList* quotes)
{
    static const RX rx(
        QStringLiteral(
            "(?:\\b(?:that says|which says|saying|says|that reads|reading|should say|should "
            "read|to say|to read|called|titled|(?:rename|retitle|change) (?:the |my "
            ")?(?:title|caption|text|lower third|heading)(?: text)? to|(?:add|put|show|write) "
            "(?:the |a )?(?:text|words?|title|caption)|(?:with|showing) "
            "(?:my|the|our|his|her|their) "
            "(?:full |channel |company )?name,?|(?:name|title|text|caption|lower third)(?: "
            "\\w+){0,3}:)\\s+|(?:字幕|标题|文字|人名条)[^：:]{0,4}[：:]\\s*)(?!['\"“”「」\\x{E000}]"
            ")(?!(?:red|yellow|blue|green|white|black|pink|purple|orange|gold|golden|gr[ae]y|bold|"
            "italic|bigger|smaller|larger|uppercase|lowercase|all caps)(?:\\s*$|\\s*,|\\s+(?:and|"
            "colou?r|font|text|please)\\b))(?!(?:at|for|from|in|on|with|that|which|saying|says|"
            "called|titled|to|of|and|"
            "overlays?|cards?|banners?|box|bar|effects?|animations?|here|there|something|higher|"
            "lower|up|down|back (?:to|in|at|on|into) the (?:top|bottom|middle|center|centre|"
            "corner|left|right|start|end|beginning)|a bit|a little|slightly|later|earlier|sooner|"
            "longer|shorter|bigger|"
            "smaller|larger|more|less|after|before|until|till|when|while|only|again|now|too|"
            "the "
            "(?:first|last|start|end|top|bottom))\\b)(?!\\d)([^\\n.!?。！？\\x{E000}]{1,80}?)\\s*(?"
            "=$|[.!?。！？]\\s*$|\\s+(?:as|and then|then|and add|and make|and cut|and remove|and "
            "put|and use|and change|and move)\\b|\\s+(?:at|on|in) the "
            "(?:top|bottom|start|end|beginning|center|centre|middle|corner|left|right|upper|lower)"
            "\\b|\\s+(?:at|from|for) (?:\\d|the (?:first|last))|,\\s*(?:and "
            ")?(?:make|move|put|then))"),
        RX::CaseInsensitiveOption);
    const QRegularExpressionMatch m = rx.match(text);
    if (!m.hasMatch() || m.captured(1).trimmed().isEmpty())
        return text;
    const QString words = m.captured(1).trimmed();
    // "with my name, Sam Lee": the comma before the words would split them off their clause.
    qsizetype from = m.capturedStart(1);
    qsizetype back = from;
    while (back > 0 && text.at(back - 1).isSpace())
        --back;
    if (back > 0 && text.at(back - 1) == QLatin1Char(','))
        from = back - 1;
    QString out = text;
    out.replace(from, m.capturedEnd(1) - from,
                QString(from < m.capturedStart(1) ? 1 : 0, QLatin1Char(' ')) + QChar(kQuoteMark) +
                    QString::number(quotes->size()) + QChar(kQuoteEnd));
    quotes->append(words);
    return out;
}

int chineseNumber(const QString& s)
{
    static const QString digits = QStringLiteral("零一二三四五六七八九");
    int value = 0;
    int current = 0;
    for (const QChar c : s) {
        if (c == u'〇') {
            current = 0;
        } else if (c == u'两') {
            current = 2;
        } else if (c == u'十') {
            value += (current ? current : 1) * 10;
            current = 0;
        } else if (c == u'百') {
            value += (current ? current : 1) * 100;
            current = 0;
        } else {
            const qsizetype d = digits.indexOf(c);
            if (d >= 0)
                current = current * 10 + int(d);
        }
    }
    return value + current;
}

QString chineseDecimal(const QString& s)
{
    static const QString digits = QStringLiteral("零一二三四五六七八九");
    const qsizetype dot = s.indexOf(u'点');
    if (dot < 0)
        return QString::number(chineseNumber(s));
    QString frac;
    for (const QChar c : s.mid(dot + 1))
        frac += QString::number(std::max<qsizetype>(0, digits.indexOf(c == u'〇' ? u'零' : c)));
    return QString::number(chineseNumber(s.left(dot))) + QLatin1Char('.') + frac;
}

QString numberWords(QString text)
{
    static const QStringList units{
        QStringLiteral("zero"),     QStringLiteral("one"),      QStringLiteral("two"),
        QStringLiteral("three"),    QStringLiteral("four"),     QStringLiteral("five"),
        QStringLiteral("six"),      QStringLiteral("seven"),    QStringLiteral("eight"),
        QStringLiteral("nine"),     QStringLiteral("ten"),      QStringLiteral("eleven"),
        QStringLiteral("twelve"),   QStringLiteral("thirteen"), QStringLiteral("fourteen"),
        QStringLiteral("fifteen"),  QStringLiteral("sixteen"),  QStringLiteral("seventeen"),
        QStringLiteral("eighteen"), QStringLiteral("nineteen")};
    static const QStringList tens{QStringLiteral("twenty"), QStringLiteral("thirty"),
                                  QStringLiteral("forty"),  QStringLiteral("fifty"),
                                  QStringLiteral("sixty"),  QStringLiteral("seventy"),
                                  QStringLiteral("eighty"), QStringLiteral("ninety")};
    static const RX tensRx(
        QStringLiteral("\\b(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\\s-]+(one|"
                       "two|three|four|five|six|seven|eight|nine)\\b)?"));
    static const RX unitsRx(
        QStringLiteral("\\b(zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                       "thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)\\b"));
    text = replaceAll(text, tensRx, [](const QRegularExpressionMatch& m) -> QString {
        return QString::number((tens.indexOf(m.captured(1)) + 2) * 10 +
                               std::max<qsizetype>(0, units.indexOf(m.captured(2))));
    });
    text = replaceAll(text, unitsRx, [](const QRegularExpressionMatch& m) -> QString {
        return QString::number(units.indexOf(m.captured(1)));
    });
    static const RX andHalf(QStringLiteral("\\b(\\d+) and an? half\\b"));
    text.replace(andHalf, QStringLiteral("\\1.5"));
    static const RX halfA(QStringLiteral("\\bhalf an? (second|minute)"));
    text.replace(halfA, QStringLiteral("0.5 \\1"));
    static const RX fraction(QStringLiteral("\\b1/(2|3|4|8|10) (second|minute)"));
    text = replaceAll(text, fraction, [](const QRegularExpressionMatch& m) -> QString {
        return QString::number(1.0 / m.captured(1).toDouble()) + QLatin1Char(' ') + m.captured(2);
    });
    static const RX markUnit(
        QStringLiteral("\\bthe (\\d+(?:\\.\\d+)?)[ -]?(seconds?|minutes?|mins?|secs?) mark\\b"));
    text.replace(markUnit, QStringLiteral("\\1 \\2"));
    static const RX minSec(QStringLiteral("\\b(\\d{1,2}) ?m ?(\\d{1,2}) ?s\\b"));
    text = replaceAll(text, minSec, [](const QRegularExpressionMatch& m) -> QString {
        return m.captured(1) + QLatin1Char(':') + m.captured(2).rightJustified(2, QLatin1Char('0'));
    });
    static const RX secBefore(
        QStringLiteral("\\bsec(?:ond)? (\\d+(?:\\.\\d+)?)\\b(?! (?:clips?|segments?|shots?))"));
    text.replace(secBefore, QStringLiteral("\\1 s"));
    // "a minute and five seconds", "1 min 5 sec": one time.
    static const RX minAndSec(QStringLiteral(
        "\\b(\\d{1,2}) (?:minutes?|mins?) (?:and )?(\\d{1,2}) (?:seconds?|secs?)\\b"));
    text = replaceAll(text, minAndSec, [](const QRegularExpressionMatch& m) -> QString {
        return m.captured(1) + QLatin1Char(':') + m.captured(2).rightJustified(2, QLatin1Char('0'));
    });
    // "the first 10 and last 10 seconds": the unit said once serves both.
    static const RX sharedUnit(
        QStringLiteral("\\b(first|last) (\\d+(?:\\.\\d+)?) and (?:the )?(first|last) "
                       "(\\d+(?:\\.\\d+)?) (seconds?|secs?|minutes?|mins?)\\b"));
    text.replace(sharedUnit, QStringLiteral("\\1 \\2 \\5 and the \\3 \\4 \\5"));
    static const RX edgeUnit(QStringLiteral("\\b(first|last|final) (second|minute)\\b"));
    text.replace(edgeUnit, QStringLiteral("\\1 1 \\2"));
    static const RX toFraction(
        QStringLiteral("\\b(to|at) (?:a )?(quarter|half|third)\\b(?! (?:speed|of|an?\\b))"));
    text = replaceAll(text, toFraction, [](const QRegularExpressionMatch& m) -> QString {
        const QString f = m.captured(2);
        return m.captured(1) + (f == QLatin1String("quarter") ? QStringLiteral(" 25%")
                                : f == QLatin1String("half")  ? QStringLiteral(" 50%")
                                                              : QStringLiteral(" 33%"));
    });
    static const RX aUnit(QStringLiteral(
        "\\ban? (second|minute)\\b(?!\\s+(?:clip|segment|shot|video|title|track|one))"));
    text.replace(aUnit, QStringLiteral("1 \\1"));
    static const RX unitAndHalf(QStringLiteral("\\b(\\d+) (seconds?|minutes?) and an? half\\b"));
    text.replace(unitAndHalf, QStringLiteral("\\1.5 \\2"));

    static const RX percentZh(
        QStringLiteral("百分之([零〇一二两三四五六七八九十百]+|\\d+(?:\\.\\d+)?)"));
    text = replaceAll(text, percentZh, [](const QRegularExpressionMatch& m) -> QString {
        const QString n = m.captured(1);
        return (n.at(0).isDigit() ? n : QString::number(chineseNumber(n))) + QLatin1Char('%');
    });
    static const RX ordinalZh(QStringLiteral("第([零〇一二两三四五六七八九十]+)"));
    text = replaceAll(text, ordinalZh, [](const QRegularExpressionMatch& m) -> QString {
        return QStringLiteral("第") + QString::number(chineseNumber(m.captured(1)));
    });
    static const RX unitZh(
        QStringLiteral("([零〇一二两三四五六七八九十百]+(?:点[零〇一二三四五六七八九]+)?)(?=\\s*(?:"
                       "秒|毫秒|倍|分钟|分|个|段|%|帧|次|步|遍))"));
    text = replaceAll(text, unitZh, [](const QRegularExpressionMatch& m) -> QString {
        return chineseDecimal(m.captured(1));
    });
    static const RX tenthsZh(
        QStringLiteral("([一二两三四五六七八九])成(?!.{0,3}(?:段|个|份|部分|片))"));
    text = replaceAll(text, tenthsZh, [](const QRegularExpressionMatch& m) -> QString {
        return QString::number(chineseNumber(m.captured(1)) * 10) + QLatin1Char('%');
    });
    static const RX halfSecondZh(QStringLiteral("半(?=秒)"));
    text.replace(halfSecondZh, QStringLiteral("0.5"));
    // 一秒半 = 1.5 s, 一分半 = 1.5 min; 负40 = -40; 第10秒 is a time, not the 10th clip.
    static const RX andHalfSecondZh(QStringLiteral("(\\d+)秒半"));
    text.replace(andHalfSecondZh, QStringLiteral("\\1.5秒"));
    static const RX andHalfMinuteZh(QStringLiteral("(\\d+)分(?:钟)?半"));
    text.replace(andHalfMinuteZh, QStringLiteral("\\1.5分钟"));
    static const RX minusWordZh(QStringLiteral("负\\s*([零〇一二两三四五六七八九十百]+)"));
    text = replaceAll(text, minusWordZh, [](const QRegularExpressionMatch& m) -> QString {
        return QStringLiteral("-") + QString::number(chineseNumber(m.captured(1)));
    });
    static const RX minusZh(QStringLiteral("负\\s*(?=\\d)"));
    text.replace(minusZh, QStringLiteral("-"));
    static const RX halfMinuteZh(QStringLiteral("半分钟"));
    text.replace(halfMinuteZh, QStringLiteral("0.5分钟"));
    static const RX minSecZh(QStringLiteral("(\\d{1,2})分(\\d{1,2})秒"));
    text = replaceAll(text, minSecZh, [](const QRegularExpressionMatch& m) -> QString {
        return m.captured(1) + QLatin1Char(':') + m.captured(2).rightJustified(2, QLatin1Char('0'));
    });
    // "1分05到1分15": the seconds without their unit; "3分到3分08秒": whole minutes as 分.
    static const RX minSecBareZh(QStringLiteral("(\\d{1,2})分(\\d{1,2})(?![\\d.秒])"));
    text = replaceAll(text, minSecBareZh, [](const QRegularExpressionMatch& m) -> QString {
        return m.captured(1) + QLatin1Char(':') + m.captured(2).rightJustified(2, QLatin1Char('0'));
    });
    static const RX minuteBareZh(
        QStringLiteral("(\\d{1,3})分(?=到|至|-|~|和|、|，|,|以|之后|之前|后|前|处|的|开始|$|\\s)"));
    text.replace(minuteBareZh, QStringLiteral("\\1分钟"));
    // "最后5秒2倍速": a Chinese unit runs straight into the next number.
    static const RX unitThenDigitZh(QStringLiteral("(秒钟?|分钟|毫秒)(?=\\d)"));
    text.replace(unitThenDigitZh, QStringLiteral("\\1 "));
    // 第1分20秒 is 第1:20 by now.
    static const RX ordinalTimeZh(
        QStringLiteral("第\\s*(\\d+(?:\\.\\d+)?)\\s*(?=秒|分钟|分|:\\d{2})"));
    text.replace(ordinalTimeZh, QStringLiteral("\\1"));
    return text;
}

} // namespace

QString normalize(const QString& raw)
{
    QString text = raw.normalized(QString::NormalizationForm_KC).toLower();
    text.replace(QChar(0x2019), QLatin1Char('\''));
    text.replace(QChar(0x2013), QLatin1Char('-'));
    text.replace(QChar(0x2014), QLatin1Char('-'));
    text = numberWords(text);
    // "between 1:00 and 1:20" -> "from 1:00 to 1:20", "black and white", "a 30-second reel":
    // lexicon.json "rewrites"/"normalize".
    text = lexicon::rewrite(text, QStringLiteral("normalize"));
    // A line break ends a request (a message typed over several lines, the CLI's repeated
    // --do): simplified() would otherwise run the lines into one clause.
    static const RX lineBreak(QStringLiteral("\\s*[\\r\\n\\x{2028}\\x{2029}]+\\s*"));
    text.replace(lineBreak, QStringLiteral(", "));
    return text.simplified();
}

Prepared prepare(const QString& message)
{
    Prepared p;
    p.original = message.left(kMaxChars);
    p.text = normalize(liftUnquotedText(maskQuotes(p.original, &p.quotes), &p.quotes));
    return p;
}

QStringList splitClauses(const QString& text)
{
    // "between the first and second clip", "clips 1 and 2": one thing named twice, not two
    // requests (the edit then knows it was limited to clips).
    static const RX sep(QStringLiteral(
        "\\s*(?:[,;!?，、；。！？\\n]+|\\.(?=\\s|$)|\\b(?:and then|and "
        "also|(?!(?<=first |second |third |fourth |fifth |1st |2nd |3rd |4th |5th )and (?:the "
        ")?(?:second|third|fourth|fifth|sixth|last|final|\\d+(?:st|nd|rd|th)) (?:clips?|segments?|"
        "shots?|scenes?|videos?|parts?|ones?)\\b)(?!(?<=clip \\d |clips \\d |clip \\d\\d |clips "
        "\\d\\d )and (?:clips? )?\\d+\\b)and|"
        "then|also|plus|after that|afterwards|finally|(?<!everything )(?<!anything )(?<!all "
        ")but|(?=except\\b)|so that|so i can|so we "
        "can)\\b|\\s[+&]\\s|然后|接着|并且|而且|同时|以及|还有|(?<!\\d段|\\d个)和(?!第)|但是|不过|"
        "\\s+-\\s+(?=(?:actually|no|sorry|oops|wait|i mean)\\b)|再(?=把|加|添|改|剪|删|"
        "去掉|用|做|调成|放|生成|导出|换|变|转|配|插|分割|移|给|设|弄|来|开|关))\\s*"));
    QStringList out;
    for (const QString& part : text.split(sep)) {
        const QString t = part.trimmed();
        if (!t.isEmpty())
            out << t;
    }
    return out;
}

int quoteIndex(const QString& clause)
{
    const qsizetype at = clause.indexOf(QChar(kQuoteMark));
    if (at < 0)
        return -1;
    const qsizetype end = clause.indexOf(QChar(kQuoteEnd), at);
    bool ok = false;
    const int index = clause.mid(at + 1, end - at - 1).toInt(&ok);
    return ok ? index : -1;
}

} // namespace cw::engine::plannertext
