// Loading and compiling the vocabulary. A malformed resource is a build mistake, not user
// input: the lists it could not read are empty (nothing matches), and a warning names them.
#include "agent/Lexicon.h"

#include "agent/PlannerText.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

namespace cw::engine::lexicon {

namespace {

using RX = QRegularExpression;

QJsonObject readResource(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        qWarning("lexicon: cannot open %s", qPrintable(path));
        return {};
    }
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &error);
    if (!doc.isObject())
        qWarning("lexicon: %s: %s", qPrintable(path), qPrintable(error.errorString()));
    return doc.object();
}

bool isLatin(QChar c)
{
    return c.unicode() < 0x2E80;
}

// One alternation for a list of phrases; longest first so "background music" wins over
// "music" and the match reports the whole phrase.
QString alternation(QStringList phrases)
{
    std::sort(phrases.begin(), phrases.end(),
              [](const QString& a, const QString& b) { return a.size() > b.size(); });
    QStringList parts;
    for (const QString& p : phrases) {
        if (p.isEmpty())
            continue;
        if (p.startsWith(QLatin1String("re:"))) {
            parts << QStringLiteral("(?:") + p.mid(3) + QLatin1Char(')');
            continue;
        }
        QString body = RX::escape(p);
        body.replace(QStringLiteral("\\ "), QStringLiteral("\\s+"));
        const bool latinStart = isLatin(p.front()) && p.front().isLetterOrNumber();
        const bool latinEnd = isLatin(p.back()) && p.back().isLetterOrNumber();
        // "intro_song.mp3" holds no "intro": an underscore joins words in file names.
        parts << (latinStart ? QStringLiteral("(?<![a-z0-9_'])") : QString()) + body +
                     (latinEnd ? QStringLiteral("(?![a-z0-9_])") : QString());
    }
    return parts.isEmpty() ? QStringLiteral("(?!)") : parts.join(QLatin1Char('|'));
}

// Phrases are normalised like messages ("一下" becomes "1下" in both); patterns are kept.
QStringList strings(const QJsonValue& v)
{
    QStringList out;
    for (const QJsonValue& s : v.toArray()) {
        const QString p = s.toString();
        out << (p.startsWith(QLatin1String("re:")) ? p : plannertext::normalize(p));
    }
    return out;
}

struct Data {
    QHash<QString, RX> lists;
    QHash<QString, RX> wholeLists;
    QList<Platform> platforms;
    RX platformRx;
    QHash<QString, int> platformByName;
    QList<RX> platformDescriptorBefore;
    QList<RX> platformDescriptorAfter;
    QList<Decline> declines;
    QHash<QString, QString> typos;
    RX typoRx;
};

const Data& data()
{
    static const Data d = [] {
        Data out;
        const QJsonObject lex = readResource(QStringLiteral(":/agent/lexicon.json"));
        const QJsonObject lists = lex.value(QStringLiteral("lists")).toObject();
        for (auto it = lists.begin(); it != lists.end(); ++it) {
            const QString alt = alternation(strings(it.value()));
            out.lists.insert(it.key(), RX(alt));
            out.wholeLists.insert(
                it.key(),
                RX(QStringLiteral(
                       "^(?:please\\s+|pls\\s+|请)?(?:%1)(?:\\s*please)?(?:吧|啊|呀|了|哦|嘛)?"
                       "[\\s.!。！~～]*$")
                       .arg(alt)));
        }
        for (const QJsonValue& v : lex.value(QStringLiteral("declines")).toArray()) {
            const QJsonObject o = v.toObject();
            out.declines << Decline{o.value(QStringLiteral("id")).toString(),
                                    o.value(QStringLiteral("need")).toString(),
                                    o.value(QStringLiteral("en")).toString(),
                                    o.value(QStringLiteral("zh")).toString(),
                                    RX(alternation(strings(o.value(QStringLiteral("patterns"))))),
                                    o.value(QStringLiteral("partial")).toBool()};
        }
        const QJsonObject typos = lex.value(QStringLiteral("typos")).toObject();
        QStringList misspelt;
        for (auto it = typos.begin(); it != typos.end(); ++it) {
            out.typos.insert(it.key(), it.value().toString());
            misspelt << it.key();
        }
        out.typoRx = RX(alternation(misspelt));
        const QJsonObject plat = readResource(QStringLiteral(":/agent/platforms.json"));
        QStringList allNames;
        for (const QJsonValue& v : plat.value(QStringLiteral("platforms")).toArray()) {
            const QJsonObject o = v.toObject();
            Platform p{o.value(QStringLiteral("id")).toString(),
                       o.value(QStringLiteral("ratio")).toString(),
                       qint64(o.value(QStringLiteral("max_ms")).toDouble()),
                       strings(o.value(QStringLiteral("names")))};
            for (const QString& n : p.names)
                out.platformByName.insert(n, int(out.platforms.size()));
            allNames += p.names;
            out.platforms << p;
        }
        out.platformRx = RX(alternation(allNames));
        for (const QJsonValue& v : plat.value(QStringLiteral("descriptor_before")).toArray())
            out.platformDescriptorBefore << RX(v.toString());
        for (const QJsonValue& v : plat.value(QStringLiteral("descriptor_after")).toArray())
            out.platformDescriptorAfter << RX(v.toString());
        for (auto it = out.lists.cbegin(); it != out.lists.cend(); ++it)
            if (!it->isValid())
                qWarning("lexicon: list %s does not compile", qPrintable(it.key()));
        return out;
    }();
    return d;
}

