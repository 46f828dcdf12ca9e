// The generated talk with one exciting stretch that tst_highlights and tst_shortschat choose
// from: 21 espeak-ng phrases with 0.7 s pauses over a still grey picture, except phrases 9-13
// (0-based 8-12, about 19 s), which are spoken 10 dB louder over a moving test pattern. The
// stretch runs from the middle of the pause before phrase 9 to the middle of the pause after
// phrase 13.
#pragma once

#include "TestMedia.h"

#include <QDir>
#include <QJsonArray>
#include <QList>

namespace cw::test {

struct Span {
    double start = 0, end = 0; // seconds of the source
};

struct ExcitingTalk {
    QString path;
    QList<Span> speech;                          // the 21 phrases' true speech intervals
    double length = 0;                           // seconds of the file
    static constexpr int kFirst = 8, kLast = 12; // the exciting phrases (0-based)
};

// Writes talk.mp4 (and plain.mp4, the talk before the stretch was made exciting) into `dir`;
// false with *error set when a step fails.
inline bool makeExcitingTalk(const QDir& dir, ExcitingTalk* talk, QString* error)
{
    const QString plain = dir.filePath(QStringLiteral("plain.mp4"));
    const QJsonObject info =
        makeSpeechClipWithPauses(plain, QList<double>(20, 0.7), 640, 360, error);
    if (info.isEmpty())
        return false;
    talk->speech.clear();
    for (const QJsonValue& v : info[QStringLiteral("speech")].toArray())
        talk->speech << Span{v[QStringLiteral("start")].toDouble(),
                             v[QStringLiteral("end")].toDouble()};
    if (talk->speech.size() != 21) {
        *error = QStringLiteral("expected 21 phrases, got %1").arg(talk->speech.size());
        return false;
    }
    talk->length = info[QStringLiteral("duration")].toDouble();
    const QList<Span>& s = talk->speech;
    const double a = (s[ExcitingTalk::kFirst - 1].end + s[ExcitingTalk::kFirst].start) / 2;
    const double b = (s[ExcitingTalk::kLast].end + s[ExcitingTalk::kLast + 1].start) / 2;
    const QString on = QStringLiteral("between(t,%1,%2)").arg(a).arg(b);
    talk->path = dir.filePath(QStringLiteral("talk.mp4"));
    return runFfmpeg({"-i",
                      plain,
                      "-f",
                      "lavfi",
                      "-i",
                      "testsrc2=s=640x360:r=25",
                      "-f",
                      "lavfi",
                      "-i",
                      "color=c=gray:s=640x360:r=25",
                      "-filter_complex",
                      QStringLiteral("[2][1]overlay=shortest=1:enable='%1'[v];"
                                     "[0:a]volume=10dB:enable='%1'[a]")
                          .arg(on),
                      "-map",
                      "[v]",
                      "-map",
                      "[a]",
                      "-t",
                      QString::number(talk->length),
                      "-c:v",
                      "libx264",
                      "-preset",
                      "veryfast",
                      "-pix_fmt",
                      "yuv420p",
                      "-c:a",
                      "aac",
                      talk->path},
                     error);
}

} // namespace cw::test
