// See EditOptions.h. The help text carries the exit-code table; the man page
// (packaging/linux/clipwright-engine.1) repeats it, so change both together.
#include "cli/EditOptions.h"

#include "render/RenderOutput.h"
#include "render/SizeTarget.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSet>

namespace cw::engine::cli {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("cw::engine::cli", text);
}

const QStringList& presetNames()
{
    static const QStringList names = {QStringLiteral("1080p"), QStringLiteral("vertical-1080"),
                                      QStringLiteral("square-1080"), QStringLiteral("720p"),
                                      QStringLiteral("4k")};
    return names;
}

bool samePath(const QString& a, const QString& b)
{
    const QFileInfo fa(a);
    const QFileInfo fb(b);
    if (fa.exists() && fb.exists())
        return fa.canonicalFilePath() == fb.canonicalFilePath();
    return QDir::cleanPath(fa.absoluteFilePath()) == QDir::cleanPath(fb.absoluteFilePath());
}

bool looksLikeFolder(const QString& path)
{
    return path.endsWith(QLatin1Char('/')) || QFileInfo(path).isDir();
}

QString stemOf(const QString& path)
{
    return QFileInfo(path).completeBaseName();
}

// A name not used yet in this call (two inputs "a/clip.mp4" and "b/clip.mp4" into one folder).
QString uniqueIn(const QString& folder, const QString& stem, const QString& ext,
                 QSet<QString>* taken)
{
    QString path = QDir(folder).absoluteFilePath(stem + QLatin1Char('.') + ext);
    for (int n = 2; taken->contains(path); ++n)
        path = QDir(folder).absoluteFilePath(QStringLiteral("%1-%2.%3").arg(stem).arg(n).arg(ext));
    taken->insert(path);
    return path;
}

} // namespace

QStringList handOffExtensions()
{
    return {QStringLiteral("fcpxml"), QStringLiteral("edl"), QStringLiteral("mlt"),
            QStringLiteral("otio"),   QStringLiteral("srt"), QStringLiteral("vtt")};
}

QString EditOptions::instruction() const
{
    QStringList parts;
    for (const QString& i : instructions)
        if (!i.trimmed().isEmpty())
            parts << i.trimmed();
    return parts.join(QLatin1Char('\n'));
}

