// The planner's vocabulary, read from resources/agent/lexicon.json and platforms.json
// (compiled into the engine as Qt resources) so that words can be added without touching
// C++. Each named list becomes one regular expression: Latin phrases match whole words,
// Chinese phrases anywhere, longer phrases first. Loaded once; read-only afterwards, so the
// planner stays a pure function of its input that any thread may call.
#pragma once

#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

namespace cw::engine::lexicon {

// Does the clause contain a phrase of the list ("target.music")? Unknown lists never match.
bool has(const QString& clause, const QString& list);
// The first occurrence at or after `from`; an invalid match when there is none.
QRegularExpressionMatch find(const QString& clause, const QString& list, qsizetype from = 0);
// The whole clause is one phrase of the list (surrounding punctuation and "please" ignored).
bool whole(const QString& clause, const QString& list);

struct Platform {
    QString id;    // tiktok, reels, shorts, stories, instagram_feed, youtube, linkedin, x
    QString ratio; // "9:16"
    qint64 maxMs = 0;
    QStringList names;
};
const QList<Platform>& platforms();
const Platform* platform(const QString& id);
// The platform named in the clause (the earliest, longest name), or nullptr.
const Platform* findPlatform(const QString& clause, qsizetype* at = nullptr);

// Something the engine cannot do, or can do only with a file the user has not given.
struct Decline {
    QString id;
    QString need; // "" (not possible here), "logo", "file", "text"
    QString en;   // what cannot be done, as a noun phrase
    QString zh;
    QRegularExpression rx;
    // The rest of the clause is still planned ("move the caption to the top in yellow": the
    // move is done, the colour declined).
    bool partial = false;
};
const QList<Decline>& declines();

// Common misspellings ("remvoe", "musik") replaced by the word meant (lexicon "typos").
QString fixTypos(const QString& text);
// The lexicon's "rewrites" of one stage ("normalize", "scope") applied in order: phrasings
// restated so the parsers read one form (开头和结尾各3秒 -> 前3秒和最后3秒).
QString rewrite(const QString& text, const QString& stage);
// The lexicon's "drops" of one stage: the captured part of each match removed ("this
// 3-minute video" describes the source and asks for no length).
QString drop(const QString& text, const QString& stage);
const Decline* findDecline(const QString& clause);

} // namespace cw::engine::lexicon
