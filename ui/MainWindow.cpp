// See MainWindow.h. This part builds the window and the status bar, and turns errors into
// chat messages with their action: a failed connection offers Retry and Open settings, the
// no-credits message (2001, ApiError.h) a Top up button for its registration link.
#include "MainWindow.h"

#include "ApiError.h"
#include "Backend.h"
#include "ChatPanel.h"
#include "EditorSession.h"
#include "ExportBar.h"
#include "Icons.h"
#include "MediaBin.h"
#include "PreviewPane.h"
#include "TimelineView.h"
#include "UiLocale.h"

#include <QDesktopServices>
#include <QLabel>
#include <QRegularExpression>
#include <QStatusBar>

namespace cw {

MainWindow::MainWindow(Backend* backend, QWidget* parent)
    : QMainWindow(parent), m_backend(backend), m_session(backend ? backend->session() : nullptr)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Clipwright"));
    setWindowIcon(icon(QStringLiteral("clipwright")));
    resize(1280, 800);
    createLayout();
    createActions();
    createStatusBar();
    connectBackend();
    connectSession();
    updateActions();
    restoreLayout();
}

MainWindow::~MainWindow() = default;

void MainWindow::createStatusBar()
{
    m_backendLabel = new QLabel(this);
    m_backendLabel->setObjectName(QStringLiteral("backendStatus"));
    m_backendLabel->setAccessibleName(tr("Backend and connection"));
    m_exportBar = new ExportBar(this);
    m_jobsLabel = new QLabel(this);
    m_jobsLabel->setObjectName(QStringLiteral("jobsStatus"));
    m_jobsLabel->setAccessibleName(tr("Running jobs"));
    updateJobs(-1);
    m_creditsLabel = new QLabel(this);
    m_creditsLabel->setObjectName(QStringLiteral("creditsStatus"));
    m_creditsLabel->setAccessibleName(tr("Credits"));
    m_creditsLabel->hide(); // shown once a backend with a credit limit reports its balance
    statusBar()->addPermanentWidget(m_exportBar);
    statusBar()->addPermanentWidget(m_jobsLabel);
    statusBar()->addPermanentWidget(m_creditsLabel);
    statusBar()->addPermanentWidget(m_backendLabel);
    setConnectionState(m_backend && m_backend->isConnected() ? tr("connected") : tr("connecting…"));
    if (!m_backend)
        setConnectionState(tr("no backend"));
}

void MainWindow::setConnectionState(const QString& state)
{
    m_connectionState = state;
    QString name = m_backend ? m_backend->backendName() : tr("Local engine");
    if (name.isEmpty())
        name = tr("Local engine");
    const QString account = m_backend ? m_backend->accountDescription() : QString();
    m_backendLabel->setText(account.isEmpty() ? tr("%1 · %2").arg(name, state)
                                              : tr("%1 · %2 · %3").arg(name, state, account));
}

void MainWindow::updateJobs(int percent)
{
    if (percent < 0)
        m_jobsLabel->setText(tr("No jobs running"));
    else
        m_jobsLabel->setText(tr("1 job running: export %1%").arg(percent));
}

void MainWindow::showError(const QString& message)
{
    QList<ChatPanel::ErrorAction> actions;
    static const QRegularExpression link(QStringLiteral("https?://[^\\s<>\"]+"));
    const QRegularExpressionMatch m = link.match(message);
    const QString noCredits = describeError(402, ErrorCode::NoCredits).message;
    m_actionLink.clear();
    if (message.contains(noCredits.left(30)) && m_backend) {
        m_actionLink = m.hasMatch() ? QUrl(m.captured(0)) : m_backend->profile().registrationUrl;
        if (m_actionLink.isValid())
            actions << ChatPanel::ErrorAction{QStringLiteral("topup"), tr("Top up or register")};
        actions << ChatPanel::ErrorAction{QStringLiteral("settings"), tr("Open settings")};
    } else if (m.hasMatch()) {
        m_actionLink = QUrl(m.captured(0));
        actions << ChatPanel::ErrorAction{QStringLiteral("link"), tr("Open link")};
    }
    m_chat->addErrorWithActions(message, actions);
    statusBar()->showMessage(message, 15000);
}

void MainWindow::handleErrorAction(const QString& id)
{
    if (id == QLatin1String("settings")) {
        openSettings();
    } else if (id == QLatin1String("retry") && m_backend) {
        setConnectionState(tr("connecting…"));
        const QString language = m_session ? m_session->language() : QString();
        m_backend->start(language.isEmpty() ? agentLanguage(uiLocale()) : language);
    } else if ((id == QLatin1String("topup") || id == QLatin1String("link") ||
                id == QLatin1String("folder")) &&
               m_actionLink.isValid()) {
        openUrl(m_actionLink);
    }
}

void MainWindow::setOpenUrlHook(OpenUrlHook hook)
{
    m_openUrlHook = hook;
    m_exportBar->setOpenUrlHook(std::move(hook));
}

void MainWindow::openUrl(const QUrl& url)
{
    if (m_openUrlHook)
        m_openUrlHook(url);
    else
        QDesktopServices::openUrl(url);
}

} // namespace cw
