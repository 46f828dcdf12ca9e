// Short builders for hand-made drafts in table tests.
#pragma once

#include "Draft.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace cw::test {

inline Segment seg(const QString& id, const QString& src, qint64 st, qint64 in, qint64 d,
                   const QJsonObject& m = {})
{
    Segment s;
    s.id = id;
    s.src = src;
    s.st = st;
    s.in = in;
    s.d = d;
    s.m = m;
    return s;
}

inline Track track(const QString& id, int tt, const QString& name, const QList<Segment>& sg)
{
    Track t;
    t.id = id;
    t.tt = tt;
    t.n = name;
    t.sg = sg;
    return t;
}

inline Track track(const QString& id, int tt, const QList<Segment>& sg)
{
    return track(id, tt, QString(), sg);
}

// A draft of these tracks with its stored duration computed.
inline Draft draftOf(const QList<Track>& tracks)
{
    Draft d;
    d.t = tracks;
    d.d = d.computedDuration();
    return d;
}

} // namespace cw::test