QString editHelpText()
{
    return tr(
        "Usage: clipwright-engine edit INPUT... --do TEXT [-o OUT] [options]\n"
        "\n"
        "Edits video files without the app: the same agent plans the instruction and the same\n"
        "renderer writes the result (H.264/AAC MP4 by default) or a hand-off file for another\n"
        "editor.\n"
        "\n"
        "Options:\n"
        "  --do TEXT          what to do, as you would type it in the chat (English or\n"
        "                     Chinese), e.g. \"cut the pauses, add background music\".\n"
        "                     Repeat it or join requests with commas; applied in order.\n"
        "  -o, --output PATH  the output file; with several inputs a folder (created if\n"
        "                     needed). Default: <input>-edited.mp4 beside each input.\n"
        "                     Its extension picks the format (see --format).\n"
        "                     An existing output is replaced only when the edit succeeds.\n"
        "  --format FORMAT    what to write: mp4 (default; H.264/AAC), mov (H.264/AAC),\n"
        "                     webm (VP9/Opus), gif (480 px, 12 fps, loops; at most 60 s),\n"
        "                     or only the sound: mp3, m4a (AAC) or wav.\n"
        "  --preset NAME      1080p (default; follows the edit's own aspect ratio),\n"
        "                     vertical-1080, square-1080, 720p or 4k.\n"
        "  --max-size SIZE    compress the video under SIZE (mp4 or mov): a size such as\n"
        "                     50MB, 800k or 1.5GB, or whatsapp, email, discord,\n"
        "                     telegram. The sound is chosen first, then the picture's\n"
        "                     bitrate and size (two passes); too small a size is refused.\n"
        "  --fast             keep the source's codec (mp4): an HEVC source stays HEVC,\n"
        "                     only the frames around cuts are re-encoded, the rest is\n"
        "                     copied. Where it cannot (another size, frame rate, effects)\n"
        "                     the normal H.264 export is made.\n"
        "  --short N          with an instruction that makes shorts (\"make 3 shorts of 30\n"
        "                     seconds\"): write only short N to the output. Without it\n"
        "                     every short is written, OUT-1.mp4, OUT-2.mp4, ...\n"
        "  --join             edit all inputs as one timeline, in order, into one output\n"
        "                     (default: one output per input).\n"
        "  --export FORMAT    write a hand-off file instead of rendering: fcpxml, edl, mlt,\n"
        "                     otio, srt or vtt (also chosen by the output's extension).\n"
        "                     Generated media (music, intros) are copied beside it.\n"
        "  --json             print newline-delimited JSON events on stdout: start, input,\n"
        "                     operation, progress, warning, result, error.\n"
        "  -q, --quiet        print nothing but errors.\n"
        "  --data-dir DIR     keep the engine's work (database, media links, generated\n"
        "                     media) in DIR instead of a temporary folder.\n"
        "  --keep-data        do not delete the temporary work folder; print where it is.\n"
        "  -h, --help         show this help.\n"
        "  -v, --version      show the version.\n"
        "\n"
        "Exit codes:\n"
        "  0    every output was written\n"
        "  1    internal error (the work folder or its database cannot be created)\n"
        "  2    usage error (unknown option or preset, no --do, no input, bad -o)\n"
        "  3    an input is missing, unreadable, empty, or not video/audio/image\n"
        "  4    the instruction was not understood, or no operation could be applied\n"
        "  5    the render (ffmpeg) or the hand-off export failed\n"
        "  6    the output file or folder cannot be written\n"
        "  130  interrupted (SIGINT/SIGTERM); no partial output is left behind\n"
        "\n"
        "Errors are printed as \"clipwright-engine: FILE: reason\" (with --json also as an\n"
        "error event carrying the exit code). Outputs are written to OUT.part and renamed\n"
        "when complete. With several inputs the first failure stops the run; outputs\n"
        "already written stay. Environment: CLIPWRIGHT_FFMPEG (the ffmpeg program),\n"
        "CLIPWRIGHT_X264_PRESET (encoder speed, e.g. ultrafast).\n"
        "\n"
        "Examples:\n"
        "  clipwright-engine edit talk.mp4 --do \"cut the pauses\" -o talk-cut.mp4\n"
        "  clipwright-engine edit a.mp4 b.mp4 --do \"add calm background music\" -o out/\n"
        "  clipwright-engine edit a.mp4 b.mp4 --join --do \"add crossfades\" -o both.mp4\n"
        "  clipwright-engine edit talk.mp4 --do \"make it vertical\" --preset vertical-1080\n"
        "  clipwright-engine edit talk.mp4 --do \"cut the pauses\" -o talk.fcpxml\n"
        "  clipwright-engine edit memo.m4a --do \"cut the pauses\" -o memo.mp3\n"
        "  clipwright-engine edit talk.mp4 --do \"make 3 vertical shorts of 30 seconds\" -o "
        "s.mp4\n");
}

