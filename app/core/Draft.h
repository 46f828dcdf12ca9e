// The timeline draft in the short-key JSON form shared with the NemoVideo cloud
// (see DESIGN.md "Draft schema"). Decoding is tolerant: missing keys take defaults and
// unknown keys are kept in `extra` so a re-encode never drops what another backend wrote.
// validate() is the strict part and reports every problem in words.
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace cw {

enum class TrackType { Video = 0, Audio = 1, Text = 7 };

struct Segment {
    QString id;
    QString src;       // media id; empty for text segments
    qint64 st = 0;     // start on the timeline, ms
    qint64 in = 0;     // in-point in the source, ms
    qint64 d = 0;      // length, ms
    QJsonObject m;     // metadata: name, tr, vol, text, style, pos, ...
    QJsonObject extra; // unknown keys, kept on re-encode

    qint64 end() const { return st + d; }
    bool operator==(const Segment& o) const;
};

struct Track {
    QString id;
    int tt = 0; // TrackType as int: unknown types survive a round trip
    QString n;  // display name
    QList<Segment> sg;
    QJsonObject extra;

    bool operator==(const Track& o) const;
};

struct Draft {
    int v = 1;
    QJsonObject m; // title, width, height, fps, ...
    qint64 d = 0;  // duration as stored; see computedDuration()
    QList<Track> t;
    QJsonObject extra;

    static std::optional<Draft> fromJson(const QJsonObject& json, QString* error = nullptr);
    static std::optional<Draft> fromBytes(const QByteArray& bytes, QString* error = nullptr);
    QJsonObject toJson() const;
    QByteArray toBytes() const; // compact JSON

    qint64 computedDuration() const; // latest segment end over all tracks
    QStringList validate() const;    // empty when valid; one sentence per problem
    bool isExportable() const;       // some track has a non-empty sg
    QString summary() const;         // "Timeline (3 tracks): 1. Video: city.mp4 (0-10s) 2. ..."

    Track* track(const QString& id);
    const Track* track(const QString& id) const;
    bool operator==(const Draft& o) const;
};

} // namespace cw
