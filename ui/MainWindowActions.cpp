// See MainWindow.h. This part holds the menus, the toolbar and the user's direct commands:
// add media (file dialog or hook), undo/redo (sent as chat messages, the engine keeps every
// draft version) and the export workflow.
#include "MainWindow.h"

#include "ChatPanel.h"
#include "EditorSession.h"
#include "ExportBar.h"
#include "ExportDialog.h"
#include "ExportSettings.h"
#include "Icons.h"
#include "MediaBin.h"
#include "MediaTypes.h"
#include "SettingsDialog.h"
#include "ShortcutsDialog.h"
#include "Shorts.h"
#include "TimelineView.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QJsonObject>
#include <QMenuBar>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QStatusBar>
#include <QToolBar>
#include <QToolButton>

namespace cw {

void MainWindow::createActions()
{
    m_addAction = new QAction(icon(QStringLiteral("add")), tr("&Add media…"), this);
    m_addAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_O));
    m_addAction->setToolTip(tr("Add video, audio or image files"));
    connect(m_addAction, &QAction::triggered, this, &MainWindow::addMedia);

    m_exportAction = new QAction(icon(QStringLiteral("export")), tr("&Export…"), this);
    m_exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_exportAction->setToolTip(tr("Export the edit as an MP4 video (Ctrl+E)"));
    connect(m_exportAction, &QAction::triggered, this, &MainWindow::startExport);

    m_undoAction = new QAction(icon(QStringLiteral("undo")), tr("&Undo"), this);
    m_undoAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Z));
    m_undoAction->setToolTip(tr("Undo the last edit (Ctrl+Z)"));
    connect(m_undoAction, &QAction::triggered, this,
            [this] { sendMessage(QStringLiteral("undo")); });

    m_redoAction = new QAction(icon(QStringLiteral("redo")), tr("&Redo"), this);
    m_redoAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z));
    m_redoAction->setToolTip(tr("Redo the edit you undid (Ctrl+Shift+Z)"));
    connect(m_redoAction, &QAction::triggered, this,
            [this] { sendMessage(QStringLiteral("redo")); });

    m_settingsAction = new QAction(tr("&Settings…"), this);
    m_settingsAction->setObjectName(QStringLiteral("settingsAction"));
    m_settingsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    m_settingsAction->setMenuRole(QAction::PreferencesRole);
    connect(m_settingsAction, &QAction::triggered, this, &MainWindow::openSettings);

    auto* quit = new QAction(tr("&Quit"), this);
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    auto* fit = new QAction(tr("Zoom Timeline to &Fit"), this);
    fit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    connect(fit, &QAction::triggered, m_timeline, &TimelineView::zoomToFit);

    m_showChatAction = new QAction(tr("Show &chat"), this);
    m_showChatAction->setObjectName(QStringLiteral("showChatAction"));
    m_showChatAction->setCheckable(true);
    m_showChatAction->setChecked(true);
    m_showChatAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    m_showChatAction->setToolTip(tr("Show or hide the chat panel (Ctrl+Shift+C)"));
    connect(m_showChatAction, &QAction::triggered, this, &MainWindow::setChatShown);

    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_addAction);
    file->addAction(m_exportAction);
    createInterchangeMenu(file);
    file->addSeparator();
    file->addAction(quit);
    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_undoAction);
    edit->addAction(m_redoAction);
    edit->addSeparator();
    edit->addAction(m_settingsAction);
    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_showChatAction);
    view->addAction(fit);
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    auto* keys = new QAction(tr("&Keyboard shortcuts"), this);
    keys->setObjectName(QStringLiteral("shortcutsAction"));
    keys->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Slash));
    connect(keys, &QAction::triggered, this, [this, quit, fit, keys] {
        if (findChild<ShortcutsDialog*>())
            return;
        auto* dialog = new ShortcutsDialog({m_addAction, m_exportAction, m_undoAction, m_redoAction,
                                            m_settingsAction, m_showChatAction, fit, keys, quit},
                                           this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    help->addAction(keys);

    QToolBar* bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(m_undoAction);
    bar->addAction(m_redoAction);
    auto* spacer = new QWidget(bar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);
    auto* exportButton = new QToolButton(bar);
    exportButton->setObjectName(QStringLiteral("exportButton"));
    exportButton->setDefaultAction(m_exportAction);
    exportButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    exportButton->setAccessibleName(tr("Export"));
    bar->addWidget(exportButton);

    connect(m_mediaBin, &MediaBin::addMediaRequested, this, &MainWindow::addMedia);
    connect(m_chat, &ChatPanel::messageSubmitted, this, &MainWindow::sendMessage);
}

void MainWindow::updateActions()
{
    const bool exportable = m_session && m_session->draft().isExportable();
    m_exportAction->setEnabled(exportable && !m_exporting);
}

void MainWindow::addMedia()
{
    QStringList paths;
    if (m_openFilesHook) {
        paths = m_openFilesHook(this);
    } else {
        QStringList patterns;
        for (const QString& ext : acceptedExtensions())
            patterns << QStringLiteral("*.") + ext;
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::MoviesLocation);
        paths = QFileDialog::getOpenFileNames(
            this, tr("Add media"), dir,
            tr("Media files (%1);;All files (*)").arg(patterns.join(QLatin1Char(' '))));
    }
    if (!paths.isEmpty())
        m_mediaBin->offerPaths(paths);
}

void MainWindow::sendMessage(const QString& text)
{
    m_chat->addUserMessage(text);
    if (!m_session) {
        showError(tr("Not connected to a backend."));
        return;
    }
    m_session->sendMessage(text);
}

QString MainWindow::suggestedExportPath(const Draft& draft, const QList<MediaItem>& media)
{
    QString base = draft.m.value(QStringLiteral("title")).toString().trimmed();
    if (base.isEmpty() && !media.isEmpty())
        base = QFileInfo(media.first().fileName).completeBaseName();
    if (base.isEmpty())
        base = QStringLiteral("clipwright");
    static const QRegularExpression unsafe(QStringLiteral("[\\\\/:*?\"<>|\\x00-\\x1f]"));
    base.replace(unsafe, QStringLiteral("-"));
    QString dir = QStandardPaths::writableLocation(QStandardPaths::MoviesLocation);
    if (dir.isEmpty())
        dir = QDir::homePath();
    return QDir(dir).filePath(base + QStringLiteral("-edit.mp4"));
}

void MainWindow::startExport()
{
    if (!m_session || m_exporting)
        return;
    if (!m_session->draft().isExportable()) {
        showError(tr("Nothing to export yet: add a clip first."));
        return;
    }
    const QString suggested = suggestedExportPath(m_session->draft(), m_session->media());
    if (m_saveFileHook) {
        QString path = m_saveFileHook(this, suggested);
        if (path.isEmpty())
            return;
        if (QFileInfo(path).suffix().compare(QLatin1String("mp4"), Qt::CaseInsensitive) != 0)
            path += QStringLiteral(".mp4");
        if (!confirmOverwrite(path))
            return; // an export never replaces a file without asking
        beginExport(path, defaultExportPreset());
        return;
    }
    if (findChild<ExportDialog*>(QStringLiteral("exportDialog")))
        return; // already open
    auto* dialog = new ExportDialog(QFileInfo(suggested).fileName(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (m_confirmHook)
        dialog->setConfirmOverwriteHook(m_confirmHook);
    // Export words said in the chat ("make it a GIF") are kept with the draft (m.export).
    const QJsonObject asked = m_session->draft().m.value(QLatin1String("export")).toObject();
    dialog->suggest(asked.value(QLatin1String("format")).toString(),
                    asked.value(QLatin1String("resolution")).toString());
    dialog->suggestMaxBytes(qint64(asked.value(QLatin1String("max_bytes")).toDouble(0)));
    dialog->suggestFast(asked.value(QLatin1String("fast")).toBool());
    // Shorts made in the chat: offered with their lengths, the one "export short 2" chose first.
    const Draft& draft = m_session->draft();
    QList<qint64> lengths;
    for (int n = 1; n <= shortsOf(draft).size(); ++n) {
        const std::optional<Draft> one = shortDraft(draft, n);
        lengths << (one ? one->computedDuration() : 0);
    }
    dialog->setShorts(lengths, asked.value(QLatin1String("short")).toInt(0));
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const int choice = dialog->shortChoice();
        const QStringList paths = dialog->paths();
        m_exportQueue.clear();
        if (choice == ExportDialog::kAllShorts) {
            for (int i = 1; i < paths.size(); ++i)
                m_exportQueue << qMakePair(paths.at(i), i + 1);
            m_queuePreset = dialog->preset();
            m_queueMaxBytes = dialog->maxBytes();
            m_queueFast = dialog->fast();
        }
        beginExport(paths.first(), dialog->preset(),
                    choice == ExportDialog::kAllShorts ? 1 : choice, dialog->maxBytes(),
                    dialog->fast());
    });
    dialog->open();
}

void MainWindow::beginExport(const QString& path, const QString& preset, int shortIndex,
                             qint64 maxBytes, std::optional<bool> fast)
{
    if (!m_session || m_exporting)
        return;
    m_exporting = true;
    m_exportPath = path;
    updateActions();
    m_exportBar->start();
    updateJobs(0);
    statusBar()->showMessage(tr("Exporting to %1…").arg(QDir::toNativeSeparators(path)));
    m_session->exportVideo(path, preset, shortIndex, maxBytes, fast);
}

void MainWindow::openSettings()
{
    if (findChild<SettingsDialog*>(QStringLiteral("settingsDialog")))
        return;
    auto* dialog = new SettingsDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setBackend(m_backend);
    dialog->open();
}

} // namespace cw
