// The plain-ffmpeg side of the source rows (BenchSourceRows.cpp): what a person would type to
// export the kept ranges of a clip at the export's settings, written out here rather than
// taken from the engine so the baselines stay independent of the code they measure.
//   "ranges": one input per kept range (-ss in -t d -i file: only those ranges are decoded,
//             plus the lead-in from the keyframe before each), concat;
//   "select": one input decoded whole, the kept frames chosen by select/aselect.
// Both encode with the export preset's x264/AAC settings and BT.709 tags at the project rate.
#include "BenchSourceRows.h"

#include <QJsonArray>

namespace cw::bench {

namespace {

QString s3(double ms)
{
    return QString::number(ms / 1000.0, 'f', 3);
}

// HLG/PQ -> BT.709 as the tone-map rows write it; scale first, so the float stages run at
// the output's size (also what the engine does).
QString pictureChain(const SourceCut& cut, int width, int height)
{
    QString c = QStringLiteral("fps=%1,scale=%2:%3,setsar=1,").arg(cut.rate).arg(width).arg(height);
    if (!cut.hdrTransfer.isEmpty())
        c += QStringLiteral("zscale=tin=%1:pin=bt2020:min=bt2020nc:t=linear:npl=203,"
                            "format=gbrpf32le,zscale=p=bt709,tonemap=mobius:desat=0,"
                            "zscale=t=bt709:m=bt709:r=tv,")
                 .arg(cut.hdrTransfer);
    return c + QStringLiteral("format=yuv420p");
}

QStringList outputArgs(const SourceCut& cut, const QString& x264, const QString& output)
{
    return QStringList{QStringLiteral("-map"), QStringLiteral("[v]"), QStringLiteral("-map"),
                       QStringLiteral("[a]")} +
           exportVideoArgs(x264) +
           QStringList{QStringLiteral("-colorspace"),
                       QStringLiteral("bt709"),
                       QStringLiteral("-color_primaries"),
                       QStringLiteral("bt709"),
                       QStringLiteral("-color_trc"),
                       QStringLiteral("bt709"),
                       QStringLiteral("-r"),
                       cut.rate} +
           exportAudioArgs() +
           QStringList{QStringLiteral("-movflags"), QStringLiteral("+faststart"), output};
}

QStringList head()
{
    return {QStringLiteral("-hide_banner"), QStringLiteral("-nostdin"), QStringLiteral("-v"),
            QStringLiteral("error"), QStringLiteral("-y")};
}

} // namespace

SourceCut sourceCut(const QJsonObject& draft, const QString& file, const QString& hdrTransfer)
{
    SourceCut cut;
    cut.file = file;
    cut.hdrTransfer = hdrTransfer;
    const double fps =
        draft.value(QStringLiteral("m")).toObject().value(QStringLiteral("fps")).toDouble(30);
    cut.rate = std::abs(fps - 29.97) < 0.01    ? QStringLiteral("30000/1001")
               : std::abs(fps - 23.976) < 0.01 ? QStringLiteral("24000/1001")
                                               : QString::number(qRound(fps));
    for (const QJsonValue& tv : draft.value(QStringLiteral("t")).toArray()) {
        const QJsonObject t = tv.toObject();
        if (t.value(QStringLiteral("tt")).toInt() != 0 || !cut.keep.isEmpty())
            continue;
        for (const QJsonValue& sv : t.value(QStringLiteral("sg")).toArray()) {
            const QJsonObject s = sv.toObject();
            cut.keep << QPair<qint64, qint64>(s.value(QStringLiteral("in")).toInteger(),
                                              s.value(QStringLiteral("d")).toInteger());
            cut.keptMs += cut.keep.last().second;
        }
    }
    return cut;
}

QStringList rangesCommand(const SourceCut& cut, int width, int height, const QString& x264,
                          const QString& output)
{
    QStringList inputs;
    QStringList chains;
    QString joined;
    for (int k = 0; k < cut.keep.size(); ++k) {
        inputs << QStringLiteral("-ss") << s3(double(cut.keep[k].first)) << QStringLiteral("-t")
               << s3(double(cut.keep[k].second)) << QStringLiteral("-i") << cut.file;
        // Frames counted from the cut (round down) and the range's exact length: the frames
        // a careful person keeps, so the PSNR below compares the same frames.
        chains << QStringLiteral("[%1:v]%2,trim=duration=%3[v%1]")
                      .arg(k)
                      .arg(pictureChain(cut, width, height)
                               .replace(QStringLiteral("fps=") + cut.rate + QLatin1Char(','),
                                        QStringLiteral("fps=") + cut.rate +
                                            QStringLiteral(":start_time=0:round=down,")),
                           s3(double(cut.keep[k].second)))
               << QStringLiteral("[%1:a]aresample=48000[a%1]").arg(k);
        joined += QStringLiteral("[v%1][a%1]").arg(k);
    }
    chains << joined + QStringLiteral("concat=n=%1:v=1:a=1[v][a]").arg(cut.keep.size());
    return head() + inputs +
           QStringList{QStringLiteral("-filter_complex"), chains.join(QLatin1Char(';'))} +
           outputArgs(cut, x264, output);
}

QStringList selectCommand(const SourceCut& cut, int width, int height, const QString& x264,
                          const QString& output)
{
    QStringList keep;
    for (const auto& [in, d] : cut.keep)
        keep << QStringLiteral("between(t,%1,%2)").arg(s3(double(in)), s3(double(in + d)));
    const QString sel = keep.join(QLatin1Char('+'));
    // fps first (a variable or a doubled rate becomes the project's), then the kept frames
    // renumbered at that rate.
    const QString chains =
        QStringLiteral("[0:v]fps=%1,select='%2',setpts=N/(%1)/TB,%3[v];"
                       "[0:a]aselect='%2',asetpts=N/SR/TB,aresample=48000[a]")
            .arg(cut.rate, sel, pictureChain(cut, width, height).section(QLatin1Char(','), 1));
    return head() +
           QStringList{QStringLiteral("-i"), cut.file, QStringLiteral("-filter_complex"), chains} +
           outputArgs(cut, x264, output);
}

} // namespace cw::bench
