// CMX 3600 EDL: one event per segment, timecodes at the draft's frame rate, non-drop-frame
// (NTSC rates count frames at the nominal 24/30/60), record time from 00:00:00:00. Every
// reel is "AX" (no tape): the clip is named by `* FROM CLIP NAME:` and its file by
// `* SOURCE FILE:`, the convention Resolve, Premiere and Avid read. Channels: the main
// video track is "B" (picture and its first audio channel; "V" when the source is silent),
// further video lanes (cutaways) "V" events listed after it, so they overwrite the picture
// as in the draft; audio lanes A2, A3, ... A transition becomes a dissolve `D nnn` starting
// at the incoming clip's record in (the engine's timing), written as the classic pair: a
// zero-length cut at the outgoing clip's out point, then the incoming clip. Speed changes
// get an M2 line. Names and paths are put on one line (controls and newlines become
// spaces); text tracks are left to SRT/WebVTT.
#include "InterchangeTimeline.h"

namespace cw::interchange::detail {

namespace {

QString timecode(qint64 frames, qint64 timebase)
{
    frames = std::max<qint64>(0, frames);
    const qint64 secs = frames / timebase;
    return QStringLiteral("%1:%2:%3:%4")
        .arg(secs / 3600, 2, 10, QLatin1Char('0'))
        .arg(secs / 60 % 60, 2, 10, QLatin1Char('0'))
        .arg(secs % 60, 2, 10, QLatin1Char('0'))
        .arg(frames % timebase, 2, 10, QLatin1Char('0'));
}

struct Writer {
    const Timeline& tl;
    QString out;
    int event = 0;

    QString line(int number, const QString& channel, const QString& kind, qint64 trF, qint64 srcIn,
                 qint64 srcOut, qint64 recIn, qint64 recOut) const
    {
        const qint64 tb = tl.rate.timebase();
        const QString dur = trF > 0 ? QStringLiteral("%1").arg(trF, 3, 10, QLatin1Char('0'))
                                    : QStringLiteral("   ");
        return QStringLiteral("%1  %2 %3 %4 %5 %6 %7 %8 %9\n")
            .arg(number, 3, 10, QLatin1Char('0'))
            .arg(QStringLiteral("AX"), -8)
            .arg(channel, -5)
            .arg(kind, -4)
            .arg(dur, timecode(srcIn, tb), timecode(srcOut, tb), timecode(recIn, tb),
                 timecode(recOut, tb));
    }

    void add(const Item& it, const Item* previous, const QString& channel)
    {
        const int n = ++event;
        const qint64 srcOut = it.inF + it.srcDF;
        if (previous && it.trF > 0) {
            const qint64 prevOut = previous->inF + previous->srcDF;
            out += line(n, channel, QStringLiteral("C"), 0, prevOut, prevOut, it.stF, it.stF);
            out += line(n, channel, QStringLiteral("D"), it.trF, it.inF, srcOut, it.stF, it.endF());
            out += QStringLiteral("* FROM CLIP NAME: %1\n").arg(previous->name);
            out += QStringLiteral("* TO CLIP NAME: %1\n").arg(it.name);
        } else {
            out += line(n, channel, QStringLiteral("C"), 0, it.inF, srcOut, it.stF, it.endF());
            out += QStringLiteral("* FROM CLIP NAME: %1\n").arg(it.name);
        }
        if (it.speed != 1.0)
            out += QStringLiteral("M2   %1 %2 %3\n")
                       .arg(QStringLiteral("AX"), -8)
                       .arg(QString::number(it.speed * tl.rate.fps(), 'f', 1)
                                .rightJustified(5, QLatin1Char('0')),
                            -20)
                       .arg(timecode(it.inF, tl.rate.timebase()));
        out += QStringLiteral("* SOURCE FILE: %1\n").arg(oneLine(localPath(it.media->path), 4096));
        if (const QString fx = it.seg ? clipEffects(*it.seg) : QString(); !fx.isEmpty())
            out += QStringLiteral("* NOT CARRIED, REDO IN THE EDITOR: %1\n").arg(fx.toUpper());
        out += u'\n';
    }

    void addLane(const Lane& lane, bool mainVideo, const QString& audioChannel)
    {
        for (qsizetype i = 0; i < lane.items.size(); ++i) {
            const Item& it = lane.items.at(i);
            QString channel = audioChannel;
            if (channel.isEmpty())
                channel = mainVideo && it.media->hasAudio
                              ? (it.media->hasVideo ? QStringLiteral("B") : QStringLiteral("A"))
                              : QStringLiteral("V");
            add(it, i > 0 ? &lane.items.at(i - 1) : nullptr, channel);
        }
    }
};

} // namespace

QByteArray writeEdl(const Timeline& tl)
{
    Writer w{tl, {}, 0};
    w.out += QStringLiteral("TITLE: %1\n").arg(oneLine(tl.title, 70));
    w.out += QLatin1String("FCM: NON-DROP FRAME\n\n");
    for (qsizetype i = 0; i < tl.video.size(); ++i)
        w.addLane(tl.video.at(i), i == 0, QString());
    for (qsizetype i = 0; i < tl.audio.size(); ++i)
        w.addLane(tl.audio.at(i), false, QStringLiteral("A%1").arg(i + 2));
    return w.out.toUtf8();
}

} // namespace cw::interchange::detail
