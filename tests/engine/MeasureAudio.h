// Small ffmpeg-based measurements for the render and music tests: RMS level of a time range
// (astats), integrated loudness (ebur128), raw decoded samples or grey frames for
// comparisons. Header-only; runs ffmpeg/ffprobe as child processes.
#pragma once

#include <QByteArray>
#include <QList>
#include <QProcess>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <cmath>
#include <limits>

namespace cw::test {

inline QByteArray ffmpegOutput(const QStringList& args, QByteArray* err = nullptr)
{
    QProcess p;
    p.start(QStringLiteral("ffmpeg"),
            QStringList{QStringLiteral("-hide_banner"), QStringLiteral("-nostdin")} + args);
    p.waitForFinished(120000);
    if (err)
        *err = p.readAllStandardError();
    return p.readAllStandardOutput();
}

inline double lastNumberAfter(const QByteArray& text, const QString& label)
{
    const QRegularExpression re(QRegularExpression::escape(label) +
                                QStringLiteral("\\s*(-?[0-9.]+|-inf)"));
    double value = std::numeric_limits<double>::quiet_NaN();
    auto it = re.globalMatch(QString::fromUtf8(text));
    while (it.hasNext()) {
        const QString v = it.next().captured(1);
        value = v == QLatin1String("-inf") ? -200.0 : v.toDouble();
    }
    return value;
}

// RMS level (dBFS) of [from, to) seconds after the optional filter chain `pre`.
inline double rmsDb(const QString& file, double from, double to, const QString& pre = {})
{
    QByteArray err;
    QString chain = QStringLiteral("atrim=start=%1:end=%2,").arg(from).arg(to);
    if (!pre.isEmpty())
        chain += pre + QLatin1Char(',');
    chain += QStringLiteral("astats=measure_perchannel=none");
    ffmpegOutput({QStringLiteral("-i"), file, QStringLiteral("-vn"), QStringLiteral("-af"), chain,
                  QStringLiteral("-f"), QStringLiteral("null"), QStringLiteral("-")},
                 &err);
    return lastNumberAfter(err, QStringLiteral("RMS level dB:"));
}

inline double integratedLufs(const QString& file)
{
    QByteArray err;
    ffmpegOutput({QStringLiteral("-i"), file, QStringLiteral("-vn"), QStringLiteral("-af"),
                  QStringLiteral("ebur128"), QStringLiteral("-f"), QStringLiteral("null"),
                  QStringLiteral("-")},
                 &err);
    const int summary = err.lastIndexOf("Integrated loudness:");
    return summary < 0 ? std::nan("") : lastNumberAfter(err.mid(summary), QStringLiteral("I:"));
}

inline QByteArray pcm(const QString& file, double seconds)
{
    return ffmpegOutput({QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-i"), file,
                         QStringLiteral("-t"), QString::number(seconds), QStringLiteral("-f"),
                         QStringLiteral("s16le"), QStringLiteral("-ac"), QStringLiteral("1"),
                         QStringLiteral("-ar"), QStringLiteral("8000"), QStringLiteral("-")});
}

// One frame at `at` seconds, cropped with `crop` (ffmpeg crop args), scaled to w x h grey.
inline QByteArray greyFrame(const QString& file, double at, const QString& crop, int w, int h)
{
    return ffmpegOutput({QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-ss"),
                         QString::number(at), QStringLiteral("-i"), file,
                         QStringLiteral("-frames:v"), QStringLiteral("1"), QStringLiteral("-vf"),
                         QStringLiteral("crop=%1,scale=%2:%3,format=gray").arg(crop).arg(w).arg(h),
                         QStringLiteral("-f"), QStringLiteral("rawvideo"), QStringLiteral("-")});
}

inline double meanAbsDiff(const QByteArray& a, const QByteArray& b)
{
    if (a.size() != b.size() || a.isEmpty())
        return -1;
    double sum = 0;
    for (int i = 0; i < a.size(); ++i)
        sum += std::abs(int(quint8(a[i])) - int(quint8(b[i])));
    return sum / a.size();
}

// Mean luma of every frame of `file`, read as 32x18 grey pictures (full range).
inline QList<double> frameLumas(const QString& file)
{
    const QByteArray raw =
        ffmpegOutput({QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-i"), file,
                      QStringLiteral("-vf"), QStringLiteral("scale=32:18,format=gray"),
                      QStringLiteral("-f"), QStringLiteral("rawvideo"), QStringLiteral("-")});
    QList<double> out;
    for (qsizetype at = 0; at + 576 <= raw.size(); at += 576) {
        double sum = 0;
        for (qsizetype i = at; i < at + 576; ++i)
            sum += quint8(raw[i]);
        out << sum / 576;
    }
    return out;
}

// RMS (linear, 0..1) of each 100 ms of the first 60 s of `file`'s sound.
inline QList<double> rmsEnvelope(const QString& file)
{
    const QByteArray samples = pcm(file, 60);
    QList<double> out;
    constexpr int window = 800; // 100 ms at 8 kHz
    for (qsizetype at = 0; at + window * 2 <= samples.size(); at += window * 2) {
        double sum = 0;
        for (int i = 0; i < window; ++i) {
            const double v =
                qint16(quint8(samples[at + 2 * i]) | (quint8(samples[at + 2 * i + 1]) << 8)) /
                32768.0;
            sum += v * v;
        }
        out << std::sqrt(sum / window);
    }
    return out;
}

} // namespace cw::test
