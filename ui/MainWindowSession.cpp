// See MainWindow.h. This part wires the backend and the editor session to the widgets: every
// signal lands in a view, errors go to the chat transcript and the status bar (never a modal
// box), a finished export is announced (its Play button loads it into the viewer), and every
// new draft goes to the timeline and the viewer at once.
#include "MainWindow.h"

#include "Backend.h"
#include "ChatPanel.h"
#include "EditorSession.h"
#include "ExportBar.h"
#include "MediaBin.h"
#include "PreviewPane.h"
#include "TimelineMediaCache.h"
#include "TimelineView.h"

#include <QDir>
#include <QLabel>
#include <QLocale>
#include <QStatusBar>

namespace cw {

void MainWindow::connectBackend()
{
    if (!m_backend)
        return;
    connect(m_backend, &Backend::connected, this, [this] { setConnectionState(tr("connected")); });
    connect(m_backend, &Backend::connectionFailed, this, [this](const QString& message) {
        setConnectionState(tr("not connected"));
        m_chat->addErrorWithActions(message, {{QStringLiteral("retry"), tr("Retry")},
                                              {QStringLiteral("settings"), tr("Open settings")}});
        statusBar()->showMessage(message, 15000);
    });
    connect(m_backend, &Backend::accountChanged, this, [this] {
        setConnectionState(m_connectionState);
        if (m_session)
            m_session->refreshCredits();
    });
    connect(m_backend, &Backend::statusMessage, this,
            [this](const QString& message) { statusBar()->showMessage(message, 8000); });
}

void MainWindow::connectSession()
{
    connect(m_chat, &ChatPanel::errorActionTriggered, this, &MainWindow::handleErrorAction);
    connect(m_mediaBin, &MediaBin::filesRejected, this,
            [this](const QStringList& reasons) { showError(reasons.join(QLatin1Char('\n'))); });
    connect(m_mediaBin, &MediaBin::clipActivated, this, [this](const QString& fileName) {
        const QString path = m_mediaBin->localPath(fileName);
        if (!path.isEmpty()) {
            m_preview->setSource(QUrl::fromLocalFile(path));
            m_previewingExport = false;
        }
    });
    // In the edit a click on a segment moves the playhead there (playheadMoved); showing a
    // source clip, it shows the clicked segment's source instead.
    connect(m_timeline, &TimelineView::segmentClicked, this,
            [this](const QString&, const QString&, const QString& src) {
                if (!m_preview->isShowingEdit())
                    previewMediaId(src);
            });
    connect(m_timeline, &TimelineView::editRequested, this, &MainWindow::sendMessage);
    connect(m_timeline, &TimelineView::playheadMoved, this, [this](qint64 ms) {
        if (m_previewingExport || m_preview->isShowingEdit())
            m_preview->seek(ms);
    });
    connect(m_preview, &PreviewPane::positionChanged, this, [this](qint64 ms) {
        if (m_previewingExport || m_preview->isShowingEdit())
            m_timeline->setPlayheadMs(ms);
    });
    connect(m_exportBar, &ExportBar::playRequested, this, &MainWindow::playExport);
    if (!m_session)
        return;

    EditorSession* s = m_session;
    // Thumbnails and waveforms (media bin, timeline); the preview of the edit, rendered only
    // while the preview pane shows it (PreviewPane asks).
    auto* visuals = new TimelineMediaCache(this);
    visuals->attach(s);
    m_timeline->setMediaCache(visuals);
    m_mediaBin->setMediaCache(visuals);
    connect(m_preview, &PreviewPane::editPreviewRequested, s, &EditorSession::requestPreview);
    connect(m_preview, &PreviewPane::editFrameRequested, s, &EditorSession::requestEditFrame);
    connect(s, &EditorSession::editFrameReady, m_preview, &PreviewPane::setEditFrame);
    connect(s, &EditorSession::editFrameFailed, m_preview, &PreviewPane::setEditFrameFailed);
    connect(m_preview, &PreviewPane::modeChanged, this, [this](PreviewPane::Mode mode) {
        if (mode == PreviewPane::Mode::Edit) {
            m_previewingExport = false;
            m_preview->seek(m_timeline->playheadMs());
            return;
        }
        // "Source clip" with no clip picked yet: the source of the selected segment.
        const QString selected = m_timeline->selectedSegmentId();
        for (const Track& track : m_timeline->draft().t)
            for (const Segment& segment : track.sg)
                if (segment.id == selected && m_preview->source().isEmpty())
                    previewMediaId(segment.src);
    });
    connect(s, &EditorSession::previewProgress, m_preview, &PreviewPane::setEditProgress);
    connect(s, &EditorSession::previewReady, m_preview, &PreviewPane::setEditPreview);
    connect(s, &EditorSession::previewWindowReady, m_preview, &PreviewPane::setEditPreviewWindow);
    connect(s, &EditorSession::previewFailed, m_preview, &PreviewPane::setEditFailed);
    connect(m_mediaBin, &MediaBin::filesAccepted, s,
            [s](const QStringList& paths) { s->upload(paths); });
    connect(s, &EditorSession::ready, this, [this] {
        setConnectionState(tr("connected"));
        showDraft(m_session->draft());
        m_mediaBin->setMedia(m_session->media());
        updateActions();
        m_session->refreshCredits();
    });
    connect(s, &EditorSession::creditsChanged, this, [this](qint64 available, qint64, qint64) {
        m_creditsLabel->setText(tr("Credits: %1").arg(QLocale().toString(available)));
        m_creditsLabel->show();
    });
    connect(s, &EditorSession::creditsHidden, m_creditsLabel, &QWidget::hide);
    connect(s, &EditorSession::errorOccurred, this, &MainWindow::showError);
    connect(s, &EditorSession::uploadStarted, m_mediaBin, &MediaBin::uploadStarted);
    connect(s, &EditorSession::uploadProgress, m_mediaBin, &MediaBin::uploadProgress);
    connect(s, &EditorSession::uploadFinished, this, [this](const MediaItem& item) {
        m_mediaBin->uploadFinished(item);
        statusBar()->showMessage(tr("Added %1").arg(item.fileName), 5000);
    });
    connect(s, &EditorSession::uploadNote, m_chat, &ChatPanel::addNotice);
    connect(s, &EditorSession::uploadFailed, this,
            [this](const QString& fileName, const QString& message) {
                m_mediaBin->uploadFailed(fileName, message);
                showError(tr("%1: %2").arg(fileName, message));
            });
    connect(s, &EditorSession::mediaChanged, this,
            [this] { m_mediaBin->setMedia(m_session->media()); });

    connect(s, &EditorSession::agentStarted, m_chat, &ChatPanel::agentStarted);
    connect(s, &EditorSession::agentText, m_chat, &ChatPanel::setAgentText);
    connect(s, &EditorSession::agentProgress, m_chat, &ChatPanel::setProgress);
    connect(s, &EditorSession::agentFinished, m_chat, &ChatPanel::agentFinished);
    connect(m_chat, &ChatPanel::stopRequested, s, &EditorSession::stopAgent);
    connect(s, &EditorSession::agentStarted, this, [this] { m_timeline->setEditsEnabled(false); });
    connect(s, &EditorSession::agentFinished, this, [this] {
        m_timeline->setEditsEnabled(true);
        m_session->refreshCredits();
        focusChatAfterReply();
    });
    connect(s, &EditorSession::draftChanged, this, &MainWindow::showDraft);

    connect(m_exportBar, &ExportBar::cancelRequested, s, &EditorSession::cancelExport);
    connect(s, &EditorSession::exportProgress, this, [this](int percent, const QString& phase) {
        m_exportBar->setProgress(percent, phase);
        updateJobs(percent);
    });
    connect(s, &EditorSession::exportFinished, this, [this](const QString& path) {
        m_exporting = false;
        m_exportPath = path;
        m_exportBar->finishWith(path);
        updateJobs(-1);
        updateActions();
        const QString shown = QDir::toNativeSeparators(path);
        statusBar()->showMessage(tr("Export finished: %1").arg(shown));
        m_chat->addNotice(tr("Export finished: %1").arg(shown));
        m_session->refreshCredits(); // the viewer stays on the edit; the bar's Play shows the file
        if (!m_exportQueue.isEmpty()) { // all shorts: the next one
            const QPair<QString, int> next = m_exportQueue.takeFirst();
            beginExport(next.first, m_queuePreset, next.second, m_queueMaxBytes, m_queueFast);
        }
    });
    connect(s, &EditorSession::exportFailed, this, [this](const QString& message) {
        m_exporting = false;
        m_exportQueue.clear();
        m_exportBar->finish();
        updateJobs(-1);
        updateActions();
        showError(tr("Export failed: %1").arg(message));
    });
    // The service routes "export" / "upload" typed in the chat to these workflows; connect
    // by name so this builds against a session with or without those signals.
    if (s->metaObject()->indexOfSignal("exportRequested()") >= 0)
        connect(s, SIGNAL(exportRequested()), this, SLOT(startExport()));
    if (s->metaObject()->indexOfSignal("uploadRequested()") >= 0)
        connect(s, SIGNAL(uploadRequested()), this, SLOT(addMedia()));
}

void MainWindow::showDraft(const Draft& draft)
{
    m_timeline->setDraft(draft);
    const qint64 duration =
        draft.isExportable() ? std::max<qint64>(1, draft.computedDuration()) : qint64(0);
    const double fps = draft.m.value(QStringLiteral("fps")).toDouble();
    if (fps > 0)
        m_preview->setFrameRate(fps);
    m_timeline->setPlayheadMs(std::min(m_timeline->playheadMs(), duration));
    m_preview->setEditDuration(duration);
    m_preview->setEditStale(); // the still at the playhead now, the playable render soon
    updateActions();
}

void MainWindow::playExport(const QString& path)
{
    if (path.isEmpty())
        return;
    m_preview->setSource(QUrl::fromLocalFile(path), true);
    m_previewingExport = true;
}

void MainWindow::previewMediaId(const QString& mediaId)
{
    if (!m_session || mediaId.isEmpty())
        return;
    for (const MediaItem& item : m_session->media()) {
        if (item.id == mediaId) {
            const QString path = m_mediaBin->localPath(item.fileName);
            if (!path.isEmpty()) {
                m_preview->setSource(QUrl::fromLocalFile(path));
                m_previewingExport = false;
            }
            return;
        }
    }
}

} // namespace cw
