// See MainWindow.h. This part lays the window out and keeps it as the user left it: the
// viewer takes what the media bin and the chat leave (about half the width at the default
// 1280×800), the chat can be folded away to the right, splitters and geometry come back from
// QSettings. It also takes file drops anywhere on the window, forwards transport keys nothing
// else used to the viewer, and gives the chat input the focus at start and after replies.
#include "MainWindow.h"

#include "ChatInput.h"
#include "ChatPanel.h"
#include "MediaBin.h"
#include "PreviewPane.h"
#include "TimelineView.h"

#include <QAbstractSpinBox>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSettings>
#include <QShowEvent>
#include <QSplitter>
#include <QTextEdit>
#include <QVBoxLayout>

namespace cw {

namespace {

constexpr int kBinShare = 21;  // % of the width at first start
constexpr int kChatShare = 27; // the viewer gets the rest (~50%)
const char kGeometryKey[] = "window/geometry";
const char kStateKey[] = "window/state";
const char kTopKey[] = "window/topSplitter";
const char kMainKey[] = "window/mainSplitter";

bool takesTyping(const QWidget* w)
{
    if (qobject_cast<const QLineEdit*>(w) || qobject_cast<const QAbstractSpinBox*>(w))
        return true;
    if (const auto* text = qobject_cast<const QPlainTextEdit*>(w))
        return !text->isReadOnly();
    if (const auto* text = qobject_cast<const QTextEdit*>(w))
        return !text->isReadOnly();
    if (const auto* combo = qobject_cast<const QComboBox*>(w))
        return combo->isEditable();
    return false;
}

} // namespace

void MainWindow::createLayout()
{
    m_mediaBin = new MediaBin(this);
    m_preview = new PreviewPane(this);
    m_chat = new ChatPanel(this);
    m_timeline = new TimelineView(this);
    m_chat->setMinimumWidth(240);
    m_mediaBin->setMinimumWidth(180);
    m_preview->setMinimumWidth(320);

    m_topSplitter = new QSplitter(Qt::Horizontal, this);
    m_topSplitter->setObjectName(QStringLiteral("topSplitter"));
    m_topSplitter->addWidget(m_mediaBin);
    m_topSplitter->addWidget(m_preview);
    m_topSplitter->addWidget(m_chat);
    m_topSplitter->setStretchFactor(0, 0);
    m_topSplitter->setStretchFactor(1, 1);
    m_topSplitter->setStretchFactor(2, 0);
    m_topSplitter->setCollapsible(0, false);
    m_topSplitter->setCollapsible(1, false);
    m_topSplitter->setCollapsible(2, true);
    const int width = 1280;
    m_topSplitter->setSizes({width * kBinShare / 100, width * (100 - kBinShare - kChatShare) / 100,
                             width * kChatShare / 100});
    connect(m_topSplitter, &QSplitter::splitterMoved, this, [this] {
        if (m_showChatAction)
            m_showChatAction->setChecked(isChatShown());
    });

    m_mainSplitter = new QSplitter(Qt::Vertical, this);
    m_mainSplitter->setObjectName(QStringLiteral("mainSplitter"));
    m_mainSplitter->addWidget(m_topSplitter);
    m_mainSplitter->addWidget(m_timeline);
    m_mainSplitter->setStretchFactor(0, 3);
    m_mainSplitter->setStretchFactor(1, 1);
    m_mainSplitter->setChildrenCollapsible(false);
    m_mainSplitter->setSizes({560, m_timeline->sizeHint().height()});

    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(8, 8, 8, 4);
    layout->addWidget(m_mainSplitter);
    setCentralWidget(central);
    setAcceptDrops(true);
    m_chat->input()->setFocus(Qt::OtherFocusReason);
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    restoreGeometry(settings.value(QLatin1String(kGeometryKey)).toByteArray());
    restoreState(settings.value(QLatin1String(kStateKey)).toByteArray());
    m_topSplitter->restoreState(settings.value(QLatin1String(kTopKey)).toByteArray());
    m_mainSplitter->restoreState(settings.value(QLatin1String(kMainKey)).toByteArray());
    m_showChatAction->setChecked(isChatShown());
    if (!isChatShown())
        m_preview->setFocus(Qt::OtherFocusReason); // the chat was folded away when last closed
}

void MainWindow::saveLayout() const
{
    QSettings settings;
    settings.setValue(QLatin1String(kGeometryKey), saveGeometry());
    settings.setValue(QLatin1String(kStateKey), saveState());
    settings.setValue(QLatin1String(kTopKey), m_topSplitter->saveState());
    settings.setValue(QLatin1String(kMainKey), m_mainSplitter->saveState());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveLayout();
    QMainWindow::closeEvent(event);
}

void MainWindow::showEvent(QShowEvent* event)
{
    QMainWindow::showEvent(event);
    if (!event->spontaneous() && isChatShown() && !focusWidget())
        m_chat->input()->setFocus(Qt::OtherFocusReason);
}

bool MainWindow::isChatShown() const
{
    const QList<int> sizes = m_topSplitter->sizes();
    return sizes.size() == 3 && sizes.at(2) > 0;
}

void MainWindow::setChatShown(bool shown)
{
    QList<int> sizes = m_topSplitter->sizes();
    if (sizes.size() != 3 || shown == isChatShown()) {
        m_showChatAction->setChecked(isChatShown());
        return;
    }
    if (shown) {
        const int wanted = m_chatWidth > 0 ? m_chatWidth : this->width() * kChatShare / 100;
        const int taken = std::min(wanted, std::max(0, sizes.at(1) - m_preview->minimumWidth()));
        sizes[1] -= taken;
        sizes[2] = taken;
    } else {
        m_chatWidth = sizes.at(2);
        sizes[1] += sizes.at(2);
        sizes[2] = 0;
    }
    const bool hadFocus = m_chat->isAncestorOf(QApplication::focusWidget());
    m_topSplitter->setSizes(sizes);
    m_showChatAction->setChecked(isChatShown());
    if (isChatShown())
        m_chat->input()->setFocus(Qt::OtherFocusReason);
    else if (hadFocus)
        m_preview->setFocus(Qt::OtherFocusReason);
}

void MainWindow::focusChatAfterReply()
{
    QWidget* focused = QApplication::focusWidget();
    if (!isChatShown() || (focused && (focused->window() != this || takesTyping(focused))))
        return; // a dialog, or a field the user is typing in
    m_chat->input()->setFocus(Qt::OtherFocusReason);
}

void MainWindow::keyPressEvent(QKeyEvent* event)
{
    // Keys no child used (the timeline has the focus, say) still drive the viewer.
    if (event->modifiers() == Qt::NoModifier && m_preview->transportKey(event->key())) {
        event->accept();
        return;
    }
    QMainWindow::keyPressEvent(event);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (MediaBin::localFiles(event->mimeData()).isEmpty()) {
        event->ignore();
        return;
    }
    event->acceptProposedAction();
    m_mediaBin->setDropHighlighted(true);
}

void MainWindow::dragMoveEvent(QDragMoveEvent* event)
{
    if (MediaBin::localFiles(event->mimeData()).isEmpty())
        event->ignore();
    else
        event->acceptProposedAction();
}

void MainWindow::dragLeaveEvent(QDragLeaveEvent* event)
{
    m_mediaBin->setDropHighlighted(false);
    QMainWindow::dragLeaveEvent(event);
}

void MainWindow::dropEvent(QDropEvent* event)
{
    m_mediaBin->setDropHighlighted(false);
    const QStringList paths = MediaBin::localFiles(event->mimeData());
    if (paths.isEmpty()) {
        event->ignore();
        return;
    }
    event->acceptProposedAction();
    m_mediaBin->offerPaths(paths);
}

} // namespace cw
