// The phrase corpus (tests/data/phrases/*.jsonl) and how a plan is scored against a line's
// expectation. Shared by tst_phrasecorpus (fails on a regression), tst_agentplanner (which
// prints plans the same way) and the bench (planner speed over the corpus).
//
// Classes, as issue 13 counts them:
//   applied   the plan is exactly the expected operations (same order, same arguments)
//   partial   the expected operations that were planned come in order, nothing else was
//             planned, and the reply says what was not done (a declined or not-understood part)
//   declined  nothing was expected to be done here (!decline / !ask) and nothing was planned,
//             with an honest note (a message asking for nothing, !none, is "applied" when
//             nothing is planned)
//   wrong     an operation that was not asked for, different arguments, or a part dropped
//             without a word
//   not_understood  an edit the engine can do was expected and nothing at all was planned
#pragma once

#include "agent/Planner.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>
#include <cmath>

namespace cw::test {

// "name k=v k=v": arguments sorted by key (QJsonObject keeps them sorted).
inline QString describeOperation(const cw::engine::Operation& op)
{
    QStringList parts{op.name};
    for (auto it = op.args.begin(); it != op.args.end(); ++it) {
        QString value;
        if (it->isBool())
            value = it->toBool() ? QStringLiteral("true") : QStringLiteral("false");
        else if (it->isDouble() && it->toDouble() == std::floor(it->toDouble()) &&
                 std::abs(it->toDouble()) < 1e12)
            value = QString::number(qint64(it->toDouble())); // ms past 6 digits stay exact
        else if (it->isDouble())
            value = QString::number(it->toDouble());
        else
            value = it->toString();
        parts << it.key() + QLatin1Char('=') + value;
    }
    return parts.join(QLatin1Char(' '));
}

inline QStringList describeOperations(const cw::engine::Plan& plan)
{
    QStringList ops;
    for (const cw::engine::Operation& op : plan.operations)
        ops << describeOperation(op);
    return ops;
}

inline QString describePlan(const cw::engine::Plan& plan)
{
    return describeOperations(plan).join(QStringLiteral(" | "));
}

struct PhraseLine {
    QString id;
    QString lang;
    QString text;
    QString expect;
    QString source;
    QString part; // "tune" or "held"
    QString file; // the file it came from ("tune-en5.jsonl"): one batch of collection
};

// Every line of <dir>/<part>-*.jsonl; *error says which line of which file is malformed.
inline QList<PhraseLine> loadPhrases(const QString& dir, const QString& part, QString* error)
{
    QList<PhraseLine> out;
    const QStringList files =
        QDir(dir).entryList({part + QStringLiteral("-*.jsonl")}, QDir::Files, QDir::Name);
    for (const QString& name : files) {
        QFile f(dir + QLatin1Char('/') + name);
        if (!f.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot open ") + name;
            return {};
        }
        int lineNo = 0;
        while (!f.atEnd()) {
            const QByteArray raw = f.readLine().trimmed();
            ++lineNo;
            if (raw.isEmpty())
                continue;
            const QJsonObject o = QJsonDocument::fromJson(raw).object();
            PhraseLine l{o.value(QStringLiteral("id")).toString(),
                         o.value(QStringLiteral("lang")).toString(),
                         o.value(QStringLiteral("text")).toString(),
                         o.value(QStringLiteral("expect")).toString(),
                         o.value(QStringLiteral("source")).toString(),
                         part,
                         name};
            if (l.id.isEmpty() || l.text.isEmpty() || l.expect.isEmpty() || l.source.isEmpty()) {
                *error = QStringLiteral("%1:%2: needs id, text, expect and source")
                             .arg(name)
                             .arg(lineNo);
                return {};
            }
            out << l;
        }
    }
    return out;
}

enum class PhraseClass { Applied, Partial, Declined, Wrong, NotUnderstood };

inline QString className(PhraseClass c)
{
    switch (c) {
    case PhraseClass::Applied:
        return QStringLiteral("applied");
    case PhraseClass::Partial:
        return QStringLiteral("partial");
    case PhraseClass::Declined:
        return QStringLiteral("declined");
    case PhraseClass::Wrong:
        return QStringLiteral("wrong");
    case PhraseClass::NotUnderstood:
        return QStringLiteral("not_understood");
    }
    return QString();
}

inline bool isGood(PhraseClass c)
{
    return c == PhraseClass::Applied || c == PhraseClass::Partial || c == PhraseClass::Declined;
}

struct Expectation {
    QStringList ops;      // described operations
    QStringList needs;    // "" for !decline, "logo" for !ask:logo, ...
    bool nothing = false; // !none: the message asks for nothing to be done
};

inline Expectation parseExpectation(const QString& expect)
{
    Expectation e;
    for (const QString& part : expect.split(QStringLiteral(" | "), Qt::SkipEmptyParts)) {
        const QString p = part.trimmed();
        if (p == QLatin1String("!none"))
            e.nothing = true;
        else if (p == QLatin1String("!decline"))
            e.needs << QString();
        else if (p.startsWith(QLatin1String("!ask:")))
            e.needs << p.mid(5);
        else
            e.ops << p;
    }
    return e;
}

// Is `sub` a subsequence of `all`?
inline bool inOrder(const QStringList& sub, const QStringList& all)
{
    qsizetype j = 0;
    for (const QString& s : sub) {
        while (j < all.size() && all.at(j) != s)
            ++j;
        if (j == all.size())
            return false;
        ++j;
    }
    return true;
}

inline PhraseClass classify(const Expectation& e, const cw::engine::Plan& plan)
{
    const QStringList got = describeOperations(plan);
    const bool note = !plan.declined.isEmpty() || !plan.unrecognized.isEmpty();
    // An !ask is only met by asking for that thing.
    bool asked = true;
    for (const QString& need : e.needs) {
        if (need.isEmpty())
            continue;
        bool found = false;
        for (const cw::engine::Declined& d : plan.declined)
            found = found || d.need == need;
        asked = asked && found;
    }
    if (e.nothing)
        return got.isEmpty() ? PhraseClass::Applied : PhraseClass::Wrong;
    if (e.ops.isEmpty()) {
        if (!got.isEmpty())
            return PhraseClass::Wrong;
        return note && asked ? PhraseClass::Declined : PhraseClass::NotUnderstood;
    }
    if (got.isEmpty())
        return PhraseClass::NotUnderstood;
    if (got == e.ops)
        return e.needs.isEmpty() ? PhraseClass::Applied
                                 : (note && asked ? PhraseClass::Partial : PhraseClass::Wrong);
    if (inOrder(got, e.ops) && note)
        return PhraseClass::Partial;
    return PhraseClass::Wrong;
}

} // namespace cw::test