ParseResult parseEditArguments(const QStringList& arguments, EditOptions* o, QString* error)
{
    QCommandLineParser parser;
    const QCommandLineOption outOpt({QStringLiteral("o"), QStringLiteral("output")}, QString(),
                                    QStringLiteral("path"));
    const QCommandLineOption doOpt(QStringLiteral("do"), QString(), QStringLiteral("text"));
    const QCommandLineOption presetOpt(QStringLiteral("preset"), QString(), QStringLiteral("name"));
    const QCommandLineOption exportOpt(QStringLiteral("export"), QString(),
                                       QStringLiteral("format"));
    const QCommandLineOption formatOpt(QStringLiteral("format"), QString(),
                                       QStringLiteral("format"));
    const QCommandLineOption maxSizeOpt(QStringLiteral("max-size"), QString(),
                                        QStringLiteral("size"));
    const QCommandLineOption shortOpt(QStringLiteral("short"), QString(), QStringLiteral("n"));
    const QCommandLineOption dataOpt(QStringLiteral("data-dir"), QString(), QStringLiteral("dir"));
    const QCommandLineOption joinOpt(QStringLiteral("join"));
    const QCommandLineOption fastOpt(QStringLiteral("fast"));
    const QCommandLineOption jsonOpt(QStringLiteral("json"));
    const QCommandLineOption quietOpt(QStringList{QStringLiteral("q"), QStringLiteral("quiet")});
    const QCommandLineOption keepOpt(QStringLiteral("keep-data"));
    const QCommandLineOption helpOpt(QStringList{QStringLiteral("h"), QStringLiteral("help")});
    const QCommandLineOption versionOpt(
        QStringList{QStringLiteral("v"), QStringLiteral("version")});
    parser.addOptions({outOpt, doOpt, presetOpt, exportOpt, formatOpt, maxSizeOpt, dataOpt, joinOpt,
                       fastOpt, shortOpt, jsonOpt, quietOpt, keepOpt, helpOpt, versionOpt});
    if (!parser.parse(arguments)) {
        *error = parser.errorText();
        return ParseResult::Error;
    }
    if (parser.isSet(helpOpt))
        return ParseResult::Help;
    if (parser.isSet(versionOpt))
        return ParseResult::Version;

    o->inputs = parser.positionalArguments();
    o->instructions = parser.values(doOpt);
    o->join = parser.isSet(joinOpt);
    o->fast = parser.isSet(fastOpt);
    o->json = parser.isSet(jsonOpt);
    o->quiet = parser.isSet(quietOpt);
    o->keepData = parser.isSet(keepOpt);
    o->dataDir = parser.value(dataOpt);
    if (parser.values(outOpt).size() > 1) {
        *error = tr("-o/--output is given more than once.");
        return ParseResult::Error;
    }
    o->output = parser.value(outOpt);
    if (parser.isSet(presetOpt)) {
        o->preset = parser.value(presetOpt);
        o->presetGiven = true;
        if (!presetNames().contains(o->preset)) {
            *error = tr("unknown preset '%1'; use one of: %2.")
                         .arg(o->preset.left(40), presetNames().join(QStringLiteral(", ")));
            return ParseResult::Error;
        }
    }
    if (parser.isSet(formatOpt)) {
        QString format = parser.value(formatOpt).toLower();
        if (format.startsWith(QLatin1Char('.')))
            format.remove(0, 1);
        if (!isOutputFormat(format)) {
            *error = tr("unknown format '%1'; use one of: %2.")
                         .arg(parser.value(formatOpt).left(40),
                              outputFormats().join(QStringLiteral(", ")));
            return ParseResult::Error;
        }
        o->format = format;
        o->formatGiven = true;
    }
    if (parser.isSet(maxSizeOpt)) {
        const QString size = parser.value(maxSizeOpt);
        o->maxBytes = namedSizeLimit(size);
        if (o->maxBytes <= 0)
            o->maxBytes = parseByteSize(size);
        if (o->maxBytes <= 0) {
            *error = tr("--max-size '%1' is not a size; use e.g. 50MB, 800k, or one of: %2.")
                         .arg(size.left(40), namedSizeLimits().join(QStringLiteral(", ")));
            return ParseResult::Error;
        }
    }
    if (parser.isSet(shortOpt)) {
        bool ok = false;
        o->shortIndex = parser.value(shortOpt).toInt(&ok);
        if (!ok || o->shortIndex < 1) {
            *error = tr("--short '%1' is not a short's number; use 1 for the first.")
                         .arg(parser.value(shortOpt).left(40));
            return ParseResult::Error;
        }
    }
    if (parser.isSet(exportOpt) && o->formatGiven) {
        *error = tr("--format renders and --export writes a hand-off file; give only one.");
        return ParseResult::Error;
    }
    if (parser.isSet(exportOpt)) {
        QString format = parser.value(exportOpt).toLower();
        if (format.startsWith(QLatin1Char('.')))
            format.remove(0, 1);
        if (!handOffExtensions().contains(format)) {
            *error = tr("unknown export format '%1'; use one of: %2.")
                         .arg(parser.value(exportOpt).left(40),
                              handOffExtensions().join(QStringLiteral(", ")));
            return ParseResult::Error;
        }
        o->exportFormat = format;
    }
    if (o->inputs.isEmpty()) {
        *error = tr("no input files; give one or more videos to edit.");
        return ParseResult::Error;
    }
    if (o->instruction().isEmpty()) {
        *error = tr("nothing to do: say what to do with --do, e.g. --do \"cut the pauses\".");
        return ParseResult::Error;
    }
    return ParseResult::Run;
}

