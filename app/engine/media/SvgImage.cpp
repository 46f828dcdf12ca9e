// Sniffing and drawing an SVG (SvgImage.h). FFmpeg draws the cleaned copy from a file the
// engine names, under a time and memory limit (a few nested <use> can ask librsvg for
// billions of shapes), and the PNG it writes is checked before anyone uses it.
#include "media/SvgImage.h"

#include "render/FfmpegRunner.h"

#include <QFile>
#include <QProcess>
#include <QtEndian>
#include <cctype>
#include <cmath>
#include <csignal>
#include <sys/prctl.h>
#include <sys/resource.h>

namespace cw::engine {

namespace {

constexpr int kLongSide = 1920;
constexpr int kTimeoutMs = 30000;
constexpr rlim_t kMemoryBytes = rlim_t(2) << 30;

bool isNameChar(char c)
{
    return c != '>' && c != '/' && !std::isspace(uchar(c));
}

// The PNG's width, height and colour type from its IHDR; false when it is not a PNG.
bool pngHeader(const QString& path, quint32* w, quint32* h, int* colourType)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QByteArray head = f.read(26);
    if (head.size() < 26 || !head.startsWith("\x89PNG\r\n\x1a\n") || head.mid(12, 4) != "IHDR")
        return false;
    *w = qFromBigEndian<quint32>(head.constData() + 16);
    *h = qFromBigEndian<quint32>(head.constData() + 20);
    *colourType = quint8(head.at(25));
    return true;
}

} // namespace

// An element decides; a prolog that runs off the head, a DOCTYPE with declarations (entities
// hide "]>" well) or text after the prolog sends the file to the cleaner, which refuses what
// is not a clean SVG. Only a file that does not start as XML is surely not one.
bool looksLikeSvg(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QByteArray head = f.read(16384);
    qsizetype i = head.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    bool prolog = false;
    while (i < head.size()) {
        const char c = head.at(i);
        if (std::isspace(uchar(c))) {
            ++i;
            continue;
        }
        if (c != '<')
            return prolog;
        qsizetype end = -1;
        if (head.mid(i, 2) == "<?") {
            end = head.indexOf("?>", i);
        } else if (head.mid(i, 4) == "<!--") {
            end = head.indexOf("-->", i);
        } else if (head.mid(i, 9).toUpper() == "<!DOCTYPE") {
            end = head.indexOf('>', i);
            const qsizetype subset = head.indexOf('[', i);
            if (subset >= 0 && (end < 0 || subset < end))
                return true;
        } else {
            qsizetype n = i + 1;
            while (n < head.size() && isNameChar(head.at(n)))
                ++n;
            const QByteArray name = head.mid(i + 1, n - i - 1);
            return name.mid(name.lastIndexOf(':') + 1) == "svg";
        }
        if (end < 0)
            return true;
        i = head.indexOf('>', end) + 1;
        prolog = true;
    }
    return false;
}

bool rasterizeSvg(const QString& in, const QString& out, QString* why, QStringList* externalRefs)
{
    QFile source(in);
    if (!source.open(QIODevice::ReadOnly)) {
        *why = QStringLiteral("cannot be read");
        return false;
    }
    const SvgCleanResult clean = cleanSvg(source.read(kSvgMaxBytes + 1), kLongSide);
    if (!clean.ok) {
        *why = clean.error;
        return false;
    }
    if (externalRefs)
        *externalRefs = clean.externalRefs;
    const QString cleanPath = out + QStringLiteral(".clean.svg");
    QFile cleanFile(cleanPath);
    if (!cleanFile.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        cleanFile.write(clean.svg) != clean.svg.size() || !cleanFile.flush()) {
        QFile::remove(cleanPath);
        *why = QStringLiteral("cannot be prepared (the engine's disk may be full)");
        return false;
    }
    cleanFile.close();

    QProcess ffmpeg;
    ffmpeg.setStandardInputFile(QProcess::nullDevice());
    ffmpeg.setChildProcessModifier([] {
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        const rlimit memory{kMemoryBytes, kMemoryBytes};
        ::setrlimit(RLIMIT_AS, &memory);
    });
    ffmpeg.start(ffmpegProgram(), {"-hide_banner",
                                   "-nostdin",
                                   "-v",
                                   "error",
                                   "-y",
                                   "-f",
                                   "svg_pipe",
                                   "-i",
                                   QStringLiteral("file:") + cleanPath,
                                   "-frames:v",
                                   "1",
                                   "-c:v",
                                   "png",
                                   "-pix_fmt",
                                   "rgba",
                                   "-update",
                                   "1",
                                   "-f",
                                   "image2",
                                   QStringLiteral("file:") + out});
    const bool finished = ffmpeg.waitForStarted(10000) && ffmpeg.waitForFinished(kTimeoutMs);
    if (!finished) {
        ffmpeg.kill();
        ffmpeg.waitForFinished(5000);
    }
    QFile::remove(cleanPath);
    const double scale = kLongSide / std::max(clean.width, clean.height);
    const quint32 wantW = quint32(std::max(1L, std::lround(clean.width * scale)));
    const quint32 wantH = quint32(std::max(1L, std::lround(clean.height * scale)));
    quint32 w = 0;
    quint32 h = 0;
    int colourType = 0;
    if (!finished || ffmpeg.exitStatus() != QProcess::NormalExit || ffmpeg.exitCode() != 0 ||
        !pngHeader(out, &w, &h, &colourType) || w != wantW || h != wantH || colourType != 6) {
        *why =
            !finished
                ? QStringLiteral("took longer than %1 s to draw").arg(kTimeoutMs / 1000)
                : QStringLiteral("could not be drawn: %1")
                      .arg(QString::fromUtf8(ffmpeg.readAllStandardError()).simplified().left(200));
        QFile::remove(out);
        return false;
    }
    return true;
}

} // namespace cw::engine
