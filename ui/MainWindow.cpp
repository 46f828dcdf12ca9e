// See MainWindow.h. This part builds the layout and the status bar.
#include "MainWindow.h"

#include "Backend.h"
#include "ChatPanel.h"
#include "ExportBar.h"
#include "Icons.h"
#include "MediaBin.h"
#include "PreviewPane.h"
#include "TimelineView.h"

#include <QLabel>
#include <QSplitter>
#include <QStatusBar>
#include <QVBoxLayout>

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
}

MainWindow::~MainWindow() = default;

void MainWindow::createLayout()
{
    m_mediaBin = new MediaBin(this);
    m_preview = new PreviewPane(this);
    m_chat = new ChatPanel(this);
    m_timeline = new TimelineView(this);

    auto* left = new QSplitter(Qt::Vertical, this);
    left->setObjectName(QStringLiteral("leftSplitter"));
    left->addWidget(m_mediaBin);
    left->addWidget(m_preview);
    left->setStretchFactor(0, 3);
    left->setStretchFactor(1, 2);

    auto* top = new QSplitter(Qt::Horizontal, this);
    top->setObjectName(QStringLiteral("topSplitter"));
    top->addWidget(left);
    top->addWidget(m_chat);
    top->setStretchFactor(0, 1);
    top->setStretchFactor(1, 2);
    top->setSizes({380, 900});

    auto* main = new QSplitter(Qt::Vertical, this);
    main->setObjectName(QStringLiteral("mainSplitter"));
    main->addWidget(top);
    main->addWidget(m_timeline);
    main->setStretchFactor(0, 3);
    main->setStretchFactor(1, 1);
    main->setChildrenCollapsible(false);
    main->setSizes({560, m_timeline->sizeHint().height()});

    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(8, 8, 8, 4);
    layout->addWidget(main);
    setCentralWidget(central);
}

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
    statusBar()->addPermanentWidget(m_exportBar);
    statusBar()->addPermanentWidget(m_jobsLabel);
    statusBar()->addPermanentWidget(m_backendLabel);
    setConnectionState(m_backend && m_backend->isConnected() ? tr("connected") : tr("connecting…"));
    if (!m_backend)
        setConnectionState(tr("no backend"));
}

void MainWindow::setConnectionState(const QString& state)
{
    const QString name = m_backend ? m_backend->backendName() : tr("Local engine");
    m_backendLabel->setText(tr("%1 · %2").arg(name.isEmpty() ? tr("Local engine") : name, state));
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
    m_chat->addError(message);
    statusBar()->showMessage(message, 15000);
}

} // namespace cw