bool planJobs(EditOptions* o, QString* error)
{
    o->jobs.clear();
    const bool several = o->inputs.size() > 1 && !o->join;
    const bool toFolder = !o->output.isEmpty() && looksLikeFolder(o->output);
    if (!o->output.isEmpty() && !toFolder) {
        const QString suffix = QFileInfo(o->output).suffix().toLower();
        if (several) {
            *error = tr("%1 inputs are edited separately, so -o must be a folder (end it with "
                        "'/'), or use --join for one joined edit.")
                         .arg(o->inputs.size());
            return false;
        }
        const bool handOff = handOffExtensions().contains(suffix);
        if (!isOutputFormat(suffix) && !handOff) {
            *error = tr("%1: unsupported output type; use .%2 or a hand-off format (%3).")
                         .arg(o->output, outputFormats().join(QStringLiteral(", .")),
                              handOffExtensions().join(QStringLiteral(", ")));
            return false;
        }
        if (o->formatGiven && suffix != o->format) {
            *error = tr("%1 does not end in .%2 as --format %2 asks.").arg(o->output, o->format);
            return false;
        }
        if (!handOff && o->exportFormat.isEmpty())
            o->format = suffix;
        if (!o->exportFormat.isEmpty() && suffix != o->exportFormat) {
            *error =
                tr("%1 does not end in .%2 as --export %2 asks.").arg(o->output, o->exportFormat);
            return false;
        }
        if (handOff)
            o->exportFormat = suffix;
    }
    const QString ext = o->exportFormat.isEmpty() ? o->format : o->exportFormat;

    QStringList inputs;
    for (const QString& in : std::as_const(o->inputs))
        inputs << QFileInfo(in).absoluteFilePath();
    QSet<QString> taken;
    auto outputFor = [&](const QString& input, const QString& suffix) {
        if (toFolder)
            return uniqueIn(o->output, stemOf(input) + suffix, ext, &taken);
        if (!o->output.isEmpty())
            return QFileInfo(o->output).absoluteFilePath();
        return uniqueIn(QFileInfo(input).absolutePath(), stemOf(input) + suffix, ext, &taken);
    };
    if (o->join || inputs.size() == 1) {
        const QString suffix =
            toFolder ? (o->join && inputs.size() > 1 ? QStringLiteral("-joined") : QString())
                     : (o->join && inputs.size() > 1 ? QStringLiteral("-joined")
                                                     : QStringLiteral("-edited"));
        o->jobs << EditJob{inputs, outputFor(inputs.first(), suffix)};
    } else {
        for (const QString& in : std::as_const(inputs))
            o->jobs << EditJob{{in},
                               outputFor(in, toFolder ? QString() : QStringLiteral("-edited"))};
    }
    for (const EditJob& job : std::as_const(o->jobs)) {
        for (const QString& in : job.inputs) {
            if (samePath(in, job.output)) {
                *error = tr("%1 is both an input and the output; choose another output name.")
                             .arg(job.output);
                return false;
            }
        }
    }
    return true;
}

} // namespace cw::engine::cli
