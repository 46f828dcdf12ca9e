// Generates test media with the scripts in tests/data (espeak-ng speech with known
// pauses over a testsrc2 video). Header-only so every test target can use it.
#pragma once

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <cmath>

namespace cw::test {

inline QString testDataDir()
{
    return QStringLiteral(CLIPWRIGHT_TEST_DATA_DIR);
}
inline QString binDir()
{
    return QStringLiteral(CLIPWRIGHT_BIN_DIR);
}

// Writes an MP4 to `out`; returns the script's JSON description ({duration, pauses:[{start,
// end}]}, seconds) or an empty object on failure with *error set.
inline QJsonObject makeSpeechClip(const QString& out, double pauseSeconds = 1.5, int pauses = 3,
                                  int width = 1280, int height = 720, QString* error = nullptr)
{
    QProcess p;
    p.start(QStringLiteral("bash"), {testDataDir() + QStringLiteral("/make_speech_clip.sh"), out,
                                     QString::number(pauseSeconds), QString::number(pauses),
                                     QString::number(width), QString::number(height)});
    if (!p.waitForFinished(120000) || p.exitCode() != 0) {
        if (error)
            *error = QString::fromUtf8(p.readAllStandardError());
        return {};
    }
    return QJsonDocument::fromJson(p.readAllStandardOutput()).object();
}

// Like makeSpeechClip, but each inserted pause gets its own length (seconds), e.g.
// {0.6, 1.0, 2.5}; the JSON also lists the true speech interval of each phrase.
inline QJsonObject makeSpeechClipWithPauses(const QString& out, const QList<double>& pauseSeconds,
                                            int width = 1280, int height = 720,
                                            QString* error = nullptr)
{
    QStringList lens;
    for (double s : pauseSeconds)
        lens << QString::number(s);
    QProcess p;
    p.start(QStringLiteral("bash"),
            {testDataDir() + QStringLiteral("/make_speech_clip.sh"), out, QStringLiteral("1.5"),
             QString::number(pauseSeconds.size()), QString::number(width), QString::number(height),
             lens.join(QLatin1Char(','))});
    if (!p.waitForFinished(120000) || p.exitCode() != 0) {
        if (error)
            *error = QString::fromUtf8(p.readAllStandardError());
        return {};
    }
    return QJsonDocument::fromJson(p.readAllStandardOutput()).object();
}

// Runs ffmpeg with `args` (no shell); true on success.
inline bool runFfmpeg(const QStringList& args, QString* error = nullptr)
{
    QProcess p;
    p.start(QStringLiteral("ffmpeg"),
            QStringList{QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-y")} +
                args);
    // Generous: on a loaded 2-core machine (tests run two at a time) a 1080p x265 source
    // takes minutes; the wait only guards against a hang.
    if (!p.waitForFinished(280000)) {
        p.kill();
        p.waitForFinished(5000);
        if (error)
            *error = QStringLiteral("ffmpeg did not finish in 280 s");
        return false;
    }
    if (p.exitCode() != 0) {
        if (error)
            *error = QString::fromUtf8(p.readAllStandardError());
        return false;
    }
    return true;
}

// ffprobe -show_streams -show_format as JSON.
inline QJsonObject probe(const QString& file)
{
    QProcess p;
    p.start(QStringLiteral("ffprobe"),
            {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-print_format"),
             QStringLiteral("json"), QStringLiteral("-show_streams"),
             QStringLiteral("-show_format"), file});
    p.waitForFinished(60000);
    return QJsonDocument::fromJson(p.readAllStandardOutput()).object();
}

// PSNR (dB) of two equally sized 8-bit pictures (e.g. raw RGB frames); 0 when they differ in
// size or one is empty, 99 when identical.
inline double psnr(const QByteArray& a, const QByteArray& b)
{
    if (a.isEmpty() || a.size() != b.size())
        return 0;
    double sum = 0;
    for (int i = 0; i < a.size(); ++i) {
        const double d = double(uchar(a[i])) - double(uchar(b[i]));
        sum += d * d;
    }
    const double mse = sum / a.size();
    return mse <= 0 ? 99 : 10 * std::log10(255.0 * 255.0 / mse);
}

} // namespace cw::test