// Rewrites and drops are read on their own, without normalising: normalize() applies them, and
// the lists above are normalised while they load.
struct Rewrite {
    RX rx;
    QString to; // the replacement, or the group to drop ("1")
};

const QHash<QString, QList<Rewrite>>& rewriteTable(const QString& section)
{
    static const QHash<QString, QHash<QString, QList<Rewrite>>> tables = [] {
        QHash<QString, QHash<QString, QList<Rewrite>>> out;
        const QJsonObject lex = readResource(QStringLiteral(":/agent/lexicon.json"));
        const QJsonObject names = lex.value(QStringLiteral("placeholders")).toObject();
        for (const QString& sec : {QStringLiteral("rewrites"), QStringLiteral("drops")}) {
            const QJsonObject stages = lex.value(sec).toObject();
            for (auto st = stages.begin(); st != stages.end(); ++st) {
                if (st.key().startsWith(QLatin1Char('_')))
                    continue;
                for (const QJsonValue& v : st.value().toArray()) {
                    const QJsonArray pair = v.toArray();
                    QString pattern = pair.at(0).toString();
                    for (auto n = names.begin(); n != names.end(); ++n)
                        pattern.replace(QLatin1Char('{') + n.key() + QLatin1Char('}'),
                                        n.value().toString());
                    const RX rx(pattern);
                    if (!rx.isValid())
                        qWarning("lexicon: %s.%s: a pattern does not compile", qPrintable(sec),
                                 qPrintable(st.key()));
                    out[sec][st.key()]
                        << Rewrite{rx, pair.at(1).isDouble() ? QString::number(pair.at(1).toInt())
                                                             : pair.at(1).toString()};
                }
            }
        }
        return out;
    }();
    static const QHash<QString, QList<Rewrite>> none;
    const auto it = tables.constFind(section);
    return it == tables.cend() ? none : *it;
}

} // namespace

QString rewrite(const QString& text, const QString& stage)
{
    QString t = text;
    for (const Rewrite& r : rewriteTable(QStringLiteral("rewrites")).value(stage))
        t.replace(r.rx, r.to);
    return t;
}

QString drop(const QString& text, const QString& stage)
{
    QString t = text;
    for (const Rewrite& r : rewriteTable(QStringLiteral("drops")).value(stage)) {
        const int group = r.to.toInt();
        // Right to left, so earlier offsets stay valid.
        QList<QRegularExpressionMatch> found;
        for (auto it = r.rx.globalMatch(t); it.hasNext();)
            found.prepend(it.next());
        for (const QRegularExpressionMatch& m : found)
            if (m.capturedStart(group) >= 0)
                t.remove(m.capturedStart(group), m.capturedLength(group));
    }
    return t;
}

bool has(const QString& clause, const QString& list)
{
    return find(clause, list).hasMatch();
}

QRegularExpressionMatch find(const QString& clause, const QString& list, qsizetype from)
{
    const auto it = data().lists.constFind(list);
    if (it == data().lists.cend())
        return {};
    return it->match(clause, from);
}

bool whole(const QString& clause, const QString& list)
{
    const auto it = data().wholeLists.constFind(list);
    return it != data().wholeLists.cend() && it->match(clause.trimmed()).hasMatch();
}

const QList<Platform>& platforms()
{
    return data().platforms;
}

const Platform* platform(const QString& id)
{
    for (const Platform& p : data().platforms)
        if (p.id == id)
            return &p;
    return nullptr;
}

const Platform* findPlatform(const QString& clause, qsizetype* at)
{
    for (auto it = data().platformRx.globalMatch(clause); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const QString name = m.captured(0).simplified();
        // A "highlight reel" is a kind of video, not Instagram Reels.
        if (name.startsWith(QLatin1String("reel")) &&
            clause.left(m.capturedStart()).endsWith(QLatin1String("highlight ")))
            continue;
        // "the TikTok font", "like on YouTube", "my Instagram story": the name describes
        // something; it asks for no frame (platforms.json descriptor_before/_after).
        const QString before = clause.left(m.capturedStart());
        const QString after = clause.mid(m.capturedEnd());
        const auto matches = [](const QList<RX>& rxs, const QString& s) {
            return std::any_of(rxs.cbegin(), rxs.cend(),
                               [&s](const RX& rx) { return rx.match(s).hasMatch(); });
        };
        if (matches(data().platformDescriptorBefore, before) ||
            matches(data().platformDescriptorAfter, after))
            continue;
        const auto found = data().platformByName.constFind(name);
        if (found == data().platformByName.cend())
            continue;
        if (at)
            *at = m.capturedStart();
        return &data().platforms.at(*found);
    }
    return nullptr;
}

QString fixTypos(const QString& text)
{
    QString out;
    qsizetype last = 0;
    for (auto it = data().typoRx.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += text.mid(last, m.capturedStart() - last) + data().typos.value(m.captured(0));
        last = m.capturedEnd();
    }
    return out + text.mid(last);
}

const QList<Decline>& declines()
{
    return data().declines;
}

const Decline* findDecline(const QString& clause)
{
    for (const Decline& d : data().declines)
        if (d.rx.match(clause).hasMatch())
            return &d;
    return nullptr;
}

} // namespace cw::engine::lexicon
