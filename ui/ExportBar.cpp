// See ExportBar.h. The estimate is linear: elapsed / progress × what is left. It is shown
// only after a few percent, when the rate means something.
#include "ExportBar.h"

#include <QDateTime>
#include <QDesktopServices>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QToolButton>

namespace cw {

namespace {
QToolButton* makeButton(QWidget* parent, const char* name, const QString& text,
                        const QString& accessible)
{
    auto* button = new QToolButton(parent);
    button->setObjectName(QLatin1String(name));
    button->setText(text);
    button->setAccessibleName(accessible);
    button->setToolTip(accessible);
    return button;
}
} // namespace

ExportBar::ExportBar(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("exportBar"));
    m_bar = new QProgressBar(this);
    m_bar->setObjectName(QStringLiteral("exportProgress"));
    m_bar->setAccessibleName(tr("Export progress"));
    m_bar->setRange(0, 100);
    m_bar->setMinimumWidth(180);
    m_timeLeft = new QLabel(this);
    m_timeLeft->setObjectName(QStringLiteral("exportTimeLeft"));
    m_timeLeft->setAccessibleName(tr("Time left"));
    m_done = new QLabel(tr("Export finished"), this);
    m_done->setObjectName(QStringLiteral("exportDoneLabel"));
    m_cancel = makeButton(this, "cancelExportButton", tr("Cancel"), tr("Cancel export"));
    m_showInFolder = makeButton(this, "showInFolderButton", tr("Show in folder"),
                                tr("Show the exported file in its folder"));
    m_play = makeButton(this, "playExportButton", tr("Play"), tr("Play the exported video"));
    m_dismiss = makeButton(this, "dismissExportButton", QStringLiteral("×"), tr("Dismiss"));

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_bar);
    layout->addWidget(m_timeLeft);
    layout->addWidget(m_cancel);
    layout->addWidget(m_done);
    layout->addWidget(m_showInFolder);
    layout->addWidget(m_play);
    layout->addWidget(m_dismiss);
    connect(m_cancel, &QToolButton::clicked, this, &ExportBar::cancelRequested);
    connect(m_showInFolder, &QToolButton::clicked, this, &ExportBar::showInFolder);
    connect(m_play, &QToolButton::clicked, this, [this] { Q_EMIT playRequested(m_result); });
    connect(m_dismiss, &QToolButton::clicked, this, &ExportBar::finish);
    hide();
}

qint64 ExportBar::now() const
{
    if (m_clock)
        return m_clock();
    static QElapsedTimer timer;
    if (!timer.isValid())
        timer.start();
    return timer.elapsed();
}

QString ExportBar::formatTimeLeft(qint64 seconds)
{
    if (seconds < 0)
        return QString();
    if (seconds < 60)
        return tr("about %1 s left").arg(std::max<qint64>(1, seconds));
    if (seconds < 3600)
        return tr("about %1 min left").arg((seconds + 30) / 60);
    return tr("about %1 h %2 min left").arg(seconds / 3600).arg((seconds % 3600) / 60);
}

void ExportBar::start()
{
    m_result.clear();
    m_startedMs = now();
    for (QWidget* w : {static_cast<QWidget*>(m_bar), static_cast<QWidget*>(m_timeLeft),
                       static_cast<QWidget*>(m_cancel)})
        w->show();
    for (QWidget* w : {static_cast<QWidget*>(m_done), static_cast<QWidget*>(m_showInFolder),
                       static_cast<QWidget*>(m_play), static_cast<QWidget*>(m_dismiss)})
        w->hide();
    setProgress(0, QString());
    m_cancel->setEnabled(true);
    show();
}

void ExportBar::setProgress(int percent, const QString& phase)
{
    percent = std::clamp(percent, 0, 100);
    m_bar->setValue(percent);
    if (phase == QLatin1String("downloading"))
        m_bar->setFormat(tr("Saving %p%"));
    else if (phase == QLatin1String("rendering"))
        m_bar->setFormat(tr("Rendering %p%"));
    else
        m_bar->setFormat(tr("Exporting %p%"));
    const qint64 elapsed = now() - m_startedMs;
    m_secondsLeft = -1;
    if (percent >= 3 && percent < 100 && elapsed > 0)
        m_secondsLeft = (elapsed * (100 - percent) / percent + 999) / 1000;
    m_timeLeft->setText(formatTimeLeft(m_secondsLeft));
    if (isHidden())
        show();
}

void ExportBar::finish()
{
    hide();
}

void ExportBar::finishWith(const QString& path)
{
    m_result = path;
    m_secondsLeft = -1;
    for (QWidget* w : {static_cast<QWidget*>(m_bar), static_cast<QWidget*>(m_timeLeft),
                       static_cast<QWidget*>(m_cancel)})
        w->hide();
    for (QWidget* w : {static_cast<QWidget*>(m_done), static_cast<QWidget*>(m_showInFolder),
                       static_cast<QWidget*>(m_play), static_cast<QWidget*>(m_dismiss)})
        w->show();
    m_done->setToolTip(QDir::toNativeSeparators(path));
    show();
}

void ExportBar::showInFolder()
{
    if (m_result.isEmpty())
        return;
    const QUrl folder = QUrl::fromLocalFile(QFileInfo(m_result).absolutePath());
    if (m_openUrl)
        m_openUrl(folder);
    else
        QDesktopServices::openUrl(folder);
}

} // namespace cw
