// See MainWindow.h. This part holds File > Export for other editors (FCPXML, EDL, MLT, OTIO,
// SRT, WebVTT through EditorSession::exportInterchange) and the overwrite question every
// export path asks: no export replaces an existing file without the user saying so. The
// save-file hook (tests) stands in for the file dialog; a real QFileDialog asks about
// replacing itself, so the question is only repeated for hook-chosen or changed names.
#include "MainWindow.h"

#include "ChatPanel.h"
#include "EditorSession.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QStatusBar>

namespace cw {

namespace {

struct InterchangeFormat {
    const char* id;
    const char* extension;
    const char* label;
};

const InterchangeFormat kFormats[] = {
    {"fcpxml", "fcpxml", QT_TRANSLATE_NOOP("cw::MainWindow", "Final Cut Pro XML (.fcpxml)…")},
    {"edl", "edl", QT_TRANSLATE_NOOP("cw::MainWindow", "CMX 3600 EDL (.edl)…")},
    {"mlt", "mlt", QT_TRANSLATE_NOOP("cw::MainWindow", "Shotcut / Kdenlive MLT (.mlt)…")},
    {"otio", "otio", QT_TRANSLATE_NOOP("cw::MainWindow", "OpenTimelineIO (.otio)…")},
    {"srt", "srt", QT_TRANSLATE_NOOP("cw::MainWindow", "SubRip subtitles (.srt)…")},
    {"vtt", "vtt", QT_TRANSLATE_NOOP("cw::MainWindow", "WebVTT subtitles (.vtt)…")},
};

const InterchangeFormat* findFormat(const QString& id)
{
    for (const InterchangeFormat& f : kFormats)
        if (id == QLatin1String(f.id))
            return &f;
    return nullptr;
}

} // namespace

void MainWindow::createInterchangeMenu(QMenu* file)
{
    QMenu* menu = file->addMenu(tr("Export for &other editors"));
    menu->setObjectName(QStringLiteral("interchangeMenu"));
    for (const InterchangeFormat& f : kFormats) {
        auto* action = new QAction(tr(f.label), menu);
        action->setObjectName(QStringLiteral("interchange-") + QLatin1String(f.id));
        const QString id = QLatin1String(f.id);
        connect(action, &QAction::triggered, this, [this, id] { exportInterchange(id); });
        menu->addAction(action);
    }
    // Same rule as the video export: something must be on the timeline.
    connect(menu, &QMenu::aboutToShow, this, [this, menu] {
        const bool ready = m_session && m_session->draft().isExportable();
        for (QAction* action : menu->actions())
            action->setEnabled(ready);
    });
}

bool MainWindow::confirmOverwrite(const QString& path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return true;
    if (info.isDir()) {
        showError(tr("%1 is a folder; choose a file name.").arg(QDir::toNativeSeparators(path)));
        return false;
    }
    if (m_confirmHook)
        return m_confirmHook(this, path);
    return QMessageBox::question(
               this, tr("Replace file?"),
               tr("%1 already exists. Replace it?").arg(QDir::toNativeSeparators(path)),
               QMessageBox::Yes | QMessageBox::No, QMessageBox::No) == QMessageBox::Yes;
}

void MainWindow::exportInterchange(const QString& format)
{
    const InterchangeFormat* f = findFormat(format);
    if (!f || !m_session)
        return;
    if (!m_session->draft().isExportable()) {
        showError(tr("Nothing to export yet: add a clip first."));
        return;
    }
    const QString extension = QLatin1String(f->extension);
    const QFileInfo video(suggestedExportPath(m_session->draft(), m_session->media()));
    const QString suggested =
        video.dir().filePath(video.completeBaseName() + QLatin1Char('.') + extension);
    QString path;
    bool asked = false;
    if (m_saveFileHook) {
        path = m_saveFileHook(this, suggested);
    } else {
        path =
            QFileDialog::getSaveFileName(this, tr("Export for other editors"), suggested,
                                         tr("%1 files (*.%2)").arg(extension.toUpper(), extension));
        asked = true; // the file dialog has asked about replacing
    }
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().compare(extension, Qt::CaseInsensitive) != 0) {
        path += QLatin1Char('.') + extension;
        asked = false;
    }
    if (!asked && !confirmOverwrite(path))
        return;
    QString error;
    if (!m_session->exportInterchange(format, path, &error)) {
        showError(tr("Could not export for other editors: %1")
                      .arg(error.isEmpty() ? tr("unknown error") : error));
        return;
    }
    const QString shown = QDir::toNativeSeparators(path);
    statusBar()->showMessage(tr("Saved %1").arg(shown), 8000);
    m_actionLink = QUrl::fromLocalFile(QFileInfo(path).absolutePath());
    m_chat->addNoticeWithActions(tr("Saved for other editors: %1").arg(shown),
                                 {{QStringLiteral("folder"), tr("Show in folder")}});
}

} // namespace cw
