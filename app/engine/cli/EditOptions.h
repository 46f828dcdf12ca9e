// The arguments of `clipwright-engine edit` and the jobs they describe. Parsing and the
// output naming rules are pure (no media is read), so they are checked before any work:
//   one input                -o FILE, or -o FOLDER (FOLDER/<stem>.<ext>), or no -o
//                            (<input folder>/<stem>-edited.<ext>)
//   several inputs           one output each into -o FOLDER (created) or beside each input
//   several inputs --join    one joined edit into -o FILE (or FOLDER/<first stem>-joined.<ext>)
// <ext> is the render format (mp4 by default; --format or -o's extension: mov, webm, gif, mp3,
// m4a, wav; RenderOutput.h), or the hand-off format of --export / of -o's extension.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace cw::engine::cli {

struct EditJob {
    QStringList inputs; // absolute paths, in command-line order
    QString output;     // absolute path of the file to write
};

struct EditOptions {
    QStringList inputs; // as given
    QString output;     // -o as given (may be empty)
    QStringList instructions;
    QString preset = QStringLiteral("1080p");
    bool presetGiven = false;
    QString format = QStringLiteral("mp4"); // what a render writes (outputFormats())
    bool formatGiven = false;
    qint64 maxBytes = 0;  // --max-size: compress under this many bytes (render/SizeTarget.h)
    int shortIndex = 0;   // --short N: render only short N of an edit with shorts (1-based)
    QString exportFormat; // "" (render) or a hand-off extension: fcpxml, edl, ...
    bool join = false;
    bool fast = false; // --fast: keep the source's codec (render/SmartCodec.h)
    bool json = false;
    bool quiet = false;
    bool keepData = false;
    QString dataDir;
    QList<EditJob> jobs; // filled by planJobs()

    QString instruction() const; // the --do values as one message
};

enum class ParseResult { Run, Help, Version, Error };

// arguments: program name first, then the edit options ("edit" already removed).
ParseResult parseEditArguments(const QStringList& arguments, EditOptions* options, QString* error);
// Decides each job's output path from the rules above; false with *error on a usage error.
bool planJobs(EditOptions* options, QString* error);

QString editHelpText();
QStringList handOffExtensions(); // fcpxml edl mlt otio srt vtt

} // namespace cw::engine::cli
